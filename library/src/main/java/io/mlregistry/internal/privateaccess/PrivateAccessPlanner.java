package io.mlregistry.internal.privateaccess;

import com.pulumi.core.Output;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan.Source;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan.SourceKind;
import io.mlregistry.internal.rules.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Works out a registry's {@link PrivateAccessPlan}, and whether it may share the endpoints another
 * registry of its domain created in the same VPC: one VPC has one set of CodeArtifact endpoints with
 * private DNS, so the registries of a domain share it, and what shapes the endpoints (private DNS,
 * subnets, the S3 gateway endpoint) must then be the same in each.
 */
public final class PrivateAccessPlanner {

    private PrivateAccessPlanner() {
    }

    /**
     * The plan.
     *
     * @param componentName the component's name
     * @param repositoryName the primary repository's name
     * @param input the registry's private access, validated
     * @param shared the endpoints another registry of the domain created in this VPC, if any
     */
    public static PrivateAccessPlan plan(String componentName, String repositoryName, PrivateAccessInput input,
            Optional<SharedEndpoints> shared) {
        List<Source> sources = new ArrayList<>();
        addSources(sources, SourceKind.SECURITY_GROUP, input.allowedSecurityGroupIds(),
                shared.map(s -> s.input().allowedSecurityGroupIds()).orElse(List.of()));
        addSources(sources, SourceKind.CIDR, input.allowedCidrs(),
                shared.map(s -> s.input().allowedCidrs()).orElse(List.of()));
        return new PrivateAccessPlan(componentName, repositoryName, shared.map(SharedEndpoints::registry),
                shared.isEmpty() && !input.routeTableIds().isEmpty(), input.privateDns(), sources);
    }

    /** A shared security group already admits its creator's sources: only the others get a rule. */
    private static void addSources(List<Source> sources, SourceKind kind, List<Output<String>> given,
            List<Output<String>> admitted) {
        for (int i = 0; i < given.size(); i++) {
            if (!Sameness.contains(admitted, given.get(i))) {
                sources.add(new Source(kind, i));
            }
        }
    }

    /**
     * Checks that a registry may share the endpoints another registry of its domain created in the
     * same VPC: the same private DNS setting, subnets and S3 gateway endpoint. Its sources may differ;
     * they are added to the shared security group.
     *
     * @param registry the sharing registry's name
     * @param input its private access
     * @param shared the endpoints it would share
     */
    public static void checkSharing(String registry, PrivateAccessInput input, SharedEndpoints shared, Problems problems) {
        PrivateAccessInput first = shared.input();
        String rule = "must be the same as registry " + shared.registry() + "'s, which created the CodeArtifact "
                + "endpoints of this VPC: the registries of a domain share one set per VPC";
        String at = "registry " + registry + ": privateAccess.";
        if (input.privateDns() != first.privateDns()) {
            problems.add(at + "privateDns", String.valueOf(input.privateDns()), rule);
        }
        if (!Sameness.same(input.subnetIds(), first.subnetIds())) {
            problems.add(at + "subnetIds", shown(input.subnetIds()), rule);
        }
        if (!Sameness.same(input.routeTableIds(), first.routeTableIds())) {
            problems.add(at + "routeTableIds", shown(input.routeTableIds()), rule);
        }
        if (!Sameness.same(input.existingS3GatewayEndpointId(), first.existingS3GatewayEndpointId())) {
            problems.add(at + "existingS3GatewayEndpointId",
                    input.existingS3GatewayEndpointId().map(PrivateAccessPlanner::shown).orElse("absent"), rule);
        }
    }

    private static String shown(List<Output<String>> values) {
        return values.isEmpty() ? "none" : values.stream().map(PrivateAccessPlanner::shown).collect(Collectors.joining(", "));
    }

    private static String shown(Output<String> value) {
        return Known.now(value).map(v -> v.secret() ? Known.SECRET : v.value()).orElse("output");
    }
}
