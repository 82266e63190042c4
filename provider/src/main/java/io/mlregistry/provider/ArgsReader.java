package io.mlregistry.provider;

import com.pulumi.core.Output;
import io.mlregistry.Cooldown;
import io.mlregistry.InternalNamespace;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.OriginRestriction;
import io.mlregistry.PackageGroup;
import io.mlregistry.PrivateAccess;
import io.mlregistry.Upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the inputs of a {@code Construct} call into {@link MlDependencyRegistryArgs} through the
 * public builder, so that the library's own validation runs on every value known now. A value
 * that is an output of another resource, a secret or unknown during a preview becomes an
 * {@link Output} carrying exactly that: its dependencies (as {@code DependencyResource}s), its
 * secretness and its unknownness. Inputs the schema marks plain must be known; a mismatch between
 * the wire and the schema is reported the way the library reports its rules, one line each.
 */
final class ArgsReader extends WireReader {

    private static final Set<String> INPUTS = Set.of(
            "domainName", "repositoryName", "description", "upstreams", "createDomain", "domainOwner",
            "kmsKeyArn", "createKmsKey", "tags", "deletionProtection", "readerPrincipals",
            "publisherPrincipals", "organizationId", "createIamPolicies", "internalNamespaces",
            "packageGroups", "tokenAccounts", "repositoryCreatorAccounts", "cooldown",
            "additionalDomainPolicyStatements", "additionalRepositoryPolicyStatements", "privateAccess",
            "requireVpcEndpoints", "requireVpcEndpointsForPublishers", "createSageMakerLifecycleConfigs", "inDomainOf");

    private final Function<String, MlDependencyRegistry> registries;

    private ArgsReader(Function<String, MlDependencyRegistry> registries) {
        this.registries = registries;
    }

    /**
     * Builds the Args from the wire inputs.
     *
     * @param inputs the inputs by name, each already carrying its property dependencies
     * @return the Args
     * @throws IllegalArgumentException listing every problem, one per line: wire mismatches first,
     *     then the library's own rules
     */
    static MlDependencyRegistryArgs read(Map<String, Wire> inputs) {
        return new ArgsReader(urn -> null).build(inputs);
    }

    /**
     * Builds the Args of a named registry of a program, whose {@code inDomainOf} names a registry
     * constructed before it; every problem line starts {@code registry <name>: }.
     *
     * @param name the registry's name
     * @param inputs the inputs by name, each already carrying its property dependencies
     * @param registries the program's registries constructed so far, by URN
     * @return the Args
     * @throws IllegalArgumentException listing every problem, one per line
     */
    static MlDependencyRegistryArgs read(String name, Map<String, Wire> inputs,
            Function<String, MlDependencyRegistry> registries) {
        try {
            return new ArgsReader(registries).build(inputs);
        } catch (IllegalArgumentException e) {
            StringBuilder lines = new StringBuilder();
            for (String line : e.getMessage().split("\n")) {
                lines.append(lines.length() == 0 ? "" : "\n").append("registry ").append(name).append(": ").append(line);
            }
            throw new IllegalArgumentException(lines.toString());
        }
    }

