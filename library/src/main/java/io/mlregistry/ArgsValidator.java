package io.mlregistry;

import com.pulumi.core.Output;
import io.mlregistry.internal.AccessRules;
import io.mlregistry.internal.Airlock;
import io.mlregistry.internal.Known;
import io.mlregistry.internal.PackageGroupPatterns;
import io.mlregistry.internal.Problems;
import io.mlregistry.internal.Rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Checks {@link MlDependencyRegistryArgs} against every rule, field by field and across fields.
 * It reads the raw fields, so it can tell "not set" from "set to the default", and it works on Args
 * that Pulumi's deserializer filled without calling {@code build()}.
 */
final class ArgsValidator {

    static final String KMS_KEY_ARN_RULE =
            "must be a KMS key ARN arn:<partition>:kms:<region>:<account>:key/<key id>, "
                    + "not an alias or a bare key ID";

    static final String PRINCIPAL_RULE = AccessRules.PRINCIPAL_RULE;

    static final String IAM_TAG_RULE = "must contain only letters, digits, spaces and _.:/=+-@, "
            + "as IAM requires for the IAM policies (or set createIamPolicies(false))";

    private ArgsValidator() {
    }

    /**
     * Throws one {@link IllegalArgumentException} listing every broken rule among the values known
     * now; values that are outputs of resources are checked by the component when they resolve,
     * with the same rules.
     *
     * @param args the Args
     * @param attached whether the Args join another registry's domain through {@code inDomainOf}
     */
    static void check(MlDependencyRegistryArgs args, boolean attached) {
        Problems problems = new Problems();
        checkNames(args, problems);
        known(args.description).ifPresent(d -> description(d, problems));
        checkUpstreams(args, attached, problems);
        checkDomainAndKey(args, problems);
        checkTags(args, problems);
        checkAccess(args, problems);
        checkPackageGroups(args, attached, problems);
        checkCooldown(args, attached, problems);
        problems.throwIfAny();
    }

    /**
     * The value of an input when it is known now (a plain value). A secret is left to the check
     * when it resolves, which shows it as {@code [secret]}, so that no message prints it.
     */
    private static Optional<String> known(Output<String> value) {
        return Known.now(value).filter(v -> !v.secret()).map(Known.Value::value);
    }

    /** The domain name's rule. */
    static void domainName(String value, Problems problems) {
        if (!Rules.isDomainName(value)) {
            problems.add("domainName", value, Rules.DOMAIN_NAME_MESSAGE);
        }
    }

    /** The description's rules. */
    static void description(String description, Problems problems) {
        if (description.length() > Rules.DESCRIPTION_MAX) {
            problems.add("description", description.length() + " characters",
                    "must be at most " + Rules.DESCRIPTION_MAX + " characters");
        }
        if (Rules.hasControlCharacter(description)) {
            problems.add("description", description, "must not contain control characters");
        }
    }

    /** The domain owner's rule. */
    static void domainOwner(String value, Problems problems) {
        if (!Rules.isAccountId(value)) {
            problems.add("domainOwner", value, "must be a 12-digit account ID");
        }
    }

    /** The organization ID's rule. */
    static void organizationId(String value, Problems problems) {
        if (!Rules.isOrganizationId(value)) {
            problems.add("organizationId", value, Rules.ORGANIZATION_ID_MESSAGE);
        }
    }

    /** The key ARN's rule. */
    static void kmsKeyArn(String value, Problems problems) {
        if (value == null || !Rules.isKmsKeyArn(value)) {
            problems.add("kmsKeyArn", String.valueOf(value), KMS_KEY_ARN_RULE);
        }
    }

    /**
     * The rules of one tag value.
     *
     * @param iamTagged whether IAM policies carry the tags
     * @param groupsField {@code internalNamespaces} or {@code packageGroups} when package groups
     *     carry the tags (CloudFormation needs a value), else null
     */
    static void tagValue(String key, String value, boolean iamTagged, String groupsField, Problems problems) {
        String field = "tags[" + Problems.show(key) + "]";
        if (value.length() > Rules.TAG_VALUE_MAX) {
            problems.add(field, value.length() + " characters", "must be at most " + Rules.TAG_VALUE_MAX + " characters");
        }
        if (Rules.hasControlCharacter(value)) {
            problems.add(field, value, "must not contain control characters");
        } else if (iamTagged && !Rules.isIamTagText(value)) {
            // Control characters are reported above; the IAM rule is for printable characters.
            problems.add(field, value, IAM_TAG_RULE);
        }
        if (groupsField != null && value.isEmpty()) {
            problems.add(field, value, "must not be empty with " + groupsField + ": package groups are tagged through "
                    + "CloudFormation, which requires a value");
        }
    }

