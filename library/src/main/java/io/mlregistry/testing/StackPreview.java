package io.mlregistry.testing;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a {@link StackRecording} as a plan a person reads: the tree of resources (type, logical
 * name, parent) with their inputs, policy and JSON documents pretty-printed, and the stack outputs.
 * Siblings are listed by logical name, so the same program always renders the same text.
 */
public final class StackPreview {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private StackPreview() {
    }

    /**
     * Renders the recording.
     *
     * @param recording what a program did on the mock engine
     * @return the plan, lines separated by {@code \n}, ending with a newline
     */
    public static String render(StackRecording recording) {
        StringBuilder out = new StringBuilder();
        recording.resources().stream()
                .filter(r -> r.type().equals(STACK_TYPE))
                .forEach(stack -> renderTree(recording, stack, "", "", out));
        out.append("\nOutputs:\n");
        if (recording.outputs().isEmpty()) {
            out.append("    (none)\n");
        }
        new TreeMap<>(recording.outputs()).forEach((name, value) ->
                out.append("    ").append(name).append(": ").append(show(value)).append('\n'));
        return out.toString();
    }

    private static void renderTree(
            StackRecording recording, RecordedResource resource, String lead, String indent, StringBuilder out) {
        out.append(lead).append(resource.type()).append("  ").append(resource.name());
        if (resource.protect()) {
            out.append("  [protected]");
        }
        out.append('\n');
        List<RecordedResource> children = recording.children(resource).stream()
                .sorted(Comparator.comparing(RecordedResource::name).thenComparing(RecordedResource::type))
                .collect(Collectors.toList());
        String inputIndent = indent + (children.isEmpty() ? "     " : "│    ");
        new TreeMap<>(resource.inputs()).forEach((key, value) -> renderInput(key, value, inputIndent, out));
        resource.provider().ifPresent(p -> out.append(inputIndent).append("(provider ")
                .append(p.substring(0, p.lastIndexOf("::"))).append(")\n"));
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            renderTree(recording, children.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), out);
        }
    }

    private static void renderInput(String key, Object value, String indent, StringBuilder out) {
        Optional<String> json = value instanceof String ? prettyJson((String) value) : Optional.empty();
        if (json.isPresent()) {
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

    private static String show(Object value) {
        if (value instanceof Double && ((Double) value) == Math.rint((Double) value)) {
            return String.valueOf(((Double) value).longValue());
        }
        if (value instanceof Map || value instanceof List) {
            return new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(value);
        }
        return String.valueOf(value);
    }
}
