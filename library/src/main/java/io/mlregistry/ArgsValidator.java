package io.mlregistry;

import io.mlregistry.internal.PackageGroupPatterns;
import io.mlregistry.internal.Policies;
import io.mlregistry.internal.Problems;
import io.mlregistry.internal.Rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * Checks {@link MlDependencyRegistryArgs} against every rule, field by field and across fields.
 * It reads the raw fields, so it can tell "not set" from "set to the default", and it works on Args
 * that Pulumi's deserializer filled without calling {@code build()}.
 */
final class ArgsValidator {

    static final String KMS_KEY_ARN_RULE =
            "must be a KMS key ARN arn:<partition>:kms:<region>:<account>:key/<key id>, "
                    + "not an alias or a bare key ID";

    static final String PRINCIPAL_RULE = "must be a 12-digit account ID or an IAM ARN "
            + "arn:<partition>:iam::<account>:root, :role/<name> or :user/<name>";

    static final String IAM_TAG_RULE = "must contain only letters, digits, spaces and _.:/=+-@, "
            + "as IAM requires for the IAM policies (or set createIamPolicies(false))";

    private ArgsValidator() {
    }

    /**
     * Throws one {@link IllegalArgumentException} listing every broken rule.
     *
     * @param plainKmsKeyArn the key ARN when the caller gave it as a plain string; an ARN given as
     *     an output is checked by {@link #checkKmsKeyArn(String)} once it resolves
     */
    static void check(MlDependencyRegistryArgs args, Optional<String> plainKmsKeyArn) {
        Problems problems = new Problems();
        checkNames(args, problems);
        checkDescription(args.description, problems);
        checkUpstreams(args, problems);
        checkDomainAndKey(args, plainKmsKeyArn, problems);
        checkTags(args.tags, args.createIamPolicies(), problems);
        checkAccess(args, problems);
        checkPackageGroups(args, problems);
        problems.throwIfAny();
    }

    private static void checkPackageGroups(MlDependencyRegistryArgs args, Problems problems) {
        List<InternalNamespace> namespaces = args.internalNamespaces();
        List<PackageGroup> groups = args.packageGroups();
        if (namespaces.isEmpty() && groups.isEmpty()) {
            return;
        }
        String field = namespaces.isEmpty() ? "packageGroups" : "internalNamespaces";
        if (!args.createDomain() && args.domainOwner != null) {
            problems.addLine(field + " requires a domain in the deploying account: createDomain(true), "
                    + "or createDomain(false) without domainOwner; the domain's owner creates its package groups");
        }
        if (args.tags != null) {
            args.tags.forEach((key, value) -> {
                if (value.isEmpty()) {
                    problems.add("tags[" + Problems.show(key) + "]", value,
                            "must not be empty with " + field + ": package groups are tagged through "
                                    + "CloudFormation, which requires a value");
                }
            });
        }
        Map<String, String> patterns = new HashMap<>();
        for (int i = 0; i < namespaces.size(); i++) {
            String at = "internalNamespaces[" + i + "]";
            Optional<String> pattern = checkNamespace(at, namespaces.get(i), problems);
            pattern.ifPresent(p -> checkUniquePattern(at, p, patterns, problems));
        }
        for (int i = 0; i < groups.size(); i++) {
            String at = "packageGroups[" + i + "]";
            PackageGroup group = groups.get(i);
            if (group.pattern() == null) {
                problems.addLine(at + ".pattern is required");
                continue;
            }
            if (checkPattern(at + ".pattern", group.pattern(), problems)) {
                checkUniquePattern(at, group.pattern(), patterns, problems);
            }
            group.description().ifPresent(d -> {
                if (d.length() > Rules.DESCRIPTION_MAX) {
                    problems.add(at + ".description", d.length() + " characters",
                            "must be at most " + Rules.DESCRIPTION_MAX + " characters");
                }
                if (Rules.hasControlCharacter(d)) {
                    problems.add(at + ".description", d, "must not contain control characters");
                }
            });
            group.publish().ifPresent(r -> checkRestriction(at + ".publish", r, problems));
            group.externalUpstream().ifPresent(r -> checkRestriction(at + ".externalUpstream", r, problems));
            group.internalUpstream().ifPresent(r -> checkRestriction(at + ".internalUpstream", r, problems));
        }
    }