    private MlDependencyRegistryArgs build(Map<String, Wire> inputs) {
        MlDependencyRegistryArgs.Builder builder = MlDependencyRegistryArgs.builder();
        inputs.forEach((name, value) -> {
            if (!INPUTS.contains(name)) {
                problems.add(name + " is not an input of " + MlDependencyRegistry.TYPE);
            }
        });
        given(inputs, "domainName").ifPresent(v -> stringOutput("domainName", v).ifPresent(builder::domainName));
        given(inputs, "repositoryName").ifPresent(v -> plainString("repositoryName", v).ifPresent(builder::repositoryName));
        given(inputs, "description").ifPresent(v -> stringOutput("description", v).ifPresent(builder::description));
        given(inputs, "upstreams").ifPresent(v -> list("upstreams", v, this::upstream, builder::upstreams));
        given(inputs, "createDomain").ifPresent(v -> plainBool("createDomain", v).ifPresent(builder::createDomain));
        given(inputs, "domainOwner").ifPresent(v -> stringOutput("domainOwner", v).ifPresent(builder::domainOwner));
        given(inputs, "kmsKeyArn").ifPresent(v -> stringOutput("kmsKeyArn", v).ifPresent(builder::kmsKeyArn));
        given(inputs, "createKmsKey").ifPresent(v -> plainBool("createKmsKey", v).ifPresent(builder::createKmsKey));
        given(inputs, "tags").ifPresent(v -> tags(v, builder));
        given(inputs, "deletionProtection").ifPresent(v -> plainBool("deletionProtection", v).ifPresent(builder::deletionProtection));
        given(inputs, "readerPrincipals").ifPresent(v -> outputs("readerPrincipals", v,
                builder::readerPrincipals, builder::addReaderPrincipal));
        given(inputs, "publisherPrincipals").ifPresent(v -> outputs("publisherPrincipals", v,
                builder::publisherPrincipals, builder::addPublisherPrincipal));
        given(inputs, "organizationId").ifPresent(v -> stringOutput("organizationId", v).ifPresent(builder::organizationId));
        given(inputs, "createIamPolicies").ifPresent(v -> plainBool("createIamPolicies", v).ifPresent(builder::createIamPolicies));
        given(inputs, "internalNamespaces").ifPresent(v -> list("internalNamespaces", v, this::internalNamespace,
                builder::internalNamespaces));
        given(inputs, "packageGroups").ifPresent(v -> list("packageGroups", v, this::packageGroup, builder::packageGroups));
        given(inputs, "tokenAccounts").ifPresent(v -> outputs("tokenAccounts", v,
                builder::tokenAccounts, builder::addTokenAccount));
        given(inputs, "repositoryCreatorAccounts").ifPresent(v -> outputs("repositoryCreatorAccounts", v,
                builder::repositoryCreatorAccounts, builder::addRepositoryCreatorAccount));
        given(inputs, "additionalDomainPolicyStatements").ifPresent(v -> list("additionalDomainPolicyStatements", v,
                this::plainString, builder::additionalDomainPolicyStatements));
        given(inputs, "additionalRepositoryPolicyStatements").ifPresent(v -> list("additionalRepositoryPolicyStatements", v,
                this::plainString, builder::additionalRepositoryPolicyStatements));
        given(inputs, "cooldown").flatMap(v -> cooldown("cooldown", v)).ifPresent(builder::cooldown);
        given(inputs, "privateAccess").flatMap(v -> privateAccess("privateAccess", v)).ifPresent(builder::privateAccess);
        given(inputs, "requireVpcEndpoints").ifPresent(v -> plainBool("requireVpcEndpoints", v)
                .ifPresent(builder::requireVpcEndpoints));
        given(inputs, "requireVpcEndpointsForPublishers").ifPresent(v -> plainBool("requireVpcEndpointsForPublishers", v)
                .ifPresent(builder::requireVpcEndpointsForPublishers));
        given(inputs, "createSageMakerLifecycleConfigs").ifPresent(v -> plainBool("createSageMakerLifecycleConfigs", v)
                .ifPresent(builder::createSageMakerLifecycleConfigs));
        given(inputs, "inDomainOf").flatMap(this::owner).ifPresent(builder::inDomainOf);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return builder.build();
    }

    private void tags(Wire value, MlDependencyRegistryArgs.Builder builder) {
        if (value.kind() == Wire.Kind.UNKNOWN) {
            problems.add("tags (unknown) must be a map whose keys are known during a preview; its values may be unknown");
            return;
        }
        if (value.kind() != Wire.Kind.OBJECT) {
            problems.add("tags must be a map of strings, not " + shown(value));
            return;
        }
        if (value.fields().isEmpty()) {
            builder.tags(Map.of());
        }
        value.fields().forEach((key, tag) ->
                stringOutput("tags." + key, inherit(tag, value)).ifPresent(v -> builder.tag(key, v)));
    }

