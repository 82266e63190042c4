package io.mlregistry.internal.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the broken rules of one input, one line each, so that a caller sees every problem at
 * once instead of fixing them one build at a time.
 *
 * <p>Each line names the field first, shows the offending value in parentheses and says what is
 * allowed: {@code domainName (ML-Platform) must be 2-50 characters matching [a-z][a-z0-9-]{0,48}[a-z0-9]}.
 */
public final class Problems {

    private final List<String> lines = new ArrayList<>();
    private final String prefix;

    /** Collects problems as {@code build()} reports them, naming no registry. */
    public Problems() {
        this("");
    }

    private Problems(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Collects the problems of one registry of a stack: every line starts {@code registry <name>: }.
     *
     * @param registry the registry's name
     * @return the problems
     */
    public static Problems of(String registry) {
        return new Problems("registry " + registry + ": ");
    }

    /** Adds {@code "<field> (<value>) <rule>"}, with the value shown as {@link #show} renders it. */
    public void add(String field, String value, String rule) {
        lines.add(prefix + field + " (" + show(value) + ") " + rule);
    }

    /** Adds a line that has no value to show, such as {@code "domainName is required"}. */
    public void addLine(String line) {
        lines.add(prefix + line);
    }

    public boolean hasLineStartingWith(String prefix) {
        return lines.stream().anyMatch(line -> line.startsWith(prefix));
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Throws one {@link IllegalArgumentException} listing every problem, one per line, when there
     * is any.
     */
    public void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", lines));
        }
    }

    /**
     * Renders a value for a message: as it is when printable, quoted and escaped when empty or when
     * it holds whitespace at its ends or control characters, so that every problem stays on one
     * line and an invisible character can be seen.
     */
    public static String show(String value) {
        if (value.isEmpty()) {
            return "\"\"";
        }
        boolean plain = !Rules.hasControlCharacter(value)
                && !Character.isWhitespace(value.charAt(0))
                && !Character.isWhitespace(value.charAt(value.length() - 1));
        if (plain) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (!Rules.isControl(cp)) {
                        out.appendCodePoint(cp);
                    } else if (Character.isBmpCodePoint(cp)) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\u{%x}", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