    /** Checks one namespace; returns its pattern when the namespace is valid. */
    private static Optional<String> checkNamespace(String at, InternalNamespace namespace, Problems problems) {
        String format = namespace.format();
        int set = (namespace.namespace().isPresent() ? 1 : 0) + (namespace.namespacePrefix().isPresent() ? 1 : 0)
                + (namespace.namePrefix().isPresent() ? 1 : 0);
        if (format == null || set != 1) {
            problems.addLine(at + " must set a format and exactly one of namespace, namespacePrefix and namePrefix");
            return Optional.empty();
        }
        boolean valid = true;
        if (format.equals("pypi") && namespace.namePrefix().isPresent()) {
            String prefix = namespace.namePrefix().get();
            if (!Rules.isNormalizedPypiPrefix(prefix)) {
                valid = false;
                String normalized = Rules.normalizePypiName(prefix);
                problems.add(at + ".namePrefix", prefix, Rules.isNormalizedPypiPrefix(normalized)
                        ? "must be written as CodeArtifact normalizes Python names: " + normalized
                        : "must be a Python name prefix: letters, digits, and -, _ or . between them");
            }
        } else if (format.equals("npm") && namespace.namespace().isPresent()) {
            String scope = namespace.namespace().get();
            if (!Rules.isNpmScope(scope)) {
                valid = false;
                problems.add(at + ".namespace", scope, "must be an npm scope: lowercase letters, digits and -._~");
            }
        } else if (format.equals("maven") && !namespace.namePrefix().isPresent()) {
            String field = namespace.namespace().isPresent() ? ".namespace" : ".namespacePrefix";
            String group = namespace.namespace().orElseGet(() -> namespace.namespacePrefix().get());
            if (!Rules.isMavenGroup(group)) {
                valid = false;
                problems.add(at + field, group, "must be a Maven group ID: letters, digits and -._");
            }
        } else {
            problems.addLine(at + " must be one of pypiPrefix, npmScope, mavenGroup and mavenGroupPrefix");
            return Optional.empty();
        }
        List<String> publishers = namespace.publishRepositories().orElse(List.of());
        if (namespace.publishRepositories().isPresent() && publishers.isEmpty()) {
            valid = false;
            problems.addLine(at + ".publishRepositories must name at least one repository");
        }
        for (int i = 0; i < publishers.size(); i++) {
            if (!Rules.isRepositoryName(publishers.get(i))) {
                valid = false;
                problems.add(at + ".publishRepositories[" + i + "]", publishers.get(i),
                        Rules.REPOSITORY_NAME_MESSAGE);
            }
        }
        Optional<String> pattern = valid ? PackageGroupPlanner.pattern(namespace) : Optional.empty();
        // A namespace that passed its own rules can still make a pattern AWS refuses, such as one too long.
        return pattern.filter(p -> checkPattern(at + ".pattern", p, problems));
    }

    /** Checks a raw pattern against the service model's rule and AWS's package group grammar. */
    private static boolean checkPattern(String field, String pattern, Problems problems) {
        Optional<String> rule = PackageGroupPatterns.problem(pattern);
        rule.ifPresent(r -> problems.add(field, pattern, r));
        return rule.isEmpty();
    }

    private static void checkRestriction(String field, OriginRestriction restriction, Problems problems) {
        if (restriction.mode() == null || !Rules.RESTRICTION_MODES.contains(restriction.mode())) {
            problems.add(field + ".mode", String.valueOf(restriction.mode()),
                    "must be one of " + String.join(", ", Rules.RESTRICTION_MODES));
            return;
        }
        boolean specific = restriction.mode().equals("ALLOW_SPECIFIC_REPOSITORIES");
        if (specific && restriction.repositories().isEmpty()) {
            problems.addLine(field + ".repositories must name at least one repository with ALLOW_SPECIFIC_REPOSITORIES");
        }
        for (int i = 0; i < restriction.repositories().size(); i++) {
            String repository = restriction.repositories().get(i);
            if (!Rules.isRepositoryName(repository)) {
                problems.add(field + ".repositories[" + i + "]", repository, Rules.REPOSITORY_NAME_MESSAGE);
            }
        }
    }

