package io.mlregistry;

import com.google.common.collect.ImmutableList;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.plan.RegistryInputs;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How package versions matching a package group may enter repositories by one route: publishing,
 * an external upstream (a public registry) or an internal upstream (another repository of the
 * domain). CodeArtifact's {@code PackageGroupOriginRestriction}; checked when the Args are built.
 */
public final class OriginRestriction extends ResourceArgs {

    @Import(name = "mode", required = true)
    private final String mode;

    @Import(name = "repositories")
    private final List<String> repositories;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private OriginRestriction() {
        this(null, null);
    }

    private OriginRestriction(String mode, List<String> repositories) {
        this.mode = mode;
        this.repositories = repositories;
    }

    /**
     * Allowed for every repository ({@code ALLOW}).
     *
     * @return the restriction
     */
    public static OriginRestriction allow() {
        return new OriginRestriction("ALLOW", List.of());
    }

    /**
     * Blocked for every repository ({@code BLOCK}).
     *
     * @return the restriction
     */
    public static OriginRestriction block() {
        return new OriginRestriction("BLOCK", List.of());
    }

    /**
     * Taken from the closest parent package group ({@code INHERIT}).
     *
     * @return the restriction
     */
    public static OriginRestriction inherit() {
        return new OriginRestriction("INHERIT", List.of());
    }

    /**
     * Allowed only for the named repositories of the domain ({@code ALLOW_SPECIFIC_REPOSITORIES}).
     *
     * @param repositories at least one repository name
     * @return the restriction
     * @throws NullPointerException if the array or an entry is null
     */
    public static OriginRestriction allowOnly(String... repositories) {
        Objects.requireNonNull(repositories, "repositories");
        return allowOnly(Arrays.asList(repositories));
    }

    /**
     * Allowed only for the named repositories of the domain ({@code ALLOW_SPECIFIC_REPOSITORIES}).
     *
     * @param repositories at least one repository name
     * @return the restriction
     * @throws NullPointerException if the list or an entry is null
     */
    public static OriginRestriction allowOnly(List<String> repositories) {
        Objects.requireNonNull(repositories, "repositories");
        for (int i = 0; i < repositories.size(); i++) {
            Objects.requireNonNull(repositories.get(i), "repositories[" + i + "]");
        }
        return new OriginRestriction("ALLOW_SPECIFIC_REPOSITORIES", ImmutableList.copyOf(repositories));
    }

    /**
     * The restriction mode: {@code ALLOW}, {@code BLOCK}, {@code ALLOW_SPECIFIC_REPOSITORIES} or
     * {@code INHERIT}.
     *
     * @return the mode
     */
    public String mode() {
        return mode;
    }

    /**
     * The repositories allowed with {@code ALLOW_SPECIFIC_REPOSITORIES}.
     *
     * @return the repository names; empty for the other modes
     */
    public List<String> repositories() {
        return repositories != null ? repositories : List.of();
    }

    /** This restriction as the planner reads it. */
    RegistryInputs.RestrictionInput input() {
        return new RegistryInputs.RestrictionInput(mode, repositories());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof OriginRestriction)) {
            return false;
        }
        OriginRestriction that = (OriginRestriction) other;
        return Objects.equals(mode, that.mode) && repositories().equals(that.repositories());
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, repositories());
    }

    @Override
    public String toString() {
        return repositories().isEmpty() ? String.valueOf(mode) : mode + repositories();
    }
}
