package io.mlregistry.testing;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a {@link StackRecording} as a plan a person reads: a summary (what will be created, by
 * type; what is protected; who may read or publish where; the endpoints; the VPC endpoints, who may
 * reach them and what their policies admit; the client configuration exported), then the tree of
 * resources (type, logical name, parent) with their inputs, then the stack outputs. Policy
 * documents are summarized by their statement IDs unless asked for in full. Siblings are listed
 * by logical name, so the same program always renders the same text.
 */
public final class StackPreview {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final Set<String> POLICY_KEYS = Set.of("policy", "policyDocument", "assumeRolePolicy");

    private StackPreview() {
    }

    /**
     * Renders the tree and the outputs, every policy document in full.
     *
     * @param recording what a program did on the mock engine
     * @return the plan, lines separated by {@code \n}, ending with a newline
     */
    public static String render(StackRecording recording) {
        return tree(recording, true);
    }

    /**
     * Renders the summary, then the tree and the outputs.
     *
     * @param recording what a program did on the mock engine
     * @param policies whether policy documents are printed in full; otherwise each shows its
     *     size and statement IDs
     * @return the plan, lines separated by {@code \n}, ending with a newline
     */
    public static String render(StackRecording recording, boolean policies) {
        return summary(recording) + "\n" + tree(recording, policies);
    }

    /**
     * The summary: resources to create by type, protected resources, the access table (principal,
     * repository, read or read and publish), the organizations given access, who may get a token
     * for each domain, the stack outputs that are URLs (maps of URLs as {@code name.key}); when the
     * stack creates VPC endpoints, each with its VPC, subnets or route tables, private DNS, the
     * sources admitted on HTTPS and its policy's statements; and when it exports client
     * configuration (outputs of several lines, {@code aws codeartifact} commands, maps of
     * commands or of environment variables), each in full.
     *
     * @param recording what a program did on the mock engine
     * @return the summary, lines separated by {@code \n}, ending with a newline
     */
    public static String summary(StackRecording recording) {
        StringBuilder out = new StringBuilder();
        List<RecordedResource> created = recording.resources().stream()
                .filter(r -> !r.type().equals(STACK_TYPE)).collect(Collectors.toList());
        out.append("To create: ").append(created.size()).append(created.size() == 1 ? " resource\n" : " resources\n");
        new TreeMap<>(created.stream().collect(Collectors.groupingBy(RecordedResource::type, Collectors.counting())))
                .forEach((type, count) -> out.append(String.format("    %3d  %s%n", count, type)));
        List<String> protectedNames = created.stream().filter(RecordedResource::protect)
                .map(RecordedResource::name).sorted().collect(Collectors.toList());
        out.append("Protected from deletion: ").append(protectedNames.isEmpty() ? "none" : String.join(", ", protectedNames))
                .append('\n');
        Access access = Access.of(recording);
        out.append("Access (principal: repository, what it may do):\n");
        if (access.repositories.isEmpty()) {
            out.append("    nobody is granted access by this stack\n");
        }
        int width = access.repositories.keySet().stream().mapToInt(String::length).max().orElse(0);
        access.repositories.forEach((principal, grants) -> grants.forEach((repository, level) ->
                out.append("    ").append(pad(principal, width)).append("  ").append(repository).append(": ")
                        .append(level).append('\n')));
        out.append("Organizations: ").append(access.organizations.isEmpty() ? "none" : String.join(", ", access.organizations))
                .append('\n');
        out.append("Allowed to get a token:\n");
        if (access.tokens.isEmpty()) {
            out.append("    nobody by this stack's policies\n");
        }
        access.tokens.forEach((domain, principals) ->
                out.append("    domain ").append(domain).append(": ").append(String.join(", ", principals)).append('\n'));
        out.append("Endpoints:\n");
        Map<String, Object> urls = new TreeMap<>();
        recording.outputs().forEach((name, value) -> {
            if (value instanceof String && ((String) value).startsWith("https://")
                    && !recording.secretOutputs().contains(name)) {
                urls.put(name, value);
            }
        });
        urls.putAll(WorkloadSections.urlMaps(recording));
        if (urls.isEmpty()) {
            out.append("    none exported\n");
        }
        urls.forEach((name, url) -> out.append("    ").append(name).append(": ").append(url).append('\n'));
        out.append(WorkloadSections.vpcEndpoints(recording));
        out.append(WorkloadSections.clientConfiguration(recording));
        return out.toString();
    }

