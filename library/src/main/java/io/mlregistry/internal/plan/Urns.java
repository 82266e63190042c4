package io.mlregistry.internal.plan;

import io.mlregistry.internal.rules.Problems;

import java.util.Objects;
import java.util.Optional;

/**
 * Pulumi URNs, {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}, where the qualified
 * type is the parent's qualified type, {@code $}, and the resource's own type. Used to turn an
 * alias, once its outputs resolved, into the URN it stands for, as the engine does.
 */
public final class Urns {

    private Urns() {
    }

    /**
     * The parts of a URN.
     *
     * @param stack the stack
     * @param project the project
     * @param qualifiedType the parent types and the resource type, joined by {@code $}
     * @param name the logical name
     */
    public record Parts(String stack, String project, String qualifiedType, String name) {

        /** The parent's qualified type, or empty for a top-level resource. */
        public Optional<String> parentQualifiedType() {
            int last = qualifiedType.lastIndexOf('$');
            return last < 0 ? Optional.empty() : Optional.of(qualifiedType.substring(0, last));
        }

        @Override
        public String toString() {
            return "urn:pulumi:" + stack + "::" + project + "::" + qualifiedType + "::" + name;
        }
    }

    /**
     * An alias with its outputs resolved.
     *
     * @param urn the alias URN, for {@code Alias.withUrn}
     * @param name the former name, or empty for unchanged
     * @param type the former type, or empty for unchanged
     * @param stack the former stack, or empty for unchanged
     * @param project the former project, or empty for unchanged
     * @param parentUrn the former parent's URN, or empty for unchanged
     * @param noParent whether the resource formerly had no parent
     */
    public record AliasSpec(
            Optional<String> urn, Optional<String> name, Optional<String> type, Optional<String> stack,
            Optional<String> project, Optional<String> parentUrn, boolean noParent) {
    }

    public static Parts parse(String urn) {
        Objects.requireNonNull(urn, "urn");
        String[] parts = urn.split("::", 4);
        if (parts.length != 4 || !parts[0].startsWith("urn:pulumi:")) {
            throw new IllegalArgumentException("urn (" + Problems.show(urn)
                    + ") must have the form urn:pulumi:<stack>::<project>::<type>::<name>");
        }
        return new Parts(parts[0].substring("urn:pulumi:".length()), parts[1], parts[2], parts[3]);
    }

    /**
     * The URN an alias stands for, given the URN the resource has now.
     *
     * @param currentUrn the resource's URN
     * @param alias the resolved alias
     * @return the former URN
     */
    public static String formerUrn(String currentUrn, AliasSpec alias) {
        if (alias.urn().isPresent()) {
            return alias.urn().get();
        }
        Parts current = parse(currentUrn);
        String ownType = current.qualifiedType().substring(current.qualifiedType().lastIndexOf('$') + 1);
        String type = alias.type().orElse(ownType);
        Optional<String> parentType = alias.noParent() ? Optional.empty()
                : alias.parentUrn().map(p -> Optional.of(parse(p).qualifiedType())).orElse(current.parentQualifiedType());
        return new Parts(alias.stack().orElse(current.stack()), alias.project().orElse(current.project()),
                parentType.map(p -> p + "$" + type).orElse(type), alias.name().orElse(current.name())).toString();
    }
}
