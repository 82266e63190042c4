package io.mlregistry.internal.access;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The rules of who may use a registry: the form of each principal and account, and the rules
 * across them (no principal twice, no reader also a publisher, one partition, the caller's own
 * statements well formed, every policy within AWS's size limit). The same rules run when the Args
 * are built, on the values known then, and when outputs resolve, on all of them, so a value gets
 * the same message wherever it is checked.
 */
public final class AccessRules {

    public static final String PRINCIPAL_RULE = "must be a 12-digit account ID or an IAM ARN "
            + "arn:<partition>:iam::<account>:root, :role/<name> or :user/<name>";

    public static final String ACCOUNT_RULE = "must be a 12-digit account ID or arn:<partition>:iam::<account>:root";

    /** The statement IDs the component writes, which the caller's own statements must not reuse. */
    public static final Set<String> COMPONENT_SIDS = Set.of(
            "ReadersGetToken", "PublishersGetToken", "AccountsGetToken", "AccountsCreateRepositories", "AccountsAddUpstreams",
            "OrgGetToken",
            "ReadersReadPackages", "PublishersReadAndPublishPackages", "OrgReadPackages");

    private AccessRules() {
    }

    /**
     * The access inputs of one registry. A {@code null} entry is a value not known yet (an output
     * of a resource); its rules run when it resolves.
     *
     * @param readers {@code readerPrincipals}
     * @param publishers {@code publisherPrincipals}
     * @param tokenAccounts {@code tokenAccounts}
     * @param repositoryCreators {@code repositoryCreatorAccounts}
     * @param organizationId {@code organizationId}, empty when not set or not known yet
     * @param domainStatements {@code additionalDomainPolicyStatements}
     * @param repositoryStatements {@code additionalRepositoryPolicyStatements}
     * @param domainPolicy whether the registry writes the domain policy (it creates the domain)
     */
    public record Inputs(
            List<String> readers, List<String> publishers, List<String> tokenAccounts, List<String> repositoryCreators,
            Optional<String> organizationId, List<String> domainStatements, List<String> repositoryStatements,
            boolean domainPolicy) {

        public Inputs {
            readers = java.util.Collections.unmodifiableList(new ArrayList<>(readers));
            publishers = java.util.Collections.unmodifiableList(new ArrayList<>(publishers));
            tokenAccounts = java.util.Collections.unmodifiableList(new ArrayList<>(tokenAccounts));
            repositoryCreators = java.util.Collections.unmodifiableList(new ArrayList<>(repositoryCreators));
            domainStatements = List.copyOf(domainStatements);
            repositoryStatements = List.copyOf(repositoryStatements);
        }

        boolean allKnown() {
            return !readers.contains(null) && !publishers.contains(null) && !tokenAccounts.contains(null)
                    && !repositoryCreators.contains(null);
        }
    }

    /**
     * Checks the inputs; returns the access they grant when every value is known and valid.
     *
     * @param inputs the inputs, with {@code null} for values not known yet
     * @param organizationKnown whether the organization ID, when set, is known (and valid)
     * @param problems where broken rules go
     * @return the access, or empty when a value is unknown or a rule is broken
     */
    public static Optional<Policies.Access> check(Inputs inputs, boolean organizationKnown, Problems problems) {
        int before = problems.lines().size();
        Map<String, String> seen = new HashMap<>();
        checkList("readerPrincipals", inputs.readers(), false, seen, problems);
        checkList("publisherPrincipals", inputs.publishers(), false, seen, problems);
        Map<String, String> accounts = new HashMap<>();
        checkList("tokenAccounts", inputs.tokenAccounts(), true, accounts, problems);
        Map<String, String> creators = new HashMap<>();
        checkList("repositoryCreatorAccounts", inputs.repositoryCreators(), true, creators, problems);
        List<IamStatement> domainStatements = statements(
                "additionalDomainPolicyStatements", inputs.domainStatements(), problems);
        List<IamStatement> repositoryStatements = statements(
                "additionalRepositoryPolicyStatements", inputs.repositoryStatements(), problems);
        if (problems.lines().size() > before) {
            return Optional.empty();
        }
        Optional<String> partition = checkOnePartition(inputs, problems);
        if (problems.lines().size() > before || !inputs.allKnown() || !organizationKnown) {
            return Optional.empty();
        }
        Policies.Access access = new Policies.Access(inputs.readers(), inputs.publishers(), inputs.organizationId(),
                inputs.tokenAccounts(), inputs.repositoryCreators(), domainStatements, repositoryStatements);
        // Principals named by ARN fix the partition; with account IDs alone, count the longest.
        String counted = partition.orElse(Policies.LONGEST_PARTITION);
        if (Policies.sizeBound(counted, access) > Rules.POLICY_DOCUMENT_MAX) {
            checkSize("repository policy", Policies.repositoryPolicy(counted, access), problems);
            if (inputs.domainPolicy()) {
                // The ARNs are not known yet: the longest one AWS allows stands in.
                checkSize("domain policy", Policies.domainPolicy(counted, access,
                        List.of(Policies.longestRepositoryArn(counted))), problems);
            }
        }
        return problems.lines().size() > before ? Optional.empty() : Optional.of(access);
    }

    /**
     * Checks one list; {@code seen} maps each principal's identity to where it was first seen, so
     * that an account ID and its {@code :root} ARN count as one principal. Readers and publishers
     * share one map: a publisher may not also be a reader.
     */
    private static void checkList(
            String field, List<String> values, boolean accountsOnly, Map<String, String> seen, Problems problems) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                continue;
            }
            String at = field + "[" + i + "]";
            if (value.equals("*")) {
                problems.add(at, value, "must name principals; grant an AWS Organization with organizationId");
                continue;
            }
            if (accountsOnly ? !Rules.isAccountPrincipal(value) : !Rules.isPrincipal(value)) {
                problems.add(at, value, accountsOnly ? ACCOUNT_RULE : Rules.principalProblem(value).orElse(PRINCIPAL_RULE));
                continue;
            }
            String first = seen.putIfAbsent(Policies.principalKey(value), at);
            if (first == null) {
                continue;
            }
            if (first.startsWith(field + "[")) {
                problems.add(at, value, "must differ from " + first);
            } else {
                problems.add(at, value, "must not also be " + first + ": publishers can read");
            }
        }
    }

    /**
     * Checks that every principal ARN is in one partition, as a policy requires; returns it, or
     * empty when every principal is an account ID.
     */
    private static Optional<String> checkOnePartition(Inputs inputs, Problems problems) {
        String firstField = null;
        String first = null;
        Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        lists.put("readerPrincipals", inputs.readers());
        lists.put("publisherPrincipals", inputs.publishers());
        lists.put("tokenAccounts", inputs.tokenAccounts());
        lists.put("repositoryCreatorAccounts", inputs.repositoryCreators());
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            List<String> principals = list.getValue();
            for (int i = 0; i < principals.size(); i++) {
                if (principals.get(i) == null) {
                    continue;
                }
                Optional<String> partition = Rules.principalPartition(principals.get(i));
                if (partition.isEmpty()) {
                    continue;
                }
                if (first == null) {
                    first = partition.get();
                    firstField = list.getKey() + "[" + i + "]";
                } else if (!first.equals(partition.get())) {
                    problems.add(list.getKey() + "[" + i + "]", principals.get(i),
                            "must be in partition " + first + ", as " + firstField + " is");
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** Parses the caller's statements: each one JSON object that IAM's grammar accepts. */
    private static List<IamStatement> statements(String field, List<String> values, Problems problems) {
        List<IamStatement> statements = new ArrayList<>();
        Map<String, String> sids = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String at = field + "[" + i + "]";
            Optional<IamStatement> statement = statement(values.get(i));
            if (statement.isEmpty()) {
                problems.add(at, values.get(i), "must be one IAM policy statement as a JSON object, "
                        + "with Effect, Principal, Action and Resource");
                continue;
            }
            String sid = statement.get().sid();
            if (allowsEveryone(statement.get())) {
                problems.add(at, values.get(i), "must not allow every principal (\"*\") without a Condition; "
                        + "grant an AWS Organization with organizationId");
            } else if (sid != null && COMPONENT_SIDS.contains(sid)) {
                problems.add(at + ".Sid", sid, "must differ from the statement IDs the component writes: "
                        + String.join(", ", new java.util.TreeSet<>(COMPONENT_SIDS)));
            } else if (sid != null && sids.putIfAbsent(sid, at) != null) {
                problems.add(at + ".Sid", sid, "must differ from the Sid of " + sids.get(sid));
            } else {
                statements.add(statement.get());
            }
        }
        return statements;
    }

    /** Whether a statement allows anyone at all: an Allow to {@code *} with no condition. */
    private static boolean allowsEveryone(IamStatement statement) {
        return statement.effect().equals(IamEffect.ALLOW) && statement.conditions().isEmpty()
                && statement.principals().stream().anyMatch(p -> p.id().equals("*"));
    }

    private static Optional<IamStatement> statement(String json) {
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject object = parsed.getAsJsonObject();
            for (String required : List.of("Effect", "Action", "Resource")) {
                if (!object.has(required)) {
                    return Optional.empty();
                }
            }
            if (!object.has("Principal")) {
                return Optional.empty();
            }
            JsonObject policy = new JsonObject();
            policy.addProperty("Version", "2012-10-17");
            JsonArray list = new JsonArray();
            list.add(object);
            policy.add("Statement", list);
            List<IamStatement> statements = IamPolicy.fromJson(policy.toString()).statements();
            return statements.size() == 1 ? Optional.of(statements.get(0)) : Optional.empty();
        } catch (RuntimeException e) {
            // Gson and the policy builder report malformed documents with their own unchecked exceptions.
            return Optional.empty();
        }
    }

    private static void checkSize(String name, Optional<IamPolicy> policy, Problems problems) {
        policy.map(IamPolicy::toJson).filter(json -> json.length() > Rules.POLICY_DOCUMENT_MAX).ifPresent(json ->
                problems.addLine("readerPrincipals, publisherPrincipals, organizationId and the added statements make the "
                        + name + " " + json.length() + " characters, over AWS's limit of " + Rules.POLICY_DOCUMENT_MAX
                        + "; name fewer principals, name accounts instead of roles, or grant an AWS Organization"
                        + " with organizationId"));
    }
}
