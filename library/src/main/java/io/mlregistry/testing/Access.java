package io.mlregistry.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may do what, read from the policy documents of a recording: the repository policies
 * (principals named in them), the domain policies (who may get a token) and the IAM managed
 * policies (whoever they are attached to, or whoever will hold them).
 */
final class Access {

    static final String REPOSITORY_POLICY = "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy";
    static final String DOMAIN_POLICY = "aws:codeartifact/domainPermissions:DomainPermissions";
    static final String IAM_POLICY = "aws:iam/policy:Policy";
    private static final String ROLE_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private static final Pattern REPOSITORY_ARN = Pattern.compile("arn:[^:]+:codeartifact:[^:]*:[^:]*:repository/([^/]+)/([^/]+)");
    private static final Pattern DOMAIN_ARN = Pattern.compile("arn:[^:]+:codeartifact:[^:]*:[^:]*:domain/([^/]+)");
    private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:[^:]+:iam::([0-9]{12}):root");

    /** Principal -> {@code domain/repository} -> {@code read} or {@code read, publish}. */
    final Map<String, Map<String, String>> repositories = new TreeMap<>();
    /** Domain -> principals allowed to get a token. */
    final Map<String, TreeSet<String>> tokens = new TreeMap<>();
    /** The organizations given access. */
    final TreeSet<String> organizations = new TreeSet<>();

    private Access() {
    }

    static Access of(StackRecording recording) {
        Access access = new Access();
        for (RecordedResource policy : recording.resources(REPOSITORY_POLICY)) {
            String repository = policy.input("domain").orElse("?") + "/" + policy.input("repository").orElse("?");
            for (JsonObject statement : statements(policy.input("policyDocument"))) {
                String level = level(statement);
                if (level != null) {
                    principals(statement, access, recording).forEach(p -> access.grant(p, repository, level));
                }
            }
        }
        for (RecordedResource policy : recording.resources(DOMAIN_POLICY)) {
            String domain = policy.input("domain").orElse("?");
            for (JsonObject statement : statements(policy.input("policyDocument"))) {
                if (actions(statement).contains("codeartifact:GetAuthorizationToken")) {
                    access.tokens.computeIfAbsent(domain, d -> new TreeSet<>()).addAll(principals(statement, access, recording));
                }
            }
        }
        for (RecordedResource policy : recording.resources(IAM_POLICY)) {
            List<String> holders = holders(recording, policy);
            for (JsonObject statement : statements(policy.input("policy"))) {
                String level = level(statement);
                for (String arn : strings(statement.get("Resource"))) {
                    Matcher repository = REPOSITORY_ARN.matcher(arn);
                    if (level != null && repository.matches()) {
                        holders.forEach(h -> access.grant(h, repository.group(1) + "/" + repository.group(2), level));
                    }
                    Matcher domain = DOMAIN_ARN.matcher(arn);
                    if (domain.matches() && actions(statement).contains("codeartifact:GetAuthorizationToken")) {
                        access.tokens.computeIfAbsent(domain.group(1), d -> new TreeSet<>()).addAll(holders);
                    }
                }
            }
        }
        return access;
    }

    private void grant(String principal, String repository, String level) {
        repositories.computeIfAbsent(principal, p -> new TreeMap<>())
                .merge(repository, level, (a, b) -> a.length() >= b.length() ? a : b);
    }

    /** {@code read, publish}, {@code read}, or null for a statement that grants neither. */
    private static String level(JsonObject statement) {
        if (!"Allow".equals(string(statement.get("Effect")))) {
            return null;
        }
        List<String> actions = actions(statement);
        if (actions.contains("codeartifact:PublishPackageVersion") || actions.contains("codeartifact:*")) {
            return "read, publish";
        }
        return actions.contains("codeartifact:ReadFromRepository") ? "read" : null;
    }

