package io.mlregistry.internal.resources;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import io.mlregistry.internal.plan.Urns.AliasSpec;

import java.util.Optional;

/** Pulumi aliases with their outputs resolved, for {@link io.mlregistry.internal.plan.Urns#formerUrn}. */
public final class Aliases {

    private Aliases() {
    }

    /**
     * Resolves the outputs of an alias.
     *
     * @param alias the alias, as given in resource options
     * @return its parts, once every output it holds resolves
     */
    public static Output<AliasSpec> resolve(Alias alias) {
        if (alias.getUrn().isPresent()) {
            return Output.of(new AliasSpec(alias.getUrn(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), false));
        }
        Output<Optional<String>> parentUrn = alias.getParent().map(p -> p.urn().applyValue(Optional::of))
                .or(() -> alias.getParentUrn().map(p -> p.applyValue(Optional::of)))
                .orElse(Output.of(Optional.empty()));
        return Output.tuple(optional(alias.getName()), optional(alias.getType()), optional(alias.getStack()),
                        optional(alias.getProject()), parentUrn)
                .applyValue(t -> new AliasSpec(Optional.empty(), t.t1, t.t2, t.t3, t.t4,
                        t.t5.filter(p -> !p.isEmpty()), alias.hasNoParent()));
    }

    private static Output<Optional<String>> optional(Optional<Output<String>> value) {
        return value.map(v -> v.applyValue(s -> Optional.ofNullable(s).filter(x -> !x.isEmpty())))
                .orElse(Output.of(Optional.empty()));
    }
}
