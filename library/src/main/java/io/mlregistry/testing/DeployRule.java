package io.mlregistry.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule that AWS or the Pulumi engine enforces only when the stack is deployed, and that no
 * single resource's inputs show: two resources may each be valid and still collide. Each rule
 * checks a whole {@link StackRecording}; a violation is one line that names both resources.
 *
 * <pre>{@code
 * StackRecording run = StackRecording.run(AwsMocks.create(), App::stack);
 * assertThat(run.deployProblems()).isEmpty();
 * }</pre>
 *
 * <p>A resource's account is its {@code domainOwner} when it names one, else the account its
 * provider assumes a role in ({@code assumeRole.roleArn}), else the recording's account; its
 * region is its provider's {@code region} input, else the recording's region.
 */
public enum DeployRule {

    /**
     * The engine refuses two resources with one URN ("Duplicate resource URN"): the URN is made
     * of the stack, project, parent types, type and logical name, so two components of one type
     * and name give every child a duplicate. pulumi-java's mock engine does not check this; it
     * keeps the second registration. Only the topmost duplicate is reported, not its children.
     * Source: Pulumi's resource names and URNs
     * (https://www.pulumi.com/docs/iac/concepts/resources/names/).
     */
    UNIQUE_URN {
        @Override
        public List<String> check(StackRecording recording) {
            Map<String, List<RecordedResource>> byUrn = group(recording.resources(), RecordedResource::urn);
            List<String> problems = new ArrayList<>();
            byUrn.forEach((urn, resources) -> {
                // The children of a duplicate are duplicates too; the topmost one says it all.
                boolean parentDuplicated = resources.get(0).parentUrn()
                        .map(parent -> byUrn.getOrDefault(parent, List.of()).size() > 1)
                        .orElse(false);
                if (resources.size() > 1 && !parentDuplicated) {
                    problems.add("urn (" + urn + ") is registered " + resources.size()
                            + " times; the engine refuses a duplicate URN, give each component a distinct name");
                }
            });
            Collections.sort(problems);
            return problems;
        }
    },

    /**
     * CodeArtifact domain names are unique per account and region. Source: the {@code domain}
     * parameter of CreateDomain in the CodeArtifact API Reference
     * (https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_CreateDomain.html).
     */
    UNIQUE_DOMAIN {
        @Override
        public List<String> check(StackRecording recording) {
            return duplicates(recording, "aws:codeartifact/domain:Domain",
                    r -> r.input("domain").map(d -> place(recording, r, Optional.empty()) + "/" + d),
                    r -> "domain (" + r.input("domain").orElseThrow() + ")",
                    "a domain name is unique per account and region");
        }
    },

    /**
     * Repository names are unique in their domain: CreateRepository fails with a conflict for a
     * name the domain already has. Source: CreateRepository in the CodeArtifact API Reference
     * (https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_CreateRepository.html).
     */
    UNIQUE_REPOSITORY {
        @Override
        public List<String> check(StackRecording recording) {
            return duplicates(recording, "aws:codeartifact/repository:Repository",
                    r -> r.input("repository").map(name -> domainKey(recording, r) + "/" + name),
                    r -> "repository (" + r.input("domain").orElse("?") + "/" + r.input("repository").orElseThrow() + ")",
                    "a repository name is unique in its domain");
        }
    },

    /**
     * KMS alias names are unique per account and region. Source: CreateAlias in the AWS KMS API
     * Reference (https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html).
     */
    UNIQUE_KMS_ALIAS {
        @Override
        public List<String> check(StackRecording recording) {
            return duplicates(recording, "aws:kms/alias:Alias",
                    r -> r.input("name").map(name -> place(recording, r, Optional.empty()) + "/" + name),
                    r -> "kms alias (" + r.input("name").orElseThrow() + ")",
                    "an alias name is unique per account and region");
        }
    },

    /**
     * A package group's pattern is its identifier in the domain, so two groups cannot have one
     * pattern. Source: the {@code packageGroup} parameter of CreatePackageGroup in the
     * CodeArtifact API Reference
     * (https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_CreatePackageGroup.html).
     */
    UNIQUE_PACKAGE_GROUP {
        @Override
        public List<String> check(StackRecording recording) {
            return duplicates(recording, "aws:cloudcontrol/resource:Resource",
                    r -> packageGroup(r).map(g -> place(recording, r, optional(g, "DomainOwner")) + "/"
                            + optional(g, "DomainName").orElse("?") + "/" + optional(g, "Pattern").orElse("?")),
                    r -> packageGroup(r).map(g -> "package group (" + optional(g, "DomainName").orElse("?") + " "
                            + optional(g, "Pattern").orElse("?") + ")").orElseThrow(),
                    "a pattern is unique in its domain");
        }
    },