    /**
     * The registry an {@code inDomainOf} resource reference names: one this provider constructed
     * earlier in the same program. A reference is its URN (a resource reference, or the URN as text
     * from an SDK that sends none).
     */
    private Optional<MlDependencyRegistry> owner(Wire value) {
        if (value.kind() != Wire.Kind.RESOURCE && value.kind() != Wire.Kind.STRING) {
            problems.add("inDomainOf must be a reference to an " + MlDependencyRegistry.TYPE + ", not " + shown(value));
            return Optional.empty();
        }
        String urn = (String) value.value();
        MlDependencyRegistry owner = registries.apply(urn);
        if (owner == null) {
            problems.add("inDomainOf (" + urn + ") must name an " + MlDependencyRegistry.TYPE
                    + " constructed before this one in the same program");
        }
        return Optional.ofNullable(owner);
    }

    private Optional<Upstream> upstream(String at, Wire value) {
        return object(at, value, Set.of("externalConnection", "storeRepositoryName", "repository", "ownCache"))
                .flatMap(fields -> {
            Optional<String> connection = optional(fields, "externalConnection").flatMap(v -> plainString(at + ".externalConnection", v));
            Optional<String> store = optional(fields, "storeRepositoryName").flatMap(v -> plainString(at + ".storeRepositoryName", v));
            Optional<Output<String>> repository = optional(fields, "repository").flatMap(v -> stringOutput(at + ".repository", v));
            boolean ownCache = optional(fields, "ownCache").flatMap(v -> plainBool(at + ".ownCache", v)).orElse(false);
            if (connection.isPresent() == repository.isPresent()) {
                problems.add(at + " must set exactly one of externalConnection and repository");
                return Optional.empty();
            }
            if (repository.isPresent()) {
                if (store.isPresent() || ownCache) {
                    problems.add(at + "." + (store.isPresent() ? "storeRepositoryName" : "ownCache")
                            + " is only for an externalConnection");
                    return Optional.empty();
                }
                return Optional.of(Upstream.repository(repository.get()));
            }
            if (ownCache && store.isEmpty()) {
                problems.add(at + ".ownCache needs a storeRepositoryName: a cache of its own is named");
                return Optional.empty();
            }
            return Optional.of(ownCache ? Upstream.ownCache(connection.get(), store.get())
                    : store.isPresent() ? Upstream.externalConnection(connection.get(), store.get())
                    : Upstream.externalConnection(connection.get()));
        });
    }

    private Optional<InternalNamespace> internalNamespace(String at, Wire value) {
        return object(at, value, Set.of("format", "namespace", "namespacePrefix", "namePrefix", "publishRepositories"))
                .flatMap(fields -> {
                    Optional<String> format = optional(fields, "format").flatMap(v -> plainString(at + ".format", v));
                    Optional<String> namespace = optional(fields, "namespace").flatMap(v -> plainString(at + ".namespace", v));
                    Optional<String> namespacePrefix = optional(fields, "namespacePrefix").flatMap(v -> plainString(at + ".namespacePrefix", v));
                    Optional<String> namePrefix = optional(fields, "namePrefix").flatMap(v -> plainString(at + ".namePrefix", v));
                    List<String> publishers = new ArrayList<>();
                    optional(fields, "publishRepositories").ifPresent(v -> list(at + ".publishRepositories", v,
                            this::plainString, publishers::addAll));
                    int set = (namespace.isPresent() ? 1 : 0) + (namespacePrefix.isPresent() ? 1 : 0) + (namePrefix.isPresent() ? 1 : 0);
                    InternalNamespace result = null;
                    if (set == 1 && format.isPresent()) {
                        switch (format.get()) {
                            case "pypi":
                                result = namePrefix.map(InternalNamespace::pypiPrefix).orElse(null);
                                break;
                            case "npm":
                                result = namespace.map(InternalNamespace::npmScope).orElse(null);
                                break;
                            case "maven":
                                result = namespace.map(InternalNamespace::mavenGroup)
                                        .or(() -> namespacePrefix.map(InternalNamespace::mavenGroupPrefix))
                                        .orElse(null);
                                break;
                            default:
                                break;
                        }
                    }
                    if (result == null) {
                        problems.add(at + " must be one of {format: pypi, namePrefix}, {format: npm, namespace},"
                                + " {format: maven, namespace} or {format: maven, namespacePrefix}");
                        return Optional.empty();
                    }
                    return Optional.of(publishers.isEmpty() ? result : result.publishedFrom(publishers.toArray(String[]::new)));
                });
    }