    /** The roles a managed policy is attached to, or the holders of the policy when it is attached to none here. */
    private static List<String> holders(StackRecording recording, RecordedResource policy) {
        List<String> roles = new ArrayList<>();
        for (RecordedResource attachment : recording.resources(ROLE_ATTACHMENT)) {
            String arn = attachment.input("policyArn").orElse("");
            String role = attachment.input("role").orElse("?");
            if (names(arn.substring(arn.lastIndexOf('/') + 1), policy)) {
                roles.add("role " + recording.resources("aws:iam/role:Role").stream()
                        .filter(r -> names(role, r)).map(RecordedResource::name).findFirst().orElse(role));
            }
        }
        return roles.isEmpty() ? List.of("holders of " + policy.name()) : roles;
    }

    /** Whether a physical name is this resource's: its {@code name} input, or Pulumi's auto-name from its logical name. */
    private static boolean names(String physical, RecordedResource resource) {
        return resource.input("name").map(physical::equals)
                .orElse(physical.startsWith(resource.name() + "-")
                        && !physical.substring(resource.name().length() + 1).contains("-"));
    }

    /** The principals of a resource policy statement, as a reader names them. */
    private static List<String> principals(JsonObject statement, Access access, StackRecording recording) {
        List<String> named = new ArrayList<>();
        JsonElement principal = statement.get("Principal");
        if (principal != null && principal.isJsonPrimitive() && "*".equals(principal.getAsString())) {
            Optional<String> org = organization(statement);
            if (org.isPresent()) {
                access.organizations.add(org.get());
                named.add("organization " + org.get());
            } else {
                named.add("everyone");
            }
            return named;
        }
        for (String arn : strings(principal)) {
            Matcher root = ACCOUNT_ROOT.matcher(arn);
            if (root.matches()) {
                named.add("account " + root.group(1));
            } else if (arn.matches("[0-9]{12}")) {
                named.add("account " + arn);
            } else {
                // A role of this stack, named by its ARN (an output), reads as the role's logical name.
                String roleName = arn.substring(arn.lastIndexOf('/') + 1);
                Optional<String> role = arn.contains(":role/") ? recording.resources("aws:iam/role:Role").stream()
                        .filter(r -> names(roleName, r)).map(RecordedResource::name).findFirst() : Optional.empty();
                named.add(role.map(r -> "role " + r).orElseGet(() -> arn.replaceFirst("^arn:[^:]+:iam::", "")));
            }
        }
        return named;
    }

    private static Optional<String> organization(JsonObject statement) {
        JsonElement condition = statement.get("Condition");
        if (condition == null || !condition.isJsonObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonElement> operator : condition.getAsJsonObject().entrySet()) {
            if (operator.getValue().isJsonObject()) {
                JsonElement org = operator.getValue().getAsJsonObject().get("aws:PrincipalOrgID");
                if (org != null) {
                    return Optional.of(String.join(", ", strings(org)));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> actions(JsonObject statement) {
        return strings(statement.get("Action"));
    }

    static List<JsonObject> statements(Optional<String> document) {
        List<JsonObject> statements = new ArrayList<>();
        if (document.isEmpty()) {
            return statements;
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(document.get());
        } catch (JsonParseException e) {
            return statements;
        }
        if (!parsed.isJsonObject()) {
            return statements;
        }
        JsonElement statement = parsed.getAsJsonObject().get("Statement");
        if (statement == null) {
            return statements;
        }
        if (statement.isJsonArray()) {
            statement.getAsJsonArray().forEach(s -> {
                if (s.isJsonObject()) {
                    statements.add(s.getAsJsonObject());
                }
            });
        } else if (statement.isJsonObject()) {
            statements.add(statement.getAsJsonObject());
        }
        return statements;
    }

    static List<String> strings(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element == null || element.isJsonNull()) {
            return values;
        }
        if (element.isJsonPrimitive()) {
            values.add(element.getAsString());
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.addAll(strings(e)));
        } else {
            element.getAsJsonObject().entrySet().forEach(e -> values.addAll(strings(e.getValue())));
        }
        return values;
    }

    private static String string(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }
}