    /**
     * A domain has one resource policy: PutDomainPermissionsPolicy replaces the one there, so
     * of two policy resources the last to be written wins and the other shows a diff forever.
     * Source: PutDomainPermissionsPolicy in the CodeArtifact API Reference
     * (https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_PutDomainPermissionsPolicy.html).
     */
    ONE_DOMAIN_POLICY {
        @Override
        public List<String> check(StackRecording recording) {
            return duplicates(recording, "aws:codeartifact/domainPermissions:DomainPermissions",
                    r -> r.input("domain").map(d -> domainKey(recording, r)),
                    r -> "domain policy (" + r.input("domain").orElseThrow() + ")",
                    "a domain has one permissions policy and each would replace the other");
        }
    },

    /**
     * A repository has one resource policy: PutRepositoryPermissionsPolicy replaces the one
     * there. Source: PutRepositoryPermissionsPolicy in the CodeArtifact API Reference
     * (https://docs.aws.amazon.com/codeartifact/latest/APIReference/API_PutRepositoryPermissionsPolicy.html).
     */
    ONE_REPOSITORY_POLICY {
        @Override
        public List<String> check(StackRecording recording) {
            return duplicates(recording, "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
                    r -> r.input("repository").map(name -> domainKey(recording, r) + "/" + name),
                    r -> "repository policy (" + r.input("domain").orElse("?") + "/" + r.input("repository").orElseThrow() + ")",
                    "a repository has one permissions policy and each would replace the other");
        }
    },

    /**
     * A VPC takes one interface endpoint with private DNS per service: private DNS associates a
     * private hosted zone for the service's own names with the VPC, and EC2 refuses a second
     * ("private-dns-enabled cannot be set because there is already a conflicting DNS domain", as
     * terraform-provider-aws issues 17535 and 17269 quote it; AWS's pages do not state the limit).
     * Source: {@code PrivateDnsEnabled} of CreateVpcEndpoint in the EC2 API Reference
     * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html).
     */
    ONE_PRIVATE_DNS_ENDPOINT_PER_SERVICE {
        @Override
        public List<String> check(StackRecording recording) {
            return duplicates(recording, "aws:ec2/vpcEndpoint:VpcEndpoint",
                    r -> Boolean.TRUE.equals(r.inputs().get("privateDnsEnabled"))
                            ? r.input("vpcId").flatMap(vpc -> r.input("serviceName").map(service -> vpc + "/" + service))
                            : Optional.empty(),
                    r -> "VPC endpoint with private DNS (" + r.input("serviceName").orElseThrow() + " in "
                            + recording.ec2Name(r.input("vpcId").orElseThrow()).orElse(r.input("vpcId").orElseThrow()) + ")",
                    "a VPC takes one endpoint with private DNS per service");
        }
    },

    /**
     * Every ARN a policy names as principal or resource is in the partition of the resource that
     * holds the policy: IAM in one partition cannot name principals or resources of another.
     * Source: "ARN format" in the IAM User Guide
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
     */
    POLICY_PARTITION {
        @Override
        public List<String> check(StackRecording recording) {
            List<String> problems = new ArrayList<>();
            for (RecordedResource resource : recording.resources()) {
                String key = POLICY_INPUTS.get(resource.type());
                if (key == null || !(resource.inputs().get(key) instanceof String)) {
                    continue;
                }
                String partition = AwsMocks.partitionOf(region(recording, resource));
                TreeSet<String> foreign = new TreeSet<>();
                for (String arn : principalsAndResources((String) resource.inputs().get(key))) {
                    Matcher m = ARN_PARTITION.matcher(arn);
                    if (m.lookingAt() && !m.group(1).equals(partition)) {
                        foreign.add(arn);
                    }
                }
                for (String arn : foreign) {
                    problems.add(key + " of " + resource.name() + " (partition " + partition + ") names " + arn
                            + "; a policy names principals and resources of its own partition only");
                }
            }
            Collections.sort(problems);
            return problems;
        }
    };

    private static final String PROVIDER_TYPE = "pulumi:providers:aws";
    private static final Pattern ARN_PARTITION = Pattern.compile("arn:([a-z-]+):");
    private static final Map<String, String> POLICY_INPUTS = Map.of(
            "aws:codeartifact/domainPermissions:DomainPermissions", "policyDocument",
            "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy", "policyDocument",
            "aws:iam/policy:Policy", "policy");

    /**
     * The violations of this rule in a recording.
     *
     * @param recording what a program registered
     * @return one line per violation, naming the resources involved, in alphabetical order so
     *     that the same program always gives the same lines; empty when there is none
     */
    public abstract List<String> check(StackRecording recording);