    private Optional<PackageGroup> packageGroup(String at, Wire value) {
        return object(at, value, Set.of("pattern", "description", "publish", "externalUpstream", "internalUpstream"))
                .flatMap(fields -> {
                    PackageGroup.Builder group = PackageGroup.builder();
                    int before = problems.size();
                    optional(fields, "pattern").flatMap(v -> plainString(at + ".pattern", v)).ifPresent(group::pattern);
                    optional(fields, "description").flatMap(v -> plainString(at + ".description", v)).ifPresent(group::description);
                    optional(fields, "publish").flatMap(v -> restriction(at + ".publish", v)).ifPresent(group::publish);
                    optional(fields, "externalUpstream").flatMap(v -> restriction(at + ".externalUpstream", v))
                            .ifPresent(group::externalUpstream);
                    optional(fields, "internalUpstream").flatMap(v -> restriction(at + ".internalUpstream", v))
                            .ifPresent(group::internalUpstream);
                    return problems.size() == before ? Optional.of(group.build()) : Optional.empty();
                });
    }

    /**
     * A cooldown: its duration as ISO-8601 text (checked, with the library's messages, when the
     * Args are built), formats, notifications, the log retention (a whole number) and the log key
     * (which may be another resource's output).
     */
    private Optional<Cooldown> cooldown(String at, Wire value) {
        return object(at, value, Set.of("duration", "formats", "notifications", "logRetentionDays", "logKmsKeyArn"))
                .flatMap(fields -> {
            int before = problems.size();
            Optional<String> duration = optional(fields, "duration").flatMap(v -> plainString(at + ".duration", v));
            List<String> formats = new ArrayList<>();
            Optional<Wire> givenFormats = optional(fields, "formats");
            givenFormats.ifPresent(v -> list(at + ".formats", v, this::plainString, formats::addAll));
            Optional<Boolean> notifications = optional(fields, "notifications")
                    .flatMap(v -> plainBool(at + ".notifications", v));
            Optional<Integer> retention = optional(fields, "logRetentionDays")
                    .flatMap(v -> plainInteger(at + ".logRetentionDays", v));
            Optional<Output<String>> logKey = optional(fields, "logKmsKeyArn")
                    .flatMap(v -> stringOutput(at + ".logKmsKeyArn", v));
            if (duration.isEmpty()) {
                if (problems.size() == before) {
                    problems.add(at + ".duration is required");
                }
                return Optional.empty();
            }
            java.time.Duration parsed;
            try {
                parsed = java.time.Duration.parse(duration.get());
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(at + ".duration (" + duration.get() + ") must be an ISO-8601 duration such as PT72H or P3D");
                return Optional.empty();
            }
            Cooldown cooldown = Cooldown.of(parsed);
            if (givenFormats.isPresent()) {
                cooldown = cooldown.formats(formats.toArray(String[]::new));
            }
            if (notifications.isPresent()) {
                cooldown = cooldown.notifications(notifications.get());
            }
            if (retention.isPresent()) {
                cooldown = cooldown.logRetentionDays(retention.get());
            }
            if (logKey.isPresent()) {
                cooldown = cooldown.logKmsKeyArn(logKey.get());
            }
            return problems.size() == before ? Optional.of(cooldown) : Optional.empty();
        });
    }