    private static void checkUniquePattern(String at, String pattern, Map<String, String> seen, Problems problems) {
        String first = seen.putIfAbsent(pattern, at);
        if (first != null) {
            problems.add(at + ".pattern", pattern, "must differ from the pattern of " + first);
        }
    }

    /** Args that {@code build()} has checked; identity, weakly held, so that checking is not repeated. */
    private static final Map<MlDependencyRegistryArgs, Boolean> BUILT =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Marks Args as checked by {@code build()}. */
    static void built(MlDependencyRegistryArgs args) {
        BUILT.put(args, Boolean.TRUE);
    }

    /**
     * Checks Args that did not come from {@code build()}, such as those Pulumi's component provider
     * deserializes; Args from {@code build()} were checked there, with their plain key ARN.
     */
    static void checkUnlessBuilt(MlDependencyRegistryArgs args) {
        if (!BUILT.containsKey(args)) {
            check(args, Optional.empty());
        }
    }

    /** Checks a key ARN that arrived as an output, with the same message {@code build()} gives. */
    static String checkKmsKeyArn(String kmsKeyArn) {
        if (kmsKeyArn == null || !Rules.isKmsKeyArn(kmsKeyArn)) {
            Problems problems = new Problems();
            problems.add("kmsKeyArn", String.valueOf(kmsKeyArn), KMS_KEY_ARN_RULE);
            problems.throwIfAny();
        }
        return kmsKeyArn;
    }

    private static void checkNames(MlDependencyRegistryArgs args, Problems problems) {
        if (args.domainName == null) {
            problems.addLine("domainName is required");
        } else if (!Rules.isDomainName(args.domainName)) {
            problems.add("domainName", args.domainName, Rules.DOMAIN_NAME_MESSAGE);
        }
        if (args.repositoryName == null) {
            problems.addLine("repositoryName is required");
        } else if (!Rules.isRepositoryName(args.repositoryName)) {
            problems.add("repositoryName", args.repositoryName, Rules.REPOSITORY_NAME_MESSAGE);
        }
    }

    private static void checkDescription(String description, Problems problems) {
        if (description == null) {
            return;
        }
        if (description.length() > Rules.DESCRIPTION_MAX) {
            problems.add("description", description.length() + " characters",
                    "must be at most " + Rules.DESCRIPTION_MAX + " characters");
        }
        if (Rules.hasControlCharacter(description)) {
            problems.add("description", description, "must not contain control characters");
        }
    }

    private static void checkUpstreams(MlDependencyRegistryArgs args, Problems problems) {
        List<Upstream> upstreams = args.upstreams();
        if (upstreams.size() > Rules.MAX_UPSTREAMS) {
            problems.add("upstreams", upstreams.size() + " entries",
                    "must have at most " + Rules.MAX_UPSTREAMS + " entries");
        }
        // Where each repository name and connection was first seen, to name both ends of a clash.
        Map<String, String> names = new HashMap<>();
        if (args.repositoryName != null) {
            names.put(args.repositoryName, "repositoryName");
        }
        Map<String, String> connections = new HashMap<>();
        for (int i = 0; i < upstreams.size(); i++) {
            Upstream upstream = upstreams.get(i);
            String at = "upstreams[" + i + "]";
            if (upstream == null) {
                problems.addLine(at + " is required");
                continue;
            }
            Optional<String> connection = upstream.externalConnection();
            Optional<String> repository = upstream.repository();
            if (connection.isPresent() == repository.isPresent()) {
                problems.addLine(at + " must set exactly one of externalConnection and repository");
                continue;
            }
            if (repository.isPresent()) {
                String field = at + ".repository";
                if (!Rules.isRepositoryName(repository.get())) {
                    problems.add(field, repository.get(), Rules.REPOSITORY_NAME_MESSAGE);
                } else {
                    checkUnique(field, repository.get(), names, problems);
                }
                if (args.createDomain()) {
                    problems.add(field, repository.get(),
                            "requires createDomain(false): a domain the component creates holds no other repository");
                }
                continue;
            }
            String field = at + ".externalConnection";
            if (!Rules.EXTERNAL_CONNECTIONS.contains(connection.get())) {
                problems.add(field, connection.get(),
                        "must be one of " + String.join(", ", Rules.EXTERNAL_CONNECTIONS));
            } else {
                String first = connections.putIfAbsent(connection.get(), field);
                if (first != null) {
                    problems.add(field, connection.get(), "must differ from " + first);
                }
            }
            String storeField = at + ".storeRepositoryName";
            String store = upstream.repositoryName().orElseThrow();
            if (!Rules.isRepositoryName(store)) {
                problems.add(storeField, store, Rules.REPOSITORY_NAME_MESSAGE);
            } else {
                checkUnique(storeField, store, names, problems);
            }
        }
    }