    /**
     * The violations of every rule, in the order the rules are declared.
     *
     * @param recording what a program registered
     * @return one line per violation; empty when the stack breaks no rule
     */
    public static List<String> checkAll(StackRecording recording) {
        List<String> problems = new ArrayList<>();
        for (DeployRule rule : values()) {
            problems.addAll(rule.check(recording));
        }
        return problems;
    }

    private static List<String> duplicates(
            StackRecording recording, String type, Function<RecordedResource, Optional<String>> identity,
            Function<RecordedResource, String> what, String why) {
        Map<String, List<RecordedResource>> byIdentity = new LinkedHashMap<>();
        for (RecordedResource resource : recording.resources(type)) {
            identity.apply(resource).ifPresent(key ->
                    byIdentity.computeIfAbsent(key, k -> new ArrayList<>()).add(resource));
        }
        List<String> problems = new ArrayList<>();
        byIdentity.values().stream().filter(list -> list.size() > 1).forEach(list -> {
            // Registration order varies between runs; sorted names and lines do not.
            List<String> names = list.stream().map(RecordedResource::name).sorted().collect(Collectors.toList());
            problems.add(what.apply(list.get(0)) + " is created by both " + String.join(" and ", names) + "; " + why);
        });
        Collections.sort(problems);
        return problems;
    }

    private static <K> Map<K, List<RecordedResource>> group(
            List<RecordedResource> resources, Function<RecordedResource, K> key) {
        Map<K, List<RecordedResource>> grouped = new LinkedHashMap<>();
        resources.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return grouped;
    }

    /** Owner account and region of a resource in a domain, then the domain's name. */
    private static String domainKey(StackRecording recording, RecordedResource resource) {
        return place(recording, resource, resource.input("domainOwner")) + "/" + resource.input("domain").orElse("?");
    }

    /** {@code <account>/<region>} of a resource. */
    private static String place(StackRecording recording, RecordedResource resource, Optional<String> owner) {
        return owner.orElseGet(() -> account(recording, resource)) + "/" + region(recording, resource);
    }

    private static String region(StackRecording recording, RecordedResource resource) {
        return provider(recording, resource)
                .map(p -> p.inputs().get("region"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .orElse(recording.region());
    }

    @SuppressWarnings("unchecked")
    private static String account(StackRecording recording, RecordedResource resource) {
        return provider(recording, resource)
                .map(p -> p.inputs().get("assumeRole"))
                .filter(Map.class::isInstance)
                .map(role -> ((Map<String, Object>) role).get("roleArn"))
                .filter(String.class::isInstance)
                .map(arn -> ((String) arn).split(":", -1))
                .filter(parts -> parts.length > 4 && !parts[4].isEmpty())
                .map(parts -> parts[4])
                .orElse(recording.accountId());
    }

    private static Optional<RecordedResource> provider(StackRecording recording, RecordedResource resource) {
        return resource.provider().flatMap(reference -> {
            String urn = reference.substring(0, reference.lastIndexOf("::"));
            return recording.resources(PROVIDER_TYPE).stream().filter(p -> p.urn().equals(urn)).findFirst();
        });
    }

    private static Optional<JsonObject> packageGroup(RecordedResource resource) {
        if (!"AWS::CodeArtifact::PackageGroup".equals(resource.inputs().get("typeName"))) {
            return Optional.empty();
        }
        return resource.input("desiredState").flatMap(DeployRule::parseObject);
    }

    private static Optional<String> optional(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString()) : Optional.empty();
    }

    private static Optional<JsonObject> parseObject(String json) {
        try {
            JsonElement parsed = JsonParser.parseString(json);
            return parsed.isJsonObject() ? Optional.of(parsed.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** The ARNs a policy document names in its statements' Principal, NotPrincipal, Resource and NotResource. */
    private static List<String> principalsAndResources(String document) {
        List<String> arns = new ArrayList<>();
        Optional<JsonObject> policy = parseObject(document);
        if (policy.isEmpty()) {
            return arns;
        }
        JsonElement statements = policy.get().get("Statement");
        JsonArray list = new JsonArray();
        if (statements != null && statements.isJsonArray()) {
            list = statements.getAsJsonArray();
        } else if (statements != null) {
            list.add(statements);
        }
        for (JsonElement statement : list) {
            if (!statement.isJsonObject()) {
                continue;
            }
            for (String key : List.of("Principal", "NotPrincipal", "Resource", "NotResource")) {
                collectStrings(statement.getAsJsonObject().get(key), arns);
            }
        }
        return arns;
    }

    private static void collectStrings(JsonElement element, List<String> into) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonPrimitive()) {
            into.add(element.getAsString());
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectStrings(e, into));
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> collectStrings(e.getValue(), into));
        }
    }
}
