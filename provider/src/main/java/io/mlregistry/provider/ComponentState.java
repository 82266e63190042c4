package io.mlregistry.provider;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.Resource;
import io.mlregistry.MlDependencyRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The outputs of a constructed {@link MlDependencyRegistry} as the engine wants them back from
 * {@code Construct}: each value encoded (unknown during a preview as the unknown sentinel, secret
 * wrapped as a secret) and, per output, the URNs of the resources it depends on.
 *
 * @param urn the component's URN
 * @param state the outputs
 * @param dependencies the URNs each output depends on, by output name
 */
record ComponentState(String urn, Struct state, Map<String, Set<String>> dependencies) {

    /** The component's outputs, by schema name, in schema order. */
    static final List<String> OUTPUTS = List.of(
            "domainName", "domainArn", "domainOwner", "repositoryName", "repositoryArn", "upstreamRepositoryNames",
            "kmsKeyArn", "pypiIndexUrl", "pypiUploadUrl", "mavenRepositoryUrl", "npmRegistryUrl", "readerPolicyArn",
            "publisherPolicyArn", "packageGroupPatterns", "packageGroupArns", "cooldownStoreUrls", "cooldownTopicArn",
            "pipConf", "uvIndex", "uvEnvironment", "npmrc", "mavenSettings", "pypirc", "loginCommands",
            "authorizationTokenCommand", "sageMakerEnvironment", "dualStackUrls", "vpcUrls", "vpcEndpointIds",
            "vpcEndpointDnsNames", "vpcEndpointSecurityGroupId", "s3GatewayEndpointPolicy", "studioLifecycleConfigArns",
            "notebookLifecycleConfigName");

    private static final Map<String, Function<MlDependencyRegistry, Output<?>>> ACCESSORS = accessors();

    private static Map<String, Function<MlDependencyRegistry, Output<?>>> accessors() {
        Map<String, Function<MlDependencyRegistry, Output<?>>> accessors = new LinkedHashMap<>();
        accessors.put("domainName", MlDependencyRegistry::domainName);
        accessors.put("domainArn", MlDependencyRegistry::domainArn);
        accessors.put("domainOwner", MlDependencyRegistry::domainOwner);
        accessors.put("repositoryName", MlDependencyRegistry::repositoryName);
        accessors.put("repositoryArn", MlDependencyRegistry::repositoryArn);
        accessors.put("upstreamRepositoryNames", MlDependencyRegistry::upstreamRepositoryNames);
        accessors.put("kmsKeyArn", MlDependencyRegistry::kmsKeyArn);
        accessors.put("pypiIndexUrl", MlDependencyRegistry::pypiIndexUrl);
        accessors.put("pypiUploadUrl", MlDependencyRegistry::pypiUploadUrl);
        accessors.put("mavenRepositoryUrl", MlDependencyRegistry::mavenRepositoryUrl);
        accessors.put("npmRegistryUrl", MlDependencyRegistry::npmRegistryUrl);
        accessors.put("readerPolicyArn", MlDependencyRegistry::readerPolicyArn);
        accessors.put("publisherPolicyArn", MlDependencyRegistry::publisherPolicyArn);
        accessors.put("packageGroupPatterns", MlDependencyRegistry::packageGroupPatterns);
        accessors.put("packageGroupArns", MlDependencyRegistry::packageGroupArns);
        accessors.put("cooldownStoreUrls", MlDependencyRegistry::cooldownStoreUrls);
        accessors.put("cooldownTopicArn", MlDependencyRegistry::cooldownTopicArn);
        accessors.put("pipConf", MlDependencyRegistry::pipConf);
        accessors.put("uvIndex", MlDependencyRegistry::uvIndex);
        accessors.put("uvEnvironment", MlDependencyRegistry::uvEnvironment);
        accessors.put("npmrc", MlDependencyRegistry::npmrc);
        accessors.put("mavenSettings", MlDependencyRegistry::mavenSettings);
        accessors.put("pypirc", MlDependencyRegistry::pypirc);
        accessors.put("loginCommands", MlDependencyRegistry::loginCommands);
        accessors.put("authorizationTokenCommand", MlDependencyRegistry::authorizationTokenCommand);
        accessors.put("sageMakerEnvironment", MlDependencyRegistry::sageMakerEnvironment);
        accessors.put("dualStackUrls", MlDependencyRegistry::dualStackUrls);
        accessors.put("vpcUrls", MlDependencyRegistry::vpcUrls);
        accessors.put("vpcEndpointIds", MlDependencyRegistry::vpcEndpointIds);
        accessors.put("vpcEndpointDnsNames", MlDependencyRegistry::vpcEndpointDnsNames);
        accessors.put("vpcEndpointSecurityGroupId", MlDependencyRegistry::vpcEndpointSecurityGroupId);
        accessors.put("s3GatewayEndpointPolicy", MlDependencyRegistry::s3GatewayEndpointPolicy);
        accessors.put("studioLifecycleConfigArns", MlDependencyRegistry::studioLifecycleConfigArns);
        accessors.put("notebookLifecycleConfigName", MlDependencyRegistry::notebookLifecycleConfigName);
        return accessors;
    }

    /**
     * Waits for the component's URN and every output.
     *
     * @param registry the constructed component
     * @return the state
     */
    static CompletableFuture<ComponentState> of(MlDependencyRegistry registry) {
        Map<String, CompletableFuture<Encoded>> outputs = new LinkedHashMap<>();
        OUTPUTS.forEach(name -> outputs.put(name, encoded(ACCESSORS.get(name).apply(registry))));
        CompletableFuture<String> urn = Internal.of(registry.urn()).getValueNullable();
        List<CompletableFuture<?>> all = new ArrayList<>(outputs.values());
        all.add(urn);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Struct.Builder state = Struct.newBuilder();
            Map<String, Set<String>> dependencies = new LinkedHashMap<>();
            outputs.forEach((name, future) -> {
                Encoded encoded = future.join();
                state.putFields(name, encoded.value());
                dependencies.put(name, encoded.dependencies());
            });
            return new ComponentState(urn.join(), state.build(), dependencies);
        });
    }

    private record Encoded(Value value, Set<String> dependencies) {
    }

    private static CompletableFuture<Encoded> encoded(Output<?> output) {
        @SuppressWarnings("unchecked")
        Output<Object> any = (Output<Object>) output;
        return Internal.of(any).getDataAsync().thenCompose(data -> urns(data).thenApply(urns -> {
            Value value = data.isKnown() ? Wire.encode(data.getValueNullable()) : Wire.unknown();
            return new Encoded(data.isSecret() ? Wire.secret(value) : value, urns);
        }));
    }

    private static CompletableFuture<Set<String>> urns(OutputData<Object> data) {
        List<CompletableFuture<String>> urns = new ArrayList<>();
        for (Resource resource : data.getResources()) {
            urns.add(Internal.of(resource.urn()).getValueNullable());
        }
        return CompletableFuture.allOf(urns.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Set<String> result = new LinkedHashSet<>();
            urns.forEach(urn -> {
                String value = urn.join();
                if (value != null) {
                    result.add(value);
                }
            });
            return result;
        });
    }
}
