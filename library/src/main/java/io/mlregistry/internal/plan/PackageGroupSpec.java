package io.mlregistry.internal.plan;

import com.google.common.hash.Hashing;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mlregistry.internal.rules.Rules;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One package group the component will create, and the CloudFormation document
 * ({@code AWS::CodeArtifact::PackageGroup}) that Cloud Control receives for it.
 *
 * @param pattern the package group pattern, its identity in the domain
 * @param description the group's description
 * @param publish who may publish, or empty to inherit
 * @param externalUpstream whether public registries may supply packages, or empty to inherit
 * @param internalUpstream whether upstream repositories may supply packages, or empty to inherit
 */
public record PackageGroupSpec(
        String pattern,
        Optional<String> description,
        Optional<Restriction> publish,
        Optional<Restriction> externalUpstream,
        Optional<Restriction> internalUpstream) {

    /** The Cloud Control type name. */
    public static final String TYPE_NAME = "AWS::CodeArtifact::PackageGroup";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * An origin restriction.
     *
     * @param mode {@code ALLOW}, {@code BLOCK}, {@code ALLOW_SPECIFIC_REPOSITORIES} or {@code INHERIT}
     * @param repositories the allowed repositories, for {@code ALLOW_SPECIFIC_REPOSITORIES}
     */
    public record Restriction(String mode, List<String> repositories) {
        public Restriction {
            Objects.requireNonNull(mode, "mode");
            repositories = List.copyOf(repositories);
        }
    }

    /**
     * The group that keeps internal names internal: publishing only from the given repositories,
     * nothing from public registries, internal upstreams allowed.
     */
    public static PackageGroupSpec internal(String pattern, List<String> publishRepositories, String description) {
        return new PackageGroupSpec(pattern, Optional.of(description),
                Optional.of(new Restriction("ALLOW_SPECIFIC_REPOSITORIES", publishRepositories)),
                Optional.of(new Restriction("BLOCK", List.of())),
                Optional.of(new Restriction("ALLOW", List.of())));
    }

    /**
     * The description of an internal namespace's group. It names the publishing repositories while
     * that fits AWS's limit of {@value Rules#DESCRIPTION_MAX} characters, and counts them otherwise:
     * the group's origin configuration lists them either way.
     *
     * @param format the package format
     * @param publishRepositories the repositories allowed to publish
     */
    public static String internalDescription(String format, List<String> publishRepositories) {
        String named = "Internal " + format + " packages: published to " + String.join(", ", publishRepositories)
                + " only, never fetched from a public registry (mlregistry)";
        if (named.length() <= Rules.DESCRIPTION_MAX) {
            return named;
        }
        return "Internal " + format + " packages: published only to the " + publishRepositories.size()
                + " repositories of the origin configuration, never fetched from a public registry (mlregistry)";
    }

    /**
     * A logical-name suffix that follows the pattern, not the group's position, so that reordering
     * groups renames nothing: the pattern's letters and digits, then a hash that tells apart
     * patterns differing only in punctuation.
     */
    public String slug() {
        String letters = pattern.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        if (letters.length() > 40) {
            letters = letters.substring(0, 40);
        }
        String hash = Hashing.sha256().hashString(pattern, StandardCharsets.UTF_8).toString().substring(0, 8);
        return letters.isEmpty() ? hash : letters + "-" + hash;
    }

    /**
     * The desired state for Cloud Control, as the CloudFormation schema names its properties.
     *
     * @param domainName the domain
     * @param domainOwner the domain's owner
     * @param tags the tags, sent as CloudFormation's list of {@code Key}/{@code Value} pairs
     */
    public String desiredState(String domainName, String domainOwner, Map<String, String> tags) {
        JsonObject state = new JsonObject();
        state.addProperty("DomainName", domainName);
        state.addProperty("DomainOwner", domainOwner);
        state.addProperty("Pattern", pattern);
        description.ifPresent(d -> state.addProperty("Description", d));
        JsonObject restrictions = new JsonObject();
        publish.ifPresent(r -> restrictions.add("Publish", json(r)));
        externalUpstream.ifPresent(r -> restrictions.add("ExternalUpstream", json(r)));
        internalUpstream.ifPresent(r -> restrictions.add("InternalUpstream", json(r)));
        if (restrictions.size() > 0) {
            JsonObject origin = new JsonObject();
            origin.add("Restrictions", restrictions);
            state.add("OriginConfiguration", origin);
        }
        if (!tags.isEmpty()) {
            JsonArray list = new JsonArray();
            tags.forEach((key, value) -> {
                JsonObject tag = new JsonObject();
                tag.addProperty("Key", key);
                tag.addProperty("Value", value);
                list.add(tag);
            });
            state.add("Tags", list);
        }
        return GSON.toJson(state);
    }

    private static JsonObject json(Restriction restriction) {
        JsonObject json = new JsonObject();
        json.addProperty("RestrictionMode", restriction.mode());
        if (!restriction.repositories().isEmpty()) {
            JsonArray repositories = new JsonArray();
            restriction.repositories().forEach(repositories::add);
            json.add("Repositories", repositories);
        }
        return json;
    }
}