    private static void checkUnique(String field, String name, Map<String, String> seen, Problems problems) {
        String first = seen.putIfAbsent(name, field);
        if (first != null) {
            problems.add(field, name, "must differ from " + first);
        }
    }

    private static void checkDomainAndKey(
            MlDependencyRegistryArgs args, Optional<String> plainKmsKeyArn, Problems problems) {
        boolean createDomain = args.createDomain();
        if (args.domainOwner != null) {
            if (!Rules.isAccountId(args.domainOwner)) {
                problems.add("domainOwner", args.domainOwner, "must be a 12-digit account ID");
            }
            if (createDomain) {
                problems.add("domainOwner", args.domainOwner, "requires createDomain(false)");
            }
        }
        String shownKey = plainKmsKeyArn.orElse("output");
        if (plainKmsKeyArn.isPresent() && !Rules.isKmsKeyArn(plainKmsKeyArn.get())) {
            problems.add("kmsKeyArn", plainKmsKeyArn.get(), KMS_KEY_ARN_RULE);
        }
        if (args.kmsKeyArn != null && !createDomain) {
            problems.add("kmsKeyArn", shownKey, "requires createDomain(true)");
        }
        if (Boolean.TRUE.equals(args.createKmsKey)) {
            if (!createDomain) {
                problems.add("createKmsKey", "true", "requires createDomain(true)");
            }
            if (args.kmsKeyArn != null) {
                problems.add("createKmsKey", "true", "must not be set together with kmsKeyArn");
            }
        }
    }

