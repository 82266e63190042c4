package io.mlregistry.internal.composition;

/**
 * One upstream of a primary repository, in search order: the repository it names, by name, and
 * where the registry that searches it wrote it, for messages.
 *
 * @param registry the registry whose primary repository searches it
 * @param target the name of the repository searched
 * @param index the entry's position in the registry's {@code upstreams}
 * @param field the input that names it, such as {@code upstreams[1].repository}
 * @param shown the value the input holds, as a message shows it: the repository's name, or the
 *     external connection of a store the registry shares
 */
record Edge(String registry, String target, int index, String field, String shown) {
}
