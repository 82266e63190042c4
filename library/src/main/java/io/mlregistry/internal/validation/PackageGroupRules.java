package io.mlregistry.internal.validation;

import io.mlregistry.internal.plan.PackageGroupPlanner;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryInputs.NamespaceInput;
import io.mlregistry.internal.plan.RegistryInputs.PackageGroupInput;
import io.mlregistry.internal.plan.RegistryInputs.RestrictionInput;
import io.mlregistry.internal.rules.PackageGroupPatterns;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a registry's internal namespaces and raw package groups: each namespace's shape
 * per format, each pattern in AWS's grammar, each origin restriction, and no pattern twice.
 */
final class PackageGroupRules {

    private PackageGroupRules() {
    }

    /**
     * Checks the internal namespaces and raw package groups of one registry.
     *
     * @param attached whether the registry joins another's domain through {@code inDomainOf}
     */
    static void check(RegistryInputs args, boolean attached, Problems problems) {
        List<NamespaceInput> namespaces = args.internalNamespaces();
        List<PackageGroupInput> groups = args.packageGroups();
        if (namespaces.isEmpty() && groups.isEmpty()) {
            return;
        }
        String field = namespaces.isEmpty() ? "packageGroups" : "internalNamespaces";
        if (!args.createDomain() && args.domainOwner().isPresent() && !attached) {
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
            PackageGroupInput group = groups.get(i);
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
    private static Optional<String> checkNamespace(String at, NamespaceInput namespace, Problems problems) {
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

    private static void checkRestriction(String field, RestrictionInput restriction, Problems problems) {
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
}
