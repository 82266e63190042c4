package io.mlregistry.testing;

import com.google.gson.Gson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Pulumi project's name and a stack's configuration, read the way the Pulumi CLI reads them:
 * the project name from {@code Pulumi.yaml}, defaults from its {@code config:} section, the
 * configuration from {@code Pulumi.<stack>.yaml}
 * ({@code config:} with keys {@code <namespace>:<name>}; a key without a namespace belongs to the
 * project), then {@code key=value} overrides. Values marked {@code secure:} are encrypted by the
 * CLI and cannot be read offline; they stay secret and read as {@code <secret>} unless
 * overridden. Only the YAML these files use is understood: scalars, and one level of lists and
 * maps (passed to the program as JSON, as Pulumi passes structured values).
 */
final class StackConfig {

    /** What an encrypted value reads as; the library checks it only with rules that need no text. */
    static final String UNREADABLE_SECRET = io.mlregistry.internal.outputs.Known.UNREADABLE;

    final String project;
    final Map<String, String> values = new LinkedHashMap<>();
    final Set<String> secretKeys = new LinkedHashSet<>();
    final List<String> encrypted = new ArrayList<>();
    final Optional<Path> stackFile;

    private StackConfig(String project, Optional<Path> stackFile) {
        this.project = project;
        this.stackFile = stackFile;
    }

    /**
     * Reads the project in {@code directory}.
     *
     * @param directory the project's directory
     * @param fallbackProject the project name when there is no {@code Pulumi.yaml}
     * @param stack the stack name
     * @param overrides {@code key=value} pairs, applied last
     * @throws IllegalArgumentException on a file or override that cannot be read
     */
    static StackConfig read(Path directory, String fallbackProject, String stack, List<String> overrides) {
        String project = fallbackProject;
        Path projectFile = directory.resolve("Pulumi.yaml");
        List<String> projectLines = List.of();
        if (Files.isRegularFile(projectFile)) {
            projectLines = lines(projectFile);
            project = topLevel(projectLines, "name").orElseThrow(() ->
                    new IllegalArgumentException(projectFile + " has no name"));
        }
        Path file = directory.resolve("Pulumi." + stack + ".yaml");
        StackConfig config = new StackConfig(project, Files.isRegularFile(file) ? Optional.of(file) : Optional.empty());
        config.readConfig(projectFile, projectLines, true);
        if (config.stackFile.isPresent()) {
            config.readConfig(file, lines(file), false);
        }
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--config " + override + " must have the form key=value");
            }
            String key = config.fullKey(override.substring(0, equals));
            config.values.put(key, override.substring(equals + 1));
            config.encrypted.remove(key);
        }
        return config;
    }

    /** {@code <namespace>:<name>}: a key without a namespace belongs to the project. */
    String fullKey(String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    /** The region the stack's AWS provider would use, from {@code aws:region}. */
    Optional<String> region() {
        return Optional.ofNullable(values.get("aws:region"));
    }

    /** The values of the secret keys that can be read, longest first: the text to mask. */
    List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        secretKeys.stream().map(values::get)
                .filter(v -> v != null && !v.isEmpty() && !v.equals(UNREADABLE_SECRET))
                .forEach(secrets::add);
        secrets.sort((a, b) -> b.length() - a.length());
        return secrets;
    }

    /**
     * Reads the {@code config:} section of a file. In {@code Pulumi.yaml} a key's value is its
     * default, and a declaration ({@code type:}, {@code default:}) gives its {@code default}.
     */
    private void readConfig(Path file, List<String> lines, boolean project) {
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith("config:")) {
            i++;
        }
        i++;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith(" ")) {
                break;
            }
            int indent = indentOf(line);
            String entry = line.trim();
            int colon = keyColon(entry);
            if (colon < 0) {
                throw new IllegalArgumentException(file + ": cannot read " + entry);
            }
            String key = fullKey(unquote(entry.substring(0, colon)));
            String value = entry.substring(colon + 1).trim();
            i++;
            if (!value.isEmpty()) {
                values.put(key, unquote(value));
                continue;
            }
            List<String> nested = new ArrayList<>();
            while (i < lines.size() && indentOf(lines.get(i)) > indent) {
                nested.add(lines.get(i).trim());
                i++;
            }
            if (nested.size() == 1 && nested.get(0).startsWith("secure:")) {
                values.put(key, UNREADABLE_SECRET);
                secretKeys.add(key);
                encrypted.add(key);
            } else if (!nested.isEmpty() && nested.get(0).startsWith("- ")) {
                List<String> items = new ArrayList<>();
                nested.forEach(n -> items.add(unquote(n.substring(1).trim())));
                values.put(key, new Gson().toJson(items));
            } else {
                Map<String, String> map = new LinkedHashMap<>();
                for (String n : nested) {
                    int c = keyColon(n);
                    if (c < 0) {
                        throw new IllegalArgumentException(file + ": cannot read " + key + " (" + n + ")");
                    }
                    map.put(unquote(n.substring(0, c)), unquote(n.substring(c + 1).trim()));
                }
                if (!project) {
                    values.put(key, new Gson().toJson(map));
                } else if (map.containsKey("default")) {
                    values.put(key, map.get("default"));
                }
            }
        }
    }

    private static Optional<String> topLevel(List<String> lines, String key) {
        return lines.stream()
                .filter(l -> l.startsWith(key + ":"))
                .map(l -> unquote(l.substring(key.length() + 1).trim()))
                .findFirst();
    }

    /** The colon that ends a key: the first {@code :} followed by a space or the end, so that {@code aws:region: x} splits after {@code region}. */
    private static int keyColon(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            if (entry.charAt(i) == ':' && (i + 1 == entry.length() || entry.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static String unquote(String value) {
        String v = value;
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).trim() : v;
    }

    /** The lines that carry content: no blank lines, no comment lines, no document markers. */
    private static List<String> lines(Path file) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.equals("---")) {
                    lines.add(line.replace("\t", "    "));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