    private static void checkTags(Map<String, String> tags, boolean iamTagged, Problems problems) {
        if (tags == null) {
            return;
        }
        if (tags.size() > Rules.MAX_TAGS) {
            problems.add("tags", tags.size() + " entries", "must have at most " + Rules.MAX_TAGS + " entries");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > Rules.TAG_KEY_MAX) {
                problems.add("tags key", key, "must be 1-" + Rules.TAG_KEY_MAX + " characters");
            }
            if (Rules.isReservedTagKey(key)) {
                problems.add("tags key", key, "must not start with aws:");
            }
            if (Rules.hasControlCharacter(key)) {
                problems.add("tags key", key, "must not contain control characters");
            }
            String field = "tags[" + Problems.show(key) + "]";
            if (value.length() > Rules.TAG_VALUE_MAX) {
                problems.add(field, value.length() + " characters",
                        "must be at most " + Rules.TAG_VALUE_MAX + " characters");
            }
            if (Rules.hasControlCharacter(value)) {
                problems.add(field, value, "must not contain control characters");
            }
            // Control characters are reported above; the IAM rule is for printable characters.
            if (iamTagged && !Rules.hasControlCharacter(key) && !Rules.isIamTagText(key)) {
                problems.add("tags key", key, IAM_TAG_RULE);
            }
            if (iamTagged && !Rules.hasControlCharacter(value) && !Rules.isIamTagText(value)) {
                problems.add(field, value, IAM_TAG_RULE);
            }
        });
    }

    private static void checkAccess(MlDependencyRegistryArgs args, Problems problems) {
        boolean valid = checkPrincipals("readerPrincipals", args.readerPrincipals(), problems);
        valid &= checkPrincipals("publisherPrincipals", args.publisherPrincipals(), problems);
        List<String> readers = args.readerPrincipals();
        List<String> publishers = args.publisherPrincipals();
        for (int i = 0; i < publishers.size(); i++) {
            int reader = readers.indexOf(publishers.get(i));
            if (reader >= 0) {
                valid = false;
                problems.add("publisherPrincipals[" + i + "]", publishers.get(i),
                        "must not also be readerPrincipals[" + reader + "]: publishers can read");
            }
        }
        if (args.organizationId != null && !Rules.isOrganizationId(args.organizationId)) {
            valid = false;
            problems.add("organizationId", args.organizationId, Rules.ORGANIZATION_ID_MESSAGE);
        }
        Optional<String> partition = valid ? checkOnePartition(readers, publishers, problems) : Optional.empty();
        if (valid && !problems.hasLineStartingWith("publisherPrincipals[") && !problems.hasLineStartingWith("readerPrincipals[")) {
            // Principals named by ARN fix the partition; with account IDs alone, count the longest.
            String counted = partition.orElse(Policies.LONGEST_PARTITION);
            Policies.Access access = new Policies.Access(readers, publishers, args.organizationId());
            if (Policies.sizeBound(counted, access) > Rules.POLICY_DOCUMENT_MAX) {
                checkSize("repository policy", Policies.repositoryPolicy(counted, access), problems);
                if (args.createDomain()) {
                    checkSize("domain policy", Policies.domainPolicy(counted, access), problems);
                }
            }
        }
    }

    /**
     * Checks that every principal ARN is in one partition, as a policy requires; returns it, or
     * empty when every principal is an account ID.
     */
    private static Optional<String> checkOnePartition(List<String> readers, List<String> publishers, Problems problems) {
        String firstField = null;
        String first = null;
        for (String field : List.of("readerPrincipals", "publisherPrincipals")) {
            List<String> principals = field.equals("readerPrincipals") ? readers : publishers;
            for (int i = 0; i < principals.size(); i++) {
                Optional<String> partition = Rules.principalPartition(principals.get(i));
                if (partition.isEmpty()) {
                    continue;
                }
                if (first == null) {
                    first = partition.get();
                    firstField = field + "[" + i + "]";
                } else if (!first.equals(partition.get())) {
                    problems.add(field + "[" + i + "]", principals.get(i),
                            "must be in partition " + first + ", as " + firstField + " is");
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** Checks one list of principals; returns whether every entry is valid. */
    private static boolean checkPrincipals(String field, List<String> principals, Problems problems) {
        boolean valid = true;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < principals.size(); i++) {
            String principal = principals.get(i);
            String at = field + "[" + i + "]";
            if (principal.equals("*")) {
                valid = false;
                problems.add(at, principal, "must name principals; grant an AWS Organization with organizationId");
            } else if (!Rules.isPrincipal(principal)) {
                valid = false;
                problems.add(at, principal, Rules.principalProblem(principal).orElse(PRINCIPAL_RULE));
            } else {
                Integer first = seen.putIfAbsent(principal, i);
                if (first != null) {
                    valid = false;
                    problems.add(at, principal, "must differ from " + field + "[" + first + "]");
                }
            }
        }
        return valid;
    }

    private static void checkSize(String name, Optional<IamPolicy> policy, Problems problems) {
        policy.map(IamPolicy::toJson).filter(json -> json.length() > Rules.POLICY_DOCUMENT_MAX).ifPresent(json ->
                problems.addLine("readerPrincipals, publisherPrincipals and organizationId make the " + name
                        + " " + json.length() + " characters, over AWS's limit of " + Rules.POLICY_DOCUMENT_MAX
                        + "; name fewer principals, name accounts instead of roles, or grant an AWS Organization"
                        + " with organizationId"));
    }
}
