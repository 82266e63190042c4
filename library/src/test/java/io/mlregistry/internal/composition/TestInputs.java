package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryInputs.CooldownInput;
import io.mlregistry.internal.plan.RegistryInputs.NamespaceInput;
import io.mlregistry.internal.plan.RegistryInputs.PackageGroupInput;
import io.mlregistry.internal.plan.RegistryInputs.UpstreamInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** Registry inputs for the pure tests of the composition, as the Args' snapshot would hold them. */
final class TestInputs {

    Output<String> domainName = Output.of("ml-platform");
    String repositoryName = "shared";
    List<UpstreamInput> upstreams = new ArrayList<>(List.of(connection("public:pypi")));
    boolean createDomain = true;
    Optional<Output<String>> domainOwner = Optional.empty();
    List<Output<String>> readers = new ArrayList<>();
    List<Output<String>> publishers = new ArrayList<>();
    Optional<Output<String>> organizationId = Optional.empty();
    List<NamespaceInput> namespaces = new ArrayList<>();
    List<PackageGroupInput> groups = new ArrayList<>();
    List<Output<String>> tokenAccounts = new ArrayList<>();
    List<Output<String>> creators = new ArrayList<>();
    List<String> domainStatements = new ArrayList<>();
    Optional<CooldownInput> cooldown = Optional.empty();

    static UpstreamInput connection(String connection) {
        return new UpstreamInput(Optional.of(connection), Optional.empty(), Optional.empty(), false);
    }

    static UpstreamInput store(String connection, String name, boolean ownCache) {
        return new UpstreamInput(Optional.of(connection), Optional.of(name), Optional.empty(), ownCache);
    }

    static UpstreamInput repository(Output<String> name) {
        return new UpstreamInput(Optional.empty(), Optional.empty(), Optional.of(name), false);
    }

    static UpstreamInput repository(String name) {
        return repository(Output.of(name));
    }

    /** A team joining a domain: {@code <name>-models}, created false. */
    static TestInputs team(String name, UpstreamInput... upstreams) {
        TestInputs inputs = new TestInputs();
        inputs.repositoryName = name + "-models";
        inputs.createDomain = false;
        inputs.upstreams = new ArrayList<>(List.of(upstreams));
        return inputs;
    }

    /** The same, with another primary repository name. */
    TestInputs withName(String repository) {
        this.repositoryName = repository;
        return this;
    }

    /** The same, joining the existing domain {@code name} by name. */
    TestInputs inDomain(String name) {
        this.domainName = Output.of(name);
        return this;
    }

    RegistryInputs build() {
        return new RegistryInputs(domainName, repositoryName, Output.of("d"), upstreams, createDomain, domainOwner,
                Optional.empty(), Optional.empty(), Map.of(), false, readers, publishers, organizationId, false,
                namespaces, groups, tokenAccounts, creators, domainStatements, List.of(), cooldown,
                RegistryInputs.Workloads.NONE);
    }

    /** The value an output resolves to; throws the failure's cause when it fails. */
    static <T> T value(Output<T> output) {
        return data(output).getValueNullable();
    }

    static <T> OutputData<T> data(Output<T> output) {
        try {
            return Internal.of(output).getDataAsync().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
    }

    static boolean done(Output<?> output) {
        return Internal.of(output).getDataAsync().isDone();
    }
}