    /**
     * Private access: the IDs, each an output when another resource supplies it (the library checks
     * each when it resolves), and the two switches, which must be known.
     */
    private Optional<PrivateAccess> privateAccess(String at, Wire value) {
        return object(at, value, Set.of("vpcId", "subnetIds", "allowedSecurityGroupIds", "allowedCidrs", "allowAnyAddress",
                "routeTableIds", "existingS3GatewayEndpointId", "privateDns")).flatMap(fields -> {
                    int before = problems.size();
                    PrivateAccess.Builder access = PrivateAccess.builder();
                    optional(fields, "vpcId").flatMap(v -> stringOutput(at + ".vpcId", v)).ifPresent(access::vpcId);
                    optional(fields, "subnetIds").ifPresent(v -> outputs(at + ".subnetIds", v, access::subnetIds,
                            access::addSubnetId));
                    optional(fields, "allowedSecurityGroupIds").ifPresent(v -> outputs(at + ".allowedSecurityGroupIds", v,
                            access::allowedSecurityGroupIds, access::addAllowedSecurityGroupId));
                    optional(fields, "allowedCidrs").ifPresent(v -> outputs(at + ".allowedCidrs", v, access::allowedCidrs,
                            access::addAllowedCidr));
                    optional(fields, "routeTableIds").ifPresent(v -> outputs(at + ".routeTableIds", v,
                            ids -> access.routeTableIds(ids.toArray(String[]::new)), access::addRouteTableId));
                    optional(fields, "existingS3GatewayEndpointId")
                            .flatMap(v -> stringOutput(at + ".existingS3GatewayEndpointId", v))
                            .ifPresent(access::existingS3GatewayEndpointId);
                    optional(fields, "allowAnyAddress").flatMap(v -> plainBool(at + ".allowAnyAddress", v))
                            .ifPresent(access::allowAnyAddress);
                    optional(fields, "privateDns").flatMap(v -> plainBool(at + ".privateDns", v)).ifPresent(access::privateDns);
                    return problems.size() == before ? Optional.of(access.build()) : Optional.empty();
                });
    }

    private Optional<OriginRestriction> restriction(String at, Wire value) {
        return object(at, value, Set.of("mode", "repositories")).flatMap(fields -> {
            Optional<String> mode = optional(fields, "mode").flatMap(v -> plainString(at + ".mode", v));
            List<String> repositories = new ArrayList<>();
            optional(fields, "repositories").ifPresent(v -> list(at + ".repositories", v, this::plainString, repositories::addAll));
            String chosen = mode.orElse("");
            switch (chosen) {
                case "ALLOW":
                    return repositories.isEmpty() ? Optional.of(OriginRestriction.allow()) : onlyForSpecific(at);
                case "BLOCK":
                    return repositories.isEmpty() ? Optional.of(OriginRestriction.block()) : onlyForSpecific(at);
                case "INHERIT":
                    return repositories.isEmpty() ? Optional.of(OriginRestriction.inherit()) : onlyForSpecific(at);
                case "ALLOW_SPECIFIC_REPOSITORIES":
                    return Optional.of(OriginRestriction.allowOnly(repositories));
                default:
                    problems.add(at + ".mode (" + chosen + ") must be one of ALLOW, BLOCK, INHERIT, ALLOW_SPECIFIC_REPOSITORIES");
                    return Optional.empty();
            }
        });
    }

    private Optional<OriginRestriction> onlyForSpecific(String at) {
        problems.add(at + ".repositories is only for mode ALLOW_SPECIFIC_REPOSITORIES");
        return Optional.empty();
    }

}
