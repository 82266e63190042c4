package io.mlregistry;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.plan.RegistryInputs;

import java.util.Objects;
import java.util.Optional;

/**
 * A raw CodeArtifact package group: a pattern and its origin controls, for needs that
 * {@link InternalNamespace} does not cover. Created with {@link #builder()}; checked when the
 * Args are built.
 *
 * <p>Patterns follow CodeArtifact's package group syntax: {@code /<format>/<namespace>/<name>}
 * ending in {@code $} (exact), {@code ~} (prefix) or {@code *} (all values of the next
 * component), such as {@code /npm/acme/*}, {@code /pypi//acme-~} or {@code /maven/com.acme~}.
 */
public final class PackageGroup extends ResourceArgs {

    @Import(name = "pattern", required = true)
    private final String pattern;

    @Import(name = "description")
    private final String description;

    @Import(name = "publish")
    private final OriginRestriction publish;

    @Import(name = "externalUpstream")
    private final OriginRestriction externalUpstream;

    @Import(name = "internalUpstream")
    private final OriginRestriction internalUpstream;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private PackageGroup() {
        this.pattern = null;
        this.description = null;
        this.publish = null;
        this.externalUpstream = null;
        this.internalUpstream = null;
    }

    private PackageGroup(Builder builder) {
        this.pattern = builder.pattern;
        this.description = builder.description;
        this.publish = builder.publish;
        this.externalUpstream = builder.externalUpstream;
        this.internalUpstream = builder.internalUpstream;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The package group pattern, which is also its identity in the domain.
     *
     * @return the pattern
     */
    public String pattern() {
        return pattern;
    }

    /**
     * The group's description.
     *
     * @return the description, or empty
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * Who may publish versions of matching packages.
     *
     * @return the restriction, or empty to inherit from the parent group
     */
    public Optional<OriginRestriction> publish() {
        return Optional.ofNullable(publish);
    }

    /**
     * Whether matching packages may come from public registries.
     *
     * @return the restriction, or empty to inherit from the parent group
     */
    public Optional<OriginRestriction> externalUpstream() {
        return Optional.ofNullable(externalUpstream);
    }

    /**
     * Whether matching packages may come from other repositories of the domain.
     *
     * @return the restriction, or empty to inherit from the parent group
     */
    public Optional<OriginRestriction> internalUpstream() {
        return Optional.ofNullable(internalUpstream);
    }

    /** This group as the planner reads it. */
    RegistryInputs.PackageGroupInput input() {
        return new RegistryInputs.PackageGroupInput(pattern, description(), publish().map(OriginRestriction::input),
                externalUpstream().map(OriginRestriction::input), internalUpstream().map(OriginRestriction::input));
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PackageGroup)) {
            return false;
        }
        PackageGroup that = (PackageGroup) other;
        return Objects.equals(pattern, that.pattern) && Objects.equals(description, that.description)
                && Objects.equals(publish, that.publish) && Objects.equals(externalUpstream, that.externalUpstream)
                && Objects.equals(internalUpstream, that.internalUpstream);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, description, publish, externalUpstream, internalUpstream);
    }

    @Override
    public String toString() {
        return "PackageGroup{pattern=" + pattern + ", publish=" + publish + ", externalUpstream=" + externalUpstream
                + ", internalUpstream=" + internalUpstream + "}";
    }

    /** Builds a {@link PackageGroup}; setters reject null at once, the rest is checked with the Args. */
    public static final class Builder {
        private String pattern;
        private String description;
        private OriginRestriction publish;
        private OriginRestriction externalUpstream;
        private OriginRestriction internalUpstream;

        private Builder() {
        }

        /**
         * The pattern. Required. Changing it replaces the package group.
         *
         * @param pattern 2-520 characters, no whitespace or control characters, starting with
         *     {@code /} and ending with {@code $}, {@code ~} or {@code *}
         * @return this builder
         * @throws NullPointerException if {@code pattern} is null
         */
        public Builder pattern(String pattern) {
            this.pattern = Objects.requireNonNull(pattern, "pattern");
            return this;
        }

        /**
         * A description. None by default.
         *
         * @param description at most 1000 characters, no control characters
         * @return this builder
         * @throws NullPointerException if {@code description} is null
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Who may publish. Inherited from the parent group by default.
         *
         * @param publish the restriction
         * @return this builder
         * @throws NullPointerException if {@code publish} is null
         */
        public Builder publish(OriginRestriction publish) {
            this.publish = Objects.requireNonNull(publish, "publish");
            return this;
        }

        /**
         * Whether public registries may supply matching packages. Inherited by default.
         *
         * @param externalUpstream the restriction
         * @return this builder
         * @throws NullPointerException if {@code externalUpstream} is null
         */
        public Builder externalUpstream(OriginRestriction externalUpstream) {
            this.externalUpstream = Objects.requireNonNull(externalUpstream, "externalUpstream");
            return this;
        }

        /**
         * Whether other repositories of the domain may supply matching packages. Inherited by
         * default.
         *
         * @param internalUpstream the restriction
         * @return this builder
         * @throws NullPointerException if {@code internalUpstream} is null
         */
        public Builder internalUpstream(OriginRestriction internalUpstream) {
            this.internalUpstream = Objects.requireNonNull(internalUpstream, "internalUpstream");
            return this;
        }

        /**
         * Builds the package group; its rules are checked with the Args.
         *
         * @return the package group
         */
        public PackageGroup build() {
            return new PackageGroup(this);
        }
    }
}
