package io.mlregistry.internal.plan;

import io.mlregistry.internal.plan.PackageGroupSpec.Restriction;
import io.mlregistry.internal.plan.RegistryInputs.NamespaceInput;
import io.mlregistry.internal.plan.RegistryInputs.PackageGroupInput;
import io.mlregistry.internal.plan.RegistryInputs.RestrictionInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns internal namespaces and raw package groups into the package groups to create. */
public final class PackageGroupPlanner {

    private PackageGroupPlanner() {
    }

    /**
     * The package group pattern of a namespace, in CodeArtifact's syntax: {@code ~} ends a prefix,
     * {@code /*} takes every value of the next component, and PyPI has an empty namespace.
     *
     * @return the pattern, or empty for a namespace Pulumi's deserializer left incomplete
     */
    public static Optional<String> pattern(NamespaceInput namespace) {
        String format = namespace.format();
        if (format == null) {
            return Optional.empty();
        }
        if (namespace.namePrefix().isPresent()) {
            return Optional.of("/" + format + "//" + namespace.namePrefix().get() + "~");
        }
        if (namespace.namespacePrefix().isPresent()) {
            return Optional.of("/" + format + "/" + namespace.namespacePrefix().get() + "~");
        }
        return namespace.namespace().map(ns -> "/" + format + "/" + ns + "/*");
    }

    static List<PackageGroupSpec> specs(RegistryInputs args) {
        List<PackageGroupSpec> specs = new ArrayList<>();
        for (NamespaceInput namespace : args.internalNamespaces()) {
            List<String> publishers = namespace.publishRepositories().orElse(List.of(args.repositoryName()));
            String pattern = pattern(namespace).orElseThrow();
            specs.add(PackageGroupSpec.internal(pattern, publishers,
                    PackageGroupSpec.internalDescription(namespace.format(), publishers)));
        }
        for (PackageGroupInput group : args.packageGroups()) {
            specs.add(new PackageGroupSpec(group.pattern(), group.description(),
                    group.publish().map(PackageGroupPlanner::restriction),
                    group.externalUpstream().map(PackageGroupPlanner::restriction),
                    group.internalUpstream().map(PackageGroupPlanner::restriction)));
        }
        return specs;
    }

    private static Restriction restriction(RestrictionInput restriction) {
        return new Restriction(restriction.mode(), restriction.repositories());
    }
}
