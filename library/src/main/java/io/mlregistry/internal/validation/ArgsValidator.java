package io.mlregistry.internal.validation;

import com.pulumi.core.Output;
import io.mlregistry.internal.access.AccessRules;
import io.mlregistry.internal.airlock.Airlock;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryInputs.CooldownInput;
import io.mlregistry.internal.plan.RegistryInputs.UpstreamInput;
import io.mlregistry.internal.plan.RegistryPlanner;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Checks a registry's inputs against every rule, field by field and across fields. It reads the
 * snapshot {@code MlDependencyRegistryArgs} hands it, which keeps "not set" apart from "set to the
 * default" where a rule needs it, and it works on Args that Pulumi's deserializer filled without
 * calling {@code build()}.
 */
public final class ArgsValidator {

    static final String KMS_KEY_ARN_RULE = Rules.KMS_KEY_ARN_MESSAGE;

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
    public static void check(RegistryInputs args, boolean attached) {
        check(args, attached, new Problems());
    }

    /**
     * {@link #check(RegistryInputs, boolean)}, adding to problems found before, such as those of a
     * registry's name or of the builder's own rules.
     *
     * @param args the Args
     * @param attached whether the Args join another registry's domain through {@code inDomainOf}
     * @param problems where every broken rule goes; thrown when there is any
     */
    public static void check(RegistryInputs args, boolean attached, Problems problems) {
        checkNames(args, problems);
        known(args.description()).ifPresent(d -> description(d, problems));
        checkUpstreams(args, attached, problems);
        checkDomainAndKey(args, problems);
        checkTags(args, problems);
        checkAccess(args, problems);
        PackageGroupRules.check(args, attached, problems);
        checkCooldown(args, attached, problems);
        WorkloadRules.check(args, problems);
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
    public static void domainName(String value, Problems problems) {
        if (!Rules.isDomainName(value)) {
            problems.add("domainName", value, Rules.DOMAIN_NAME_MESSAGE);
        }
    }

    /** The description's rules. */
    public static void description(String description, Problems problems) {
        if (description.length() > Rules.DESCRIPTION_MAX) {
            problems.add("description", description.length() + " characters",
                    "must be at most " + Rules.DESCRIPTION_MAX + " characters");
        }
        if (Rules.hasControlCharacter(description)) {
            problems.add("description", description, "must not contain control characters");
        }
    }

    /** The domain owner's rule. */
    public static void domainOwner(String value, Problems problems) {
        if (!Rules.isAccountId(value)) {
            problems.add("domainOwner", value, "must be a 12-digit account ID");
        }
    }

    /** The organization ID's rule. */
    public static void organizationId(String value, Problems problems) {
        if (!Rules.isOrganizationId(value)) {
            problems.add("organizationId", value, Rules.ORGANIZATION_ID_MESSAGE);
        }
    }

    /** The key ARN's rule. */
    public static void kmsKeyArn(String value, Problems problems) {
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
    public static void tagValue(String key, String value, boolean iamTagged, String groupsField, Problems problems) {
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
    public static String groupsField(RegistryInputs args) {
        if (!args.internalNamespaces().isEmpty()) {
            return "internalNamespaces";
        }
        return args.packageGroups().isEmpty() ? null : "packageGroups";
    }

    /**
     * The access inputs with the values known now, {@code null} for the others.
     */
    public static AccessRules.Inputs accessInputs(RegistryInputs args) {
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

    /** Args that {@code build()} has checked; identity, weakly held, so that checking is not repeated. */
    private static final Map<Object, Boolean> BUILT =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Marks Args as checked by {@code build()}.
     *
     * @param args the {@code MlDependencyRegistryArgs}, by identity
     */
    public static void built(Object args) {
        BUILT.put(args, Boolean.TRUE);
    }

    /**
     * Checks Args that did not come from {@code build()}, such as those Pulumi's component provider
     * deserializes.
     *
     * @param args the {@code MlDependencyRegistryArgs}, by identity
     * @param inputs their snapshot
     */
    public static void checkUnlessBuilt(Object args, RegistryInputs inputs) {
        if (!BUILT.containsKey(args)) {
            check(inputs, false);
        }
    }

    /**
     * {@link #checkUnlessBuilt(Object, RegistryInputs)} for a named registry: every line starts
     * {@code registry <name>: }.
     */
    public static void checkUnlessBuilt(Object args, RegistryInputs inputs, String registry) {
        if (!BUILT.containsKey(args)) {
            check(inputs, false, Problems.of(registry));
        }
    }

    private static void checkNames(RegistryInputs args, Problems problems) {
        if (args.domainName() == null) {
            problems.addLine("domainName is required");
        } else {
            known(args.domainName()).ifPresent(name -> domainName(name, problems));
        }
        if (args.repositoryName() == null) {
            problems.addLine("repositoryName is required");
        } else if (!Rules.isRepositoryName(args.repositoryName())) {
            problems.add("repositoryName", args.repositoryName(), Rules.REPOSITORY_NAME_MESSAGE);
        }
    }

    private static void checkUpstreams(RegistryInputs args, boolean attached, Problems problems) {
        List<UpstreamInput> upstreams = args.upstreams();
        if (upstreams.size() > Rules.MAX_UPSTREAMS) {
            problems.add("upstreams", upstreams.size() + " entries",
                    "must have at most " + Rules.MAX_UPSTREAMS + " entries");
        }
        Map<String, String> connections = new HashMap<>();
        List<String[]> names = new ArrayList<>();
        for (int i = 0; i < upstreams.size(); i++) {
            UpstreamInput upstream = upstreams.get(i);
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
            if (args.repositoryName() != null) {
                names.add(new String[] {at + ".storeRepositoryName",
                        RegistryPlanner.storeName(upstream, args.repositoryName(), attached)});
            }
        }
        upstreamNames(args.repositoryName(), names, problems);
    }

    /**
     * The rules of the repository names in the upstream chain: each a valid name, none twice, none
     * the primary repository's.
     *
     * @param repositoryName the primary repository's name, or null when missing
     * @param names pairs of field and name, in upstream order
     */
    public static void upstreamNames(String repositoryName, List<String[]> names, Problems problems) {
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

    private static void checkDomainAndKey(RegistryInputs args, Problems problems) {
        boolean createDomain = args.createDomain();
        if (args.domainOwner().isPresent()) {
            Optional<String> owner = args.domainOwner().flatMap(ArgsValidator::known);
            owner.ifPresent(o -> domainOwner(o, problems));
            if (createDomain) {
                problems.add("domainOwner", owner.orElse("output"), "requires createDomain(false)");
            }
        }
        Optional<String> key = args.kmsKeyArn().flatMap(ArgsValidator::known);
        key.ifPresent(k -> {
            if (!Rules.isKmsKeyArn(k)) {
                kmsKeyArn(k, problems);
            }
        });
        if (args.kmsKeyArn().isPresent() && !createDomain) {
            problems.add("kmsKeyArn", key.orElse("output"), "requires createDomain(true)");
        }
        if (args.createKmsKeySet().orElse(false)) {
            if (!createDomain) {
                problems.add("createKmsKey", "true", "requires createDomain(true)");
            }
            if (args.kmsKeyArn().isPresent()) {
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

    private static void checkTags(RegistryInputs args, Problems problems) {
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

    private static void checkCooldown(RegistryInputs args, boolean attached, Problems problems) {
        if (args.cooldown().isEmpty()) {
            return;
        }
        CooldownInput cooldown = args.cooldown().get();
        Airlock.check(cooldown.duration(), cooldown.formatsGiven().orElse(null), problems);
        Airlock.checkLogs(cooldown.logRetentionDays().orElse(null),
                cooldown.logKmsKeyArn().flatMap(ArgsValidator::known).orElse(null), problems);
        if (!args.createDomain() && args.domainOwner().isPresent() && !attached) {
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

    private static void checkAccess(RegistryInputs args, Problems problems) {
        args.organizationId().flatMap(ArgsValidator::known).ifPresent(org -> organizationId(org, problems));
        AccessRules.check(accessInputs(args), args.organizationId().isEmpty()
                || args.organizationId().flatMap(ArgsValidator::known).filter(Rules::isOrganizationId).isPresent(), problems);
    }
}
