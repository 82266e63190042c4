package io.mlregistry.testing;

import com.google.common.collect.ImmutableMap;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource a program registered on the mock engine, with the inputs Pulumi sent for it.
 *
 * @param urn the resource's URN, which encodes its parents' types
 * @param type the type token, such as {@code aws:codeartifact/repository:Repository}
 * @param name the logical name
 * @param parentUrn the parent's URN; empty only for the stack itself
 * @param inputs the inputs as the engine received them, with Pulumi's property names and
 *     resolved values (strings, booleans, numbers, lists and maps); inputs whose value was unknown
 *     are absent
 * @param protect whether the resource was registered with {@code protect}
 * @param provider the provider reference ({@code <urn>::<id>}) the resource was registered with,
 *     when it had an explicit or inherited one
 * @param aliases the URNs the resource's aliases stand for: where it lived before a rename
 */
public record RecordedResource(
        String urn,
        String type,
        String name,
        Optional<String> parentUrn,
        Map<String, Object> inputs,
        boolean protect,
        Optional<String> provider,
        List<String> aliases) {

    /**
     * Checks the parts and copies the inputs.
     *
     * @param urn the resource's URN
     * @param type the type token
     * @param name the logical name
     * @param parentUrn the parent's URN, empty only for the stack
     * @param inputs the inputs as the engine received them
     * @param protect whether the resource was registered with {@code protect}
     * @param provider the provider reference, when there is one
     * @param aliases the URNs its aliases stand for
     * @throws NullPointerException if a part is null
     */
    public RecordedResource {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parentUrn, "parentUrn");
        inputs = ImmutableMap.copyOf(inputs);
        Objects.requireNonNull(provider, "provider");
        aliases = List.copyOf(aliases);
    }

    /**
     * One input, as a string.
     *
     * @param key the input's Pulumi name, such as {@code policyDocument}
     * @return the value, or empty when absent
     * @throws ClassCastException if the input is not a string
     */
    public Optional<String> input(String key) {
        return Optional.ofNullable((String) inputs.get(key));
    }

}
