package io.mlregistry.internal.resources;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.mlregistry.internal.plan.Urns;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How every child of one registry is registered: parented to the component, protected as planned,
 * tagged with the registry's tags, and aliased to where it lived before the component was renamed.
 */
final class ChildOptions {

    private final ComponentResource component;
    private final String componentName;
    /** The tags, or null when there are none, so that an untagged resource shows no empty map. */
    private final Output<Map<String, String>> tags;
    private final List<Output<String>> formerUrns;

    ChildOptions(ComponentResource component, String componentName, ComponentResourceOptions options,
            Output<Map<String, String>> tags) {
        this.component = component;
        this.componentName = componentName;
        this.tags = tags;
        // Where the component lived before each of its aliases, so that every child can carry an
        // alias to its own former URN and a renamed registry keeps its resources.
        this.formerUrns = options == null ? List.of() : options.getAliases().stream()
                .map(alias -> Output.tuple(alias.apply(Aliases::resolve), component.urn())
                        .applyValue(t -> Urns.formerUrn(t.t2, t.t1)))
                .toList();
    }

    /**
     * Options for one child: parented to the component, protected as asked, and aliased to its
     * former URN under each former URN of the component. Child names start with the component's
     * name, so a renamed component's children were named after its former name.
     */
    CustomResourceOptions options(String logicalName, boolean protect) {
        return options(logicalName, protect, List.of());
    }

    /** {@link #options(String, boolean)} for a child that must wait for others it takes no output of. */
    CustomResourceOptions options(String logicalName, boolean protect, List<Resource> dependsOn) {
        CustomResourceOptions.Builder options = CustomResourceOptions.builder().parent(component).protect(protect);
        if (!dependsOn.isEmpty()) {
            options.dependsOn(dependsOn);
        }
        if (!formerUrns.isEmpty()) {
            String suffix = logicalName.substring(componentName.length());
            options.aliases(formerUrns.stream()
                    // parentUrn before name: pulumi-java 1.36.1's Alias.Builder.parentUrn refuses to
                    // follow name, checking the wrong field.
                    .map(former -> former.applyValue(urn -> Alias.builder()
                            .parentUrn(Output.of(urn))
                            .name(Urns.parse(urn).name() + suffix)
                            .build()))
                    .toList());
        }
        return options.build();
    }

    /** Sets tags only when there are some, so that an untagged resource shows no empty map. */
    <B> B tagged(B builder, BiFunction<B, Output<Map<String, String>>, B> setter) {
        return tags == null ? builder : setter.apply(builder, tags);
    }
}
