package io.mlregistry.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.test.Mocks;
import io.mlregistry.internal.rules.AssetBuckets;
import io.mlregistry.internal.rules.Endpoints;

import java.net.URLEncoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pulumi mock engine for AWS programs: it records every resource a program registers, with its
 * inputs, and answers with the attributes AWS would compute, formed the way AWS forms them (ARNs,
 * key IDs, owners). Nothing reaches AWS.
 *
 * <p>Use it through {@link StackRecording#run}, or pass it to
 * {@code com.pulumi.test.PulumiTest.withMocks} directly. Resources registered through an explicit
 * AWS provider get ARNs in that provider's region.
 */
public final class AwsMocks implements Mocks {

    private static final String PROVIDER_TYPE = "pulumi:providers:aws";

    private final String accountId;
    private final String region;
    private final boolean placeholders;
    private final List<Mocks.ResourceArgs> registrations = Collections.synchronizedList(new ArrayList<>());
    private final List<Mocks.CallArgs> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    /** EC2 IDs assigned, to the logical names of their resources. */
    private final Map<String, String> ec2Names = new ConcurrentHashMap<>();

    private AwsMocks(Builder builder) {
        this.accountId = builder.accountId;
        this.region = builder.region;
        this.placeholders = builder.placeholders;
    }

    /**
     * Mocks for account {@code 123456789012} in {@code us-east-1}.
     *
     * @return new mocks
     */
    public static AwsMocks create() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The account every ARN and owner is in, unless a resource names another owner.
     *
     * @return the account ID
     */
    public String accountId() {
        return accountId;
    }

    /**
     * The region of the default provider.
     *
     * @return the region
     */
    public String region() {
        return region;
    }

    /**
     * Whether values AWS assigns at deploy time are placeholders, as in the offline preview: the
     * account is then one that stands for the deploying account, whatever it will be.
     *
     * @return whether the mocks are in placeholder mode
     */
    public boolean placeholders() {
        return placeholders;
    }

    /**
     * Every resource registration received so far, in the order the engine received them.
     *
     * @return a snapshot of the registrations
     */
    public List<Mocks.ResourceArgs> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    /**
     * Every invoke or call the program made, in order. A component that promises to make none can
     * be held to it by asserting this is empty.
     *
     * @return a snapshot of the calls
     */
    public List<Mocks.CallArgs> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The logical name of the resource EC2 would have given each ID, for plans that name them. */
    Map<String, String> ec2Names() {
        return Map.copyOf(ec2Names);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(Mocks.ResourceArgs args) {
        registrations.add(args);
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        Map<String, Object> state = new LinkedHashMap<>(inputs);
        String id = computeState(args, inputs, state);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.ofNullable(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(Mocks.CallArgs args) {
        calls.add(args);
        return CompletableFuture.completedFuture(Map.of());
    }

    /** Fills in the computed attributes of {@code state}; returns the resource's ID. */
    private String computeState(Mocks.ResourceArgs args, Map<String, Object> inputs, Map<String, Object> state) {
        String type = Objects.requireNonNullElse(args.type, "");
        String name = Objects.requireNonNullElse(args.name, "");
        String region = regionOf(args.provider);
        String partition = partitionOf(region);
        switch (type) {
            case PROVIDER_TYPE: {
                String id = name + "-id";
                Object providerRegion = inputs.get("region");
                if (providerRegion instanceof String) {
                    providerRegions.put(id, (String) providerRegion);
                }
                return id;
            }
            case "aws:kms/key:Key": {
                String keyId = placeholders ? Placeholders.KEY_ID : stableUuid(type, name);
                state.put("keyId", keyId);
                state.put("arn", arn(partition, "kms", region, accountId, "key/" + keyId));
                return keyId;
            }
            case "aws:kms/alias:Alias": {
                String aliasName = (String) inputs.getOrDefault("name", "alias/" + name);
                state.put("arn", arn(partition, "kms", region, accountId, aliasName));
                state.put("targetKeyArn", arn(partition, "kms", region, accountId, "key/" + inputs.get("targetKeyId")));
                return aliasName;
            }
            case "aws:codeartifact/domain:Domain": {
                String domain = (String) inputs.get("domain");
                String arn = arn(partition, "codeartifact", region, accountId, "domain/" + domain);
                state.put("arn", arn);
                state.put("owner", accountId);
                state.putIfAbsent("encryptionKey", arn(partition, "kms", region, accountId,
                        "key/" + (placeholders ? Placeholders.AWS_MANAGED_KEY_ID : stableUuid("aws/codeartifact", region))));
                state.put("repositoryCount", 0);
                state.put("s3BucketArn", assetBucket(region));
                return arn;
            }
            case "aws:codeartifact/repository:Repository": {
                String owner = (String) inputs.getOrDefault("domainOwner", accountId);
                String arn = arn(partition, "codeartifact", region, owner,
                        "repository/" + inputs.get("domain") + "/" + inputs.get("repository"));
                state.put("arn", arn);
                state.put("domainOwner", owner);
                state.put("administratorAccount", accountId);
                return arn;
            }
            case "aws:codeartifact/domainPermissions:DomainPermissions": {
                String owner = (String) inputs.getOrDefault("domainOwner", accountId);
                String arn = arn(partition, "codeartifact", region, owner, "domain/" + inputs.get("domain"));
                state.put("resourceArn", arn);
                state.put("domainOwner", owner);
                return arn;
            }
            case "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy": {
                String owner = (String) inputs.getOrDefault("domainOwner", accountId);
                String arn = arn(partition, "codeartifact", region, owner,
                        "repository/" + inputs.get("domain") + "/" + inputs.get("repository"));
                state.put("resourceArn", arn);
                state.put("domainOwner", owner);
                return arn;
            }
            case "aws:iam/policy:Policy": {
                String policyName = (String) inputs.getOrDefault("name", autoName(name));
                String path = (String) inputs.getOrDefault("path", "/");
                String arn = arn(partition, "iam", "", accountId, "policy" + path + policyName);
                state.put("name", policyName);
                state.put("arn", arn);
                state.put("policyId", placeholders ? "<policy-id>"
                        : "ANPA" + stableUuid(type, name).replace("-", "").substring(0, 17).toUpperCase());
                return arn;
            }
            case "aws:iam/role:Role": {
                String roleName = (String) inputs.getOrDefault("name", autoName(name));
                String path = (String) inputs.getOrDefault("path", "/");
                state.put("name", roleName);
                state.put("arn", arn(partition, "iam", "", accountId, "role" + path + roleName));
                state.put("uniqueId", placeholders ? "<role-id>"
                        : "AROA" + stableUuid(type, name).replace("-", "").substring(0, 17).toUpperCase());
                return roleName;
            }
            case "aws:sfn/stateMachine:StateMachine": {
                String machineName = (String) inputs.getOrDefault("name", autoName(name));
                String arn = arn(partition, "states", region, accountId, "stateMachine:" + machineName);
                state.put("name", machineName);
                state.put("arn", arn);
                return arn;
            }
            case "aws:cloudwatch/eventRule:EventRule": {
                String ruleName = (String) inputs.getOrDefault("name", autoName(name));
                state.put("name", ruleName);
                state.put("arn", arn(partition, "events", region, accountId, "rule/" + ruleName));
                return ruleName;
            }
            case "aws:sqs/queue:Queue": {
                String queueName = (String) inputs.getOrDefault("name", autoName(name));
                String url = "https://sqs." + region + "." + Endpoints.dnsSuffix(partition) + "/" + accountId + "/" + queueName;
                state.put("name", queueName);
                state.put("arn", arn(partition, "sqs", region, accountId, queueName));
                state.put("url", url);
                return url;
            }
            case "aws:sns/topic:Topic": {
                String topicName = (String) inputs.getOrDefault("name", autoName(name));
                String arn = arn(partition, "sns", region, accountId, topicName);
                state.put("name", topicName);
                state.put("arn", arn);
                return arn;
            }
            case "aws:cloudwatch/logGroup:LogGroup": {
                // The provider appends a 26-character unique ID to a name prefix; its ARN has no ":*".
                String groupName = (String) inputs.getOrDefault("name", inputs.containsKey("namePrefix")
                        ? inputs.get("namePrefix") + (placeholders ? Placeholders.RANDOM
                                : stableUuid(type, name).replace("-", "").substring(0, 26))
                        : autoName(name));
                String arn = arn(partition, "logs", region, accountId, "log-group:" + groupName);
                state.put("name", groupName);
                state.put("arn", arn);
                return groupName;
            }
            case "aws:cloudcontrol/resource:Resource": {
                return cloudControl(inputs, state, partition, region, name);
            }
            case "aws:ec2/vpc:Vpc":
                return ec2(state, partition, region, "vpc", "vpc", type, name);
            case "aws:ec2/subnet:Subnet":
                return ec2(state, partition, region, "subnet", "subnet", type, name);
            case "aws:ec2/routeTable:RouteTable":
                return ec2(state, partition, region, "rtb", "route-table", type, name);
            case "aws:ec2/securityGroup:SecurityGroup":
                state.putIfAbsent("name", autoName(name));
                return ec2(state, partition, region, "sg", "security-group", type, name);
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
                String id = ec2(state, partition, region, "sgr", "security-group-rule", type, name);
                state.put("securityGroupRuleId", id);
                return id;
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint":
                return vpcEndpoint(inputs, state, partition, region, type, name);
            case "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig":
                state.put("arn", arn(partition, "sagemaker", region, accountId,
                        "studio-lifecycle-config/" + inputs.get("studioLifecycleConfigName")));
                return (String) inputs.get("studioLifecycleConfigName");
            case "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration": {
                String configName = (String) inputs.getOrDefault("name", autoName(name));
                state.put("name", configName);
                state.put("arn", arn(partition, "sagemaker", region, accountId,
                        "notebook-instance-lifecycle-config/" + configName));
                return configName;
            }
            default:
                return name + "-id";
        }
    }

    /**
     * A Cloud Control resource: its {@code properties} are the desired state plus what AWS
     * computes. Package groups get their ARN,
     * {@code arn:<partition>:codeartifact:<region>:<owner>:package-group/<domain>/<encoded pattern>}.
     */
    private String cloudControl(
            Map<String, Object> inputs, Map<String, Object> state, String partition, String region, String name) {
        Object desired = inputs.get("desiredState");
        JsonObject properties = desired instanceof String
                ? JsonParser.parseString((String) desired).getAsJsonObject()
                : new JsonObject();
        String id = name + "-id";
        if ("AWS::CodeArtifact::PackageGroup".equals(inputs.get("typeName"))) {
            String owner = properties.has("DomainOwner") ? properties.get("DomainOwner").getAsString() : accountId;
            String pattern = properties.has("Pattern") ? properties.get("Pattern").getAsString() : "";
            id = arn(partition, "codeartifact", region, owner, "package-group/"
                    + properties.get("DomainName").getAsString() + "/"
                    + URLEncoder.encode(pattern, StandardCharsets.UTF_8));
            properties.addProperty("Arn", id);
        }
        state.put("properties", properties.toString());
        state.put("schema", "{}");
        return id;
    }

    /**
     * An EC2 resource: its ID, {@code <prefix>-} and 17 hexadecimal digits as EC2 assigns them
     * (stable across runs), its ARN and owner.
     */
    private String ec2(Map<String, Object> state, String partition, String region, String prefix, String arnType,
            String type, String name) {
        String id = prefix + "-" + stableUuid(type, name).replace("-", "").substring(0, 17);
        ec2Names.put(id, name);
        state.put("arn", arn(partition, "ec2", region, accountId, arnType + "/" + id));
        state.put("ownerId", accountId);
        return id;
    }

    /**
     * A VPC endpoint. An interface endpoint gets the DNS entries EC2 lists: the regional name
     * {@code <id>-<suffix>.<service>.<region>.vpce.amazonaws.com} (for CodeArtifact's repositories
     * endpoint, AWS's {@code d.codeartifact}), one zonal name per subnet, and with private DNS the
     * service's own names. A gateway endpoint gets a prefix list.
     */
    private String vpcEndpoint(Map<String, Object> inputs, Map<String, Object> state, String partition, String region,
            String type, String name) {
        String id = ec2(state, partition, region, "vpce", "vpc-endpoint", type, name);
        state.put("state", "available");
        String service = String.valueOf(inputs.getOrDefault("serviceName", ""));
        String prefix = "com.amazonaws." + region + ".";
        String bare = service.startsWith(prefix) ? service.substring(prefix.length()) : service;
        if (!"Interface".equals(inputs.get("vpcEndpointType"))) {
            state.put("prefixListId", "pl-" + stableUuid("prefix-list", service).replace("-", "").substring(0, 8));
            state.put("dnsEntries", List.of());
            return id;
        }
        List<String> parts = new ArrayList<>(List.of(bare.split("\\.")));
        Collections.reverse(parts);
        String label = bare.equals("codeartifact.repositories") ? "d.codeartifact" : String.join(".", parts);
        String host = "." + label + "." + region + ".vpce." + Endpoints.dnsSuffix(partition);
        String regional = id + "-" + stableUuid("vpce-dns", name).replace("-", "").substring(0, 8);
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(Map.of("dnsName", regional + host, "hostedZoneId", "Z7HUB22UULQXV"));
        Object subnets = inputs.get("subnetIds");
        int zones = subnets instanceof List ? ((List<?>) subnets).size() : 0;
        for (int i = 0; i < zones; i++) {
            entries.add(Map.of("dnsName", regional + "-" + region + (char) ('a' + i) + host, "hostedZoneId", "Z7HUB22UULQXV"));
        }
        if (Boolean.TRUE.equals(inputs.get("privateDnsEnabled"))) {
            String own = bare.equals("codeartifact.repositories") ? "*.d.codeartifact"
                    : bare.equals("codeartifact.api") ? "codeartifact" : bare;
            entries.add(Map.of("dnsName", own + "." + region + "." + Endpoints.dnsSuffix(partition), "hostedZoneId", "ZPRIVATE"));
        }
        state.put("dnsEntries", entries);
        return id;
    }

    /** A region's CodeArtifact asset bucket: AWS's, from its table, or one of the same shape where the table has none. */
    private String assetBucket(String region) {
        if (placeholders && region.equals(Placeholders.REGION)) {
            return "arn:aws:s3:::" + Placeholders.ASSET_BUCKET;
        }
        return AssetBuckets.bucketArn(region).orElse("arn:aws:s3:::assets-" + accountId + "-" + region);
    }

    private String regionOf(String providerReference) {
        if (providerReference == null || providerReference.isEmpty()) {
            return region;
        }
        // A provider reference is "<urn>::<id>"; the URN itself contains "::".
        String id = providerReference.substring(providerReference.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(id, region);
    }

    /** The partition of a region, as AWS names them: {@code cn-} regions are {@code aws-cn}, {@code us-gov-} {@code aws-us-gov}. */
    static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    private static String arn(String partition, String service, String region, String account, String resource) {
        return String.join(":", "arn", partition, service, region, account, resource);
    }

    /** Pulumi's auto-naming: the logical name and seven random characters, here stable across runs. */
    private String autoName(String logicalName) {
        return logicalName + "-" + (placeholders ? Placeholders.RANDOM : stableUuid("autoname", logicalName).substring(0, 7));
    }

    private static String stableUuid(String namespace, String name) {
        return UUID.nameUUIDFromBytes((namespace + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Builds {@link AwsMocks}. */
    public static final class Builder {
        private String accountId = "123456789012";
        private String region = "us-east-1";
        private boolean placeholders;

        private Builder() {
        }

        /**
         * The account every ARN and owner is in. Default {@code 123456789012}.
         *
         * @param accountId a 12-digit account ID, or a placeholder such as {@code <account-id>}
         * @return this builder
         * @throws NullPointerException if {@code accountId} is null
         */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * The region of the default provider. Default {@code us-east-1}. Resources registered
         * through an explicit provider get that provider's {@code region} input instead.
         *
         * @param region an AWS region such as {@code eu-west-1}, or a placeholder such as
         *     {@code <region>}; {@code cn-} regions give {@code aws-cn} ARNs, {@code us-gov-}
         *     regions {@code aws-us-gov} ARNs
         * @return this builder
         * @throws NullPointerException if {@code region} is null
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Whether values AWS or Pulumi assign at deploy time (key IDs, the random suffix of
         * auto-named resources, policy IDs) are placeholders instead of stable made-up values.
         * Default {@code false}. A key ID is {@code placeholder-key-id}, which has the shape of a
         * real one so that a key ARN passes the library's checks, and which {@link StackPreview}
         * shows as {@code <key-id>}; the others are shown as they are ({@code <random>},
         * {@code <policy-id>}, {@code <role-id>}). {@link PreviewMain} adds account
         * {@code 000000000000} and region {@code placeholder-region-1}, shown as
         * {@code <account-id>} and {@code <region>}: a plan that invents nothing.
         *
         * @param placeholders whether to use placeholders
         * @return this builder
         */
        public Builder placeholders(boolean placeholders) {
            this.placeholders = placeholders;
            return this;
        }

        /**
         * Builds the mocks.
         *
         * @return new mocks with an empty record
         */
        public AwsMocks build() {
            return new AwsMocks(this);
        }
    }
}
