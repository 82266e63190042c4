package io.mlregistry;

import com.google.common.collect.ImmutableList;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.plan.RegistryInputs;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Package names that belong to your organization, such as PyPI names starting {@code acme-}, the
 * npm scope {@code @acme} or the Maven group {@code com.acme}. For each, the component creates a
 * CodeArtifact package group that blocks the public registries for those names, lets only the
 * primary repository (or the repositories named with {@link #publishedFrom(String...)})
 * publish them, and lets internal upstreams serve them: the defence against dependency confusion.
 *
 * <p>What AWS documents, and what it does not: origin controls block or allow <em>new</em>
 * versions entering the domain. A public version of an internal name that a repository cached
 * before the group existed stays installable until someone removes it, and a newly created group
 * takes effect after an eventual-consistency delay ("Working with package groups in
 * CodeArtifact"). The {@code ~} of the prefix factories is a prefix match on the syntax page, but
 * the console calls it "Starts with word" and refers to a section on words and word boundaries:
 * whether {@code com.acme~} also covers {@code com.acmecorp} is for a real domain to answer, with
 * {@code aws codeartifact get-associated-package-group} (docs/security.md lists the commands).
 *
 * <p>Created with the factories; checked when the Args are built.
 */
public final class InternalNamespace extends ResourceArgs {

    @Import(name = "format", required = true)
    private final String format;

    @Import(name = "namespace")
    private final String namespace;

    @Import(name = "namespacePrefix")
    private final String namespacePrefix;

    @Import(name = "namePrefix")
    private final String namePrefix;

    @Import(name = "publishRepositories")
    private final List<String> publishRepositories;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private InternalNamespace() {
        this(null, null, null, null, null);
    }

    private InternalNamespace(
            String format, String namespace, String namespacePrefix, String namePrefix,
            List<String> publishRepositories) {
        this.format = format;
        this.namespace = namespace;
        this.namespacePrefix = namespacePrefix;
        this.namePrefix = namePrefix;
        this.publishRepositories = publishRepositories;
    }

    /**
     * PyPI packages whose names start with a prefix: pattern {@code /pypi//<prefix>~}, with the
     * empty namespace AWS's syntax requires for a format without namespaces. Whether the prefix
     * must end on a word boundary is not settled by AWS's text: write the prefix so that it is
     * right under either reading, ending with the separator ({@code acme-} covers
     * {@code acme-features} and never {@code acmecorp}), and declare the bare name too if it is
     * yours ({@code pypiPrefix("acme")} also covers {@code acme} itself and, if matching is
     * character-wise, {@code acmecorp}). Check with
     * {@code aws codeartifact get-associated-package-group --format pypi --package <name>}.
     *
     * @param prefix a name prefix in the normalized form CodeArtifact matches on: lowercase, with
     *     runs of {@code -}, {@code _} and {@code .} written as one {@code -} ({@code acme-}, not
     *     {@code Acme_})
     * @return the namespace
     * @throws NullPointerException if {@code prefix} is null
     */
    public static InternalNamespace pypiPrefix(String prefix) {
        return new InternalNamespace("pypi", null, null, Objects.requireNonNull(prefix, "prefix"), null);
    }

    /**
     * Every npm package of a scope: pattern {@code /npm/<scope>/*}.
     *
     * @param scope the scope, with or without its {@code @}: {@code @acme} or {@code acme}
     * @return the namespace
     * @throws NullPointerException if {@code scope} is null
     */
    public static InternalNamespace npmScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        return new InternalNamespace("npm", scope.startsWith("@") ? scope.substring(1) : scope, null, null, null);
    }

    /**
     * Every Maven package of one group ID: pattern {@code /maven/<groupId>/*}.
     *
     * @param groupId the exact group ID, such as {@code com.acme}
     * @return the namespace
     * @throws NullPointerException if {@code groupId} is null
     */
    public static InternalNamespace mavenGroup(String groupId) {
        return new InternalNamespace("maven", Objects.requireNonNull(groupId, "groupId"), null, null, null);
    }

    /**
     * Every Maven package whose group ID starts with a prefix: pattern {@code /maven/<prefix>~}.
     * AWS's syntax page calls {@code ~} a prefix match; its console calls the same namespace
     * option "Starts with word" and refers to "Words, word boundaries, and prefix matching".
     * Under either reading {@code com.acme} covers {@code com.acme} and {@code com.acme.ml};
     * whether it also covers {@code com.acmecorp} (character-wise prefix) or not (word-wise) is
     * not settled by AWS's text, and neither is how a prefix ending in a separator
     * ({@code com.acme.}) is matched. So write the prefix without a trailing dot, and if
     * {@code com.acmecorp} is a public group you depend on, use {@link #mavenGroup(String)} for
     * each exact group instead. Before relying on it, ask the domain:
     * {@code aws codeartifact get-associated-package-group --domain <domain> --format maven
     * --namespace com.acmecorp --package x} shows which group governs {@code com.acmecorp}.
     *
     * @param groupIdPrefix the group ID prefix
     * @return the namespace
     * @throws NullPointerException if {@code groupIdPrefix} is null
     */
    public static InternalNamespace mavenGroupPrefix(String groupIdPrefix) {
        return new InternalNamespace("maven", null, Objects.requireNonNull(groupIdPrefix, "groupIdPrefix"), null, null);
    }

    /**
     * The same namespace, publishable only from the named repositories instead of the primary
     * repository.
     *
     * @param repositories at least one repository of the domain
     * @return a copy with these publishing repositories
     * @throws NullPointerException if the array or an entry is null
     */
    public InternalNamespace publishedFrom(String... repositories) {
        Objects.requireNonNull(repositories, "repositories");
        List<String> list = Arrays.asList(repositories);
        for (int i = 0; i < list.size(); i++) {
            Objects.requireNonNull(list.get(i), "repositories[" + i + "]");
        }
        return new InternalNamespace(format, namespace, namespacePrefix, namePrefix, ImmutableList.copyOf(list));
    }

    /**
     * The package format: {@code pypi}, {@code npm} or {@code maven}.
     *
     * @return the format
     */
    public String format() {
        return format;
    }

    /**
     * The exact namespace: the npm scope without {@code @}, or the Maven group ID.
     *
     * @return the namespace, or empty
     */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    /**
     * The namespace prefix (Maven group ID prefix).
     *
     * @return the prefix, or empty
     */
    public Optional<String> namespacePrefix() {
        return Optional.ofNullable(namespacePrefix);
    }

    /**
     * The package name prefix (PyPI).
     *
     * @return the prefix, or empty
     */
    public Optional<String> namePrefix() {
        return Optional.ofNullable(namePrefix);
    }

    /**
     * The repositories allowed to publish, when named.
     *
     * @return the repositories, or empty for the primary repository
     */
    public Optional<List<String>> publishRepositories() {
        return Optional.ofNullable(publishRepositories);
    }

    /** This namespace as the planner reads it. */
    RegistryInputs.NamespaceInput input() {
        return new RegistryInputs.NamespaceInput(format, namespace(), namespacePrefix(), namePrefix(),
                publishRepositories());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof InternalNamespace)) {
            return false;
        }
        InternalNamespace that = (InternalNamespace) other;
        return Objects.equals(format, that.format) && Objects.equals(namespace, that.namespace)
                && Objects.equals(namespacePrefix, that.namespacePrefix) && Objects.equals(namePrefix, that.namePrefix)
                && Objects.equals(publishRepositories, that.publishRepositories);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, namespace, namespacePrefix, namePrefix, publishRepositories);
    }

    @Override
    public String toString() {
        String what = namePrefix != null ? "namePrefix=" + namePrefix
                : namespacePrefix != null ? "namespacePrefix=" + namespacePrefix
                : "namespace=" + namespace;
        return "InternalNamespace{" + format + ", " + what
                + (publishRepositories != null ? ", publishRepositories=" + publishRepositories : "") + "}";
    }
}