    /**
     * The recording as JSON for machines: {@code resources} (the stack, then by URN; urn, type,
     * name, parent, protect,
     * provider, inputs), {@code outputs} (secret ones as {@code [secret]}) and {@code problems} (the {@link DeployRule} violations).
     *
     * @param recording what a program did on the mock engine
     * @return pretty-printed JSON ending with a newline
     */
    public static String json(StackRecording recording) {
        JsonObject root = new JsonObject();
        JsonArray resources = new JsonArray();
        var gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        // The stack first, then by URN: registration order varies between runs.
        List<RecordedResource> ordered = recording.resources().stream()
                .sorted(Comparator.comparing((RecordedResource r) -> !r.type().equals(STACK_TYPE))
                        .thenComparing(RecordedResource::urn))
                .collect(Collectors.toList());
        for (RecordedResource resource : ordered) {
            JsonObject r = new JsonObject();
            r.addProperty("urn", resource.urn());
            r.addProperty("type", resource.type());
            r.addProperty("name", resource.name());
            resource.parentUrn().ifPresent(p -> r.addProperty("parent", p));
            r.addProperty("protect", resource.protect());
            resource.provider().ifPresent(p -> r.addProperty("provider", p.substring(0, p.lastIndexOf("::"))));
            r.add("inputs", gson.toJsonTree(new TreeMap<>(resource.inputs())));
            resources.add(r);
        }
        root.add("resources", resources);
        JsonObject outputs = new JsonObject();
        new TreeMap<>(recording.outputs()).forEach((name, value) -> outputs.add(name,
                recording.secretOutputs().contains(name) ? gson.toJsonTree("[secret]") : gson.toJsonTree(value)));
        root.add("outputs", outputs);
        JsonArray problems = new JsonArray();
        recording.deployProblems().forEach(problems::add);
        root.add("problems", problems);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    private static String tree(StackRecording recording, boolean policies) {
        StringBuilder out = new StringBuilder();
        recording.resources().stream()
                .filter(r -> r.type().equals(STACK_TYPE))
                .forEach(stack -> renderTree(recording, stack, "", "", policies, out));
        out.append("\nOutputs:\n");
        if (recording.outputs().isEmpty()) {
            out.append("    (none)\n");
        }
        new TreeMap<>(recording.outputs()).forEach((name, value) ->
                out.append("    ").append(name).append(": ")
                        .append(recording.secretOutputs().contains(name) ? "[secret]" : show(value)).append('\n'));
        return out.toString();
    }

    private static void renderTree(
            StackRecording recording, RecordedResource resource, String lead, String indent, boolean policies,
            StringBuilder out) {
        out.append(lead).append(resource.type()).append("  ").append(resource.name());
        if (resource.protect()) {
            out.append("  [protected]");
        }
        out.append('\n');
        List<RecordedResource> children = recording.children(resource).stream()
                .sorted(Comparator.comparing(RecordedResource::name).thenComparing(RecordedResource::type))
                .collect(Collectors.toList());
        String inputIndent = indent + (children.isEmpty() ? "     " : "│    ");
        new TreeMap<>(resource.inputs()).forEach((key, value) ->
                renderInput(key, value, inputIndent, policies || !POLICY_KEYS.contains(key), out));
        resource.provider().ifPresent(p -> out.append(inputIndent).append("(provider ")
                .append(p.substring(0, p.lastIndexOf("::"))).append(")\n"));
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            renderTree(recording, children.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "),
                    policies, out);
        }
    }

    private static void renderInput(String key, Object value, String indent, boolean inFull, StringBuilder out) {
        Optional<String> json = value instanceof String ? prettyJson((String) value) : Optional.empty();
        if (json.isPresent() && !inFull) {
            List<String> sids = Access.statements(Optional.of((String) value)).stream()
                    .map(s -> s.has("Sid") ? s.get("Sid").getAsString() : "(no Sid)")
                    .collect(Collectors.toList());
            out.append(indent).append(key).append(": policy of ").append(sids.size())
                    .append(sids.size() == 1 ? " statement" : " statements");
            if (!sids.isEmpty()) {
                out.append(" (").append(String.join(", ", sids)).append(')');
            }
            out.append("; --policies prints it\n");
        } else if (json.isPresent()) {
            out.append(indent).append(key).append(":\n");
            json.get().lines().forEach(line -> out.append(indent).append("    ").append(line).append('\n'));
        } else {
            out.append(indent).append(key).append(": ").append(show(value)).append('\n');
        }
    }

    /** JSON objects inside string inputs (policy documents, Cloud Control states), pretty-printed. */
    private static Optional<String> prettyJson(String value) {
        if (!value.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonElement parsed = JsonParser.parseString(value);
            return Optional.of(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(parsed));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    static String show(Object value) {
        if (value instanceof Double && ((Double) value) == Math.rint((Double) value)) {
            return String.valueOf(((Double) value).longValue());
        }
        if (value instanceof Map || value instanceof List) {
            return new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(value);
        }
        return String.valueOf(value);
    }
}
