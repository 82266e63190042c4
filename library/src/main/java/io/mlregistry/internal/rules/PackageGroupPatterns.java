package io.mlregistry.internal.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The grammar of CodeArtifact package group patterns, as AWS's user guide page "Package group
 * definition syntax and matching behavior" states it, on top of the service model's
 * {@code PackageGroupPattern} shape (2-520 characters, no whitespace or control characters).
 *
 * <p>The page allows exactly six shapes: {@code /*}, {@code /<format>/*},
 * {@code /<format>/<namespace prefix>~}, {@code /<format>/<namespace>/*},
 * {@code /<format>/<namespace>/<name prefix>~} and {@code /<format>/<namespace>/<name>$}; a
 * {@code *} comes only right after a {@code /}. Formats whose packages have no namespace take an
 * empty one ({@code /pypi//requests$}); formats whose packages have one must name it with a name.
 * NuGet, Python and Swift patterns must be written in the normalized form CodeArtifact matches on.
 */
public final class PackageGroupPatterns {

    /**
     * Formats whose packages have no namespace, as the service model documents the
     * {@code namespace} members ("Python, NuGet, Ruby, and Cargo package versions do not contain a
     * corresponding component").
     */
    public static final List<String> FORMATS_WITHOUT_NAMESPACE = List.of("pypi", "nuget", "ruby", "cargo");

    /**
     * Formats whose patterns must name a namespace when they name a package, as the syntax page
     * lists them; {@code GetAssociatedPackageGroup} requires a namespace for the same three.
     */
    public static final List<String> FORMATS_REQUIRING_NAMESPACE = List.of("maven", "generic", "swift");

    /** The six shapes, in the syntax page's order. */
    public static final String SHAPES = "/*, /<format>/*, /<format>/<namespace prefix>~, /<format>/<namespace>/*, "
            + "/<format>/<namespace>/<name prefix>~ or /<format>/<namespace>/<name>$";

    static final String LENGTH_RULE = "must be " + Rules.PACKAGE_GROUP_PATTERN_MIN + "-" + Rules.PACKAGE_GROUP_PATTERN_MAX
            + " characters without whitespace or control characters";
    static final String ENDS_RULE = "must start with / and end with $ (exact), ~ (prefix) or * (all)";
    static final String STAR_RULE = "must have * only right after a / at its end (all values of the next component); "
            + "end a prefix with ~";
    static final String MARKER_RULE = "must have $ or ~ only as its last character";
    static final String SHAPE_RULE = "must take one of AWS's six shapes: " + SHAPES;

    /** What a valid pattern selects. */
    public enum Shape {
        /** {@code /*}. */
        ALL_FORMATS,
        /** {@code /<format>/*}. */
        FORMAT,
        /** {@code /<format>/<namespace prefix>~}. */
        NAMESPACE_PREFIX,
        /** {@code /<format>/<namespace>/*}. */
        NAMESPACE,
        /** {@code /<format>/<namespace>/<name prefix>~}. */
        NAME_PREFIX,
        /** {@code /<format>/<namespace>/<name>$}. */
        NAME
    }

    /**
     * A pattern taken apart.
     *
     * @param shape which of the six shapes
     * @param format the format, empty for {@code /*}
     * @param namespace the namespace or namespace prefix; an empty string for a blank namespace
     * @param name the name or name prefix
     */
    public record Parsed(Shape shape, Optional<String> format, Optional<String> namespace, Optional<String> name) {
    }

    private PackageGroupPatterns() {
    }

    /**
     * The rule a pattern breaks, worded for {@link Problems#add}, or empty when AWS's grammar
     * accepts it.
     */
    public static Optional<String> problem(String pattern) {
        if (pattern.length() < Rules.PACKAGE_GROUP_PATTERN_MIN || pattern.length() > Rules.PACKAGE_GROUP_PATTERN_MAX
                || Rules.hasWhitespaceOrControl(pattern)) {
            return Optional.of(LENGTH_RULE);
        }
        char last = pattern.charAt(pattern.length() - 1);
        if (pattern.charAt(0) != '/' || (last != '$' && last != '~' && last != '*')) {
            return Optional.of(ENDS_RULE);
        }
        String body = pattern.substring(1, pattern.length() - 1);
        if (body.contains("*") || (last == '*' && !body.isEmpty() && !body.endsWith("/"))) {
            return Optional.of(STAR_RULE);
        }
        if (body.contains("$") || body.contains("~")) {
            return Optional.of(MARKER_RULE);
        }
        Optional<Parsed> parsed = shape(body, last);
        if (parsed.isEmpty()) {
            return Optional.of(SHAPE_RULE);
        }
        return parsed.flatMap(PackageGroupPatterns::formatProblem);
    }

    /**
     * Takes a valid pattern apart.
     *
     * @throws IllegalArgumentException if {@link #problem(String)} finds a broken rule
     */
    public static Parsed parse(String pattern) {
        problem(pattern).ifPresent(rule -> {
            throw new IllegalArgumentException("pattern (" + pattern + ") " + rule);
        });
        return shape(pattern.substring(1, pattern.length() - 1), pattern.charAt(pattern.length() - 1)).orElseThrow();
    }

    /** The shape of a pattern's body (between the leading {@code /} and the suffix), or empty. */
    private static Optional<Parsed> shape(String body, char suffix) {
        if (suffix == '*') {
            if (body.isEmpty()) {
                return Optional.of(new Parsed(Shape.ALL_FORMATS, Optional.empty(), Optional.empty(), Optional.empty()));
            }
            String[] parts = body.substring(0, body.length() - 1).split("/", -1);
            if (parts.length == 1) {
                return Optional.of(new Parsed(Shape.FORMAT, Optional.of(parts[0]), Optional.empty(), Optional.empty()));
            }
            return parts.length == 2
                    ? Optional.of(new Parsed(Shape.NAMESPACE, Optional.of(parts[0]), Optional.of(parts[1]), Optional.empty()))
                    : Optional.empty();
        }
        String[] parts = body.split("/", -1);
        if (suffix == '~' && parts.length == 2 && !parts[1].isEmpty()) {
            return Optional.of(new Parsed(Shape.NAMESPACE_PREFIX, Optional.of(parts[0]), Optional.of(parts[1]),
                    Optional.empty()));
        }
        if (parts.length == 3 && !parts[2].isEmpty()) {
            return Optional.of(new Parsed(suffix == '~' ? Shape.NAME_PREFIX : Shape.NAME, Optional.of(parts[0]),
                    Optional.of(parts[1]), Optional.of(parts[2])));
        }
        return Optional.empty();
    }

    private static Optional<String> formatProblem(Parsed parsed) {
        if (parsed.format().isEmpty()) {
            return Optional.empty();
        }
        String format = parsed.format().get();
        if (!Rules.PACKAGE_FORMATS.contains(format)) {
            return Optional.of("must start with a package format: /" + String.join("/, /", Rules.PACKAGE_FORMATS) + "/");
        }
        String namespace = parsed.namespace().orElse("");
        boolean named = parsed.shape() == Shape.NAME_PREFIX || parsed.shape() == Shape.NAME;
        if (FORMATS_WITHOUT_NAMESPACE.contains(format) && !namespace.isEmpty()) {
            return Optional.of("must not name a namespace: " + format + " packages have none; write /" + format
                    + "//<name>$ or /" + format + "//<name prefix>~");
        }
        if (FORMATS_REQUIRING_NAMESPACE.contains(format) && named && namespace.isEmpty()) {
            return Optional.of("must name a namespace with a name: " + format + " packages have one");
        }
        String name = parsed.name().orElse("");
        String normalNamespace = normalizeNamespace(format, namespace);
        String normalName = normalizeName(format, name);
        if (!normalNamespace.equals(namespace) || !normalName.equals(name)) {
            return Optional.of("must be written as CodeArtifact normalizes " + format + " names: "
                    + write(parsed, normalNamespace, normalName));
        }
        return Optional.empty();
    }

    /**
     * A name as CodeArtifact stores and matches it: Python names lowercased with runs of
     * {@code -_.} as one {@code -} (PEP 503), NuGet and Swift names lowercased, others unchanged.
     */
    public static String normalizeName(String format, String name) {
        return switch (format) {
            case "pypi" -> Rules.normalizePypiName(name);
            case "nuget", "swift" -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    /** A namespace as CodeArtifact stores and matches it: Swift namespaces lowercased, others unchanged. */
    public static String normalizeNamespace(String format, String namespace) {
        return format.equals("swift") ? namespace.toLowerCase(Locale.ROOT) : namespace;
    }

    private static String write(Parsed parsed, String namespace, String name) {
        String format = parsed.format().orElseThrow();
        return switch (parsed.shape()) {
            case NAMESPACE_PREFIX -> "/" + format + "/" + namespace + "~";
            case NAMESPACE -> "/" + format + "/" + namespace + "/*";
            case NAME_PREFIX -> "/" + format + "/" + namespace + "/" + name + "~";
            case NAME -> "/" + format + "/" + namespace + "/" + name + "$";
            default -> "/" + format + "/*";
        };
    }
}