    /** {@code internalNamespaces} or {@code packageGroups} when the registry creates package groups, else null. */
    static String groupsField(MlDependencyRegistryArgs args) {
        if (!args.internalNamespaces().isEmpty()) {
            return "internalNamespaces";
        }
        return args.packageGroups().isEmpty() ? null : "packageGroups";
    }

    /**
     * The access inputs with the values known now, {@code null} for the others.
     */
    static AccessRules.Inputs accessInputs(MlDependencyRegistryArgs args) {
        return new AccessRules.Inputs(knownList(args.readerPrincipals()), knownList(args.publisherPrincipals()),
                knownList(args.tokenAccounts()), knownList(args.repositoryCreatorAccounts()),
                args.organizationId().flatMap(ArgsValidator::known).filter(Rules::isOrganizationId),
                args.additionalDomainPolicyStatements(), args.additionalRepositoryPolicyStatements(),
                args.createDomain());
    }

    private static List<String> knownList(List<Output<String>> values) {
        List<String> known = new ArrayList<>();
        values.forEach(value -> known.add(known(value).orElse(null)));
        return known;
    }

    private static void checkPackageGroups(MlDependencyRegistryArgs args, boolean attached, Problems problems) {
        List<InternalNamespace> namespaces = args.internalNamespaces();
        List<PackageGroup> groups = args.packageGroups();
        if (namespaces.isEmpty() && groups.isEmpty()) {
            return;
        }
        String field = namespaces.isEmpty() ? "packageGroups" : "internalNamespaces";
        if (!args.createDomain() && args.domainOwner != null && !attached) {
            problems.addLine(field + " requires a domain in the deploying account: createDomain(true), inDomainOf, "
                    + "or createDomain(false) without domainOwner; the domain's owner creates its package groups");
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
     * deserializes.
     */
    static void checkUnlessBuilt(MlDependencyRegistryArgs args) {
        if (!BUILT.containsKey(args)) {
            check(args, false);
        }
    }

    private static void checkNames(MlDependencyRegistryArgs args, Problems problems) {
        if (args.domainName == null) {
            problems.addLine("domainName is required");
        } else {
            known(args.domainName).ifPresent(name -> domainName(name, problems));
        }
        if (args.repositoryName == null) {
            problems.addLine("repositoryName is required");
        } else if (!Rules.isRepositoryName(args.repositoryName)) {
            problems.add("repositoryName", args.repositoryName, Rules.REPOSITORY_NAME_MESSAGE);
        }
    }

    private static void checkUpstreams(MlDependencyRegistryArgs args, boolean attached, Problems problems) {
        List<Upstream> upstreams = args.upstreams();
        if (upstreams.size() > Rules.MAX_UPSTREAMS) {
            problems.add("upstreams", upstreams.size() + " entries",
                    "must have at most " + Rules.MAX_UPSTREAMS + " entries");
        }
        Map<String, String> connections = new HashMap<>();
        List<String[]> names = new ArrayList<>();
        for (int i = 0; i < upstreams.size(); i++) {
            Upstream upstream = upstreams.get(i);
            String at = "upstreams[" + i + "]";
            if (upstream == null) {
                problems.addLine(at + " is required");
                continue;
            }
            Optional<String> connection = upstream.externalConnection();
            Optional<Output<String>> repository = upstream.repository();
            if (connection.isPresent() == repository.isPresent()) {
                problems.addLine(at + " must set exactly one of externalConnection and repository");
                continue;
            }
            if (repository.isPresent()) {
                String field = at + ".repository";
                Optional<String> name = known(repository.get());
                if (args.createDomain()) {
                    problems.add(field, name.orElse("output"),
                            "requires createDomain(false): a domain the component creates holds no other repository");
                }
                name.ifPresent(n -> names.add(new String[] {field, n}));
                continue;
            }
            String field = at + ".externalConnection";
            if (!Rules.EXTERNAL_CONNECTIONS.contains(connection.get())) {
                problems.add(field, connection.get(),
                        "must be one of " + String.join(", ", Rules.EXTERNAL_CONNECTIONS));
                continue;
            }
            String first = connections.putIfAbsent(connection.get(), field);
            if (first != null) {
                problems.add(field, connection.get(), "must differ from " + first);
            }
            if (args.repositoryName != null) {
                names.add(new String[] {at + ".storeRepositoryName",
                        RegistryPlanner.storeName(upstream, args.repositoryName, attached)});
            }
        }
        upstreamNames(args.repositoryName, names, problems);
    }

    /**
     * The rules of the repository names in the upstream chain: each a valid name, none twice, none
     * the primary repository's.
     *
     * @param repositoryName the primary repository's name, or null when missing
     * @param names pairs of field and name, in upstream order
     */
    static void upstreamNames(String repositoryName, List<String[]> names, Problems problems) {
        // Where each repository name was first seen, to name both ends of a clash.
        Map<String, String> seen = new HashMap<>();
        if (repositoryName != null) {
            seen.put(repositoryName, "repositoryName");
        }
        for (String[] entry : names) {
            if (!Rules.isRepositoryName(entry[1])) {
                problems.add(entry[0], entry[1], Rules.REPOSITORY_NAME_MESSAGE);
                continue;
            }
            String first = seen.putIfAbsent(entry[1], entry[0]);
            if (first != null) {
                problems.add(entry[0], entry[1], "must differ from " + first);
            }
        }
    }

    private static void checkDomainAndKey(MlDependencyRegistryArgs args, Problems problems) {
        boolean createDomain = args.createDomain();
        if (args.domainOwner != null) {
            Optional<String> owner = known(args.domainOwner);
            owner.ifPresent(o -> domainOwner(o, problems));
            if (createDomain) {
                problems.add("domainOwner", owner.orElse("output"), "requires createDomain(false)");
            }
        }
        Optional<String> key = known(args.kmsKeyArn);
        key.ifPresent(k -> {
            if (!Rules.isKmsKeyArn(k)) {
                kmsKeyArn(k, problems);
            }
        });
        if (args.kmsKeyArn != null && !createDomain) {
            problems.add("kmsKeyArn", key.orElse("output"), "requires createDomain(true)");
        }
        if (Boolean.TRUE.equals(args.createKmsKey)) {
            if (!createDomain) {
                problems.add("createKmsKey", "true", "requires createDomain(true)");
            }
            if (args.kmsKeyArn != null) {
                problems.add("createKmsKey", "true", "must not be set together with kmsKeyArn");
            }
        }
        if (!createDomain) {
            Map<String, List<?>> domainPolicyInputs = new java.util.LinkedHashMap<>();
            domainPolicyInputs.put("tokenAccounts", args.tokenAccounts());
            domainPolicyInputs.put("repositoryCreatorAccounts", args.repositoryCreatorAccounts());
            domainPolicyInputs.put("additionalDomainPolicyStatements", args.additionalDomainPolicyStatements());
            domainPolicyInputs.forEach((field, values) -> {
                if (!values.isEmpty()) {
                    problems.addLine(field + " requires createDomain(true): only the registry that creates the domain "
                            + "writes its policy");
                }
            });
        }
    }

    private static void checkTags(MlDependencyRegistryArgs args, Problems problems) {
        Map<String, Output<String>> tags = args.tags();
        if (tags.size() > Rules.MAX_TAGS) {
            problems.add("tags", tags.size() + " entries", "must have at most " + Rules.MAX_TAGS + " entries");
        }
        boolean iamTagged = args.createIamPolicies();
        String groupsField = groupsField(args);
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > Rules.TAG_KEY_MAX) {
                problems.add("tags key", key, "must be 1-" + Rules.TAG_KEY_MAX + " characters");
            }
            if (Rules.isReservedTagKey(key)) {
                problems.add("tags key", key, "must not start with aws:");
            }
            if (Rules.hasControlCharacter(key)) {
                problems.add("tags key", key, "must not contain control characters");
            } else if (iamTagged && !Rules.isIamTagText(key)) {
                problems.add("tags key", key, IAM_TAG_RULE);
            }
            known(value).ifPresent(v -> tagValue(key, v, iamTagged, groupsField, problems));
        });
    }

    private static void checkCooldown(MlDependencyRegistryArgs args, boolean attached, Problems problems) {
        if (args.cooldown == null) {
            return;
        }
        Cooldown cooldown = args.cooldown;
        Airlock.check(cooldown.duration(), cooldown.formatsGiven().orElse(null), problems);
        if (!args.createDomain() && args.domainOwner != null && !attached) {
            problems.addLine("cooldown requires a domain in the deploying account: createDomain(true), inDomainOf, "
                    + "or createDomain(false) without domainOwner; the airlock's workflow copies within the domain");
        }
        List<String> served = args.upstreams().stream()
                .map(upstream -> upstream == null ? null : upstream.externalConnection().orElse(null))
                .filter(java.util.Objects::nonNull)
                .map(Rules::formatOf)
                .toList();
        for (String format : cooldown.formats()) {
            if (format != null && Airlock.AIRLOCK_FORMATS.contains(format) && !served.contains(format)) {
                problems.add("cooldown.formats", format, "needs an Upstream.externalConnection serving " + format
                        + ": the airlock holds back the versions of a store repository");
            }
        }
    }

    private static void checkAccess(MlDependencyRegistryArgs args, Problems problems) {
        known(args.organizationId).ifPresent(org -> organizationId(org, problems));
        AccessRules.check(accessInputs(args), args.organizationId == null
                || known(args.organizationId).filter(Rules::isOrganizationId).isPresent(), problems);
    }
}
