package io.mlregistry.internal.privateaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan.Source;
import io.mlregistry.internal.privateaccess.PrivateAccessPlan.SourceKind;
import io.mlregistry.internal.rules.Problems;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PrivateAccessPlannerTest {

    static final Output<String> VPC = Output.of("vpc-0a1b2c3d4e5f60718");
    static final Output<String> SUBNET_A = Output.of("subnet-0a1b2c3d4e5f60718");
    static final Output<String> SUBNET_B = Output.of("subnet-0b1b2c3d4e5f60718");
    static final Output<String> JOBS = Output.of("sg-0a1b2c3d4e5f60718");
    static final Output<String> ROUTES = Output.of("rtb-0a1b2c3d4e5f60718");

    static PrivateAccessInput access(List<Output<String>> groups, List<Output<String>> cidrs, List<Output<String>> routes,
            Optional<Output<String>> existingS3, boolean privateDns) {
        return new PrivateAccessInput(VPC, List.of(SUBNET_A, SUBNET_B), groups, cidrs, false, routes, existingS3, privateDns);
    }

    static PrivateAccessInput standard() {
        return access(List.of(JOBS), List.of(Output.of("10.20.0.0/16")), List.of(ROUTES), Optional.empty(), true);
    }

    static SharedEndpoints shared(PrivateAccessInput input) {
        return new SharedEndpoints("vision", input, Output.of("vpce-1"), Output.of("vpce-2"), Output.of("api.example"),
                Output.of("repositories.example"), Output.of("sg-1"), Output.of("vpce-3"));
    }

    @Test
    void plan_ownEndpoints_namesEveryChildAfterTheComponent() {
        PrivateAccessPlan plan = PrivateAccessPlanner.plan("fraud", "fraud-models", standard(), Optional.empty());

        assertThat(plan.createsEndpoints()).isTrue();
        assertThat(plan.createsS3GatewayEndpoint()).isTrue();
        assertThat(plan.privateDns()).isTrue();
        assertThat(plan.securityGroupLogicalName()).isEqualTo("fraud-vpce-sg");
        assertThat(plan.apiEndpointLogicalName()).isEqualTo("fraud-vpce-api");
        assertThat(plan.repositoriesEndpointLogicalName()).isEqualTo("fraud-vpce-repositories");
        assertThat(plan.s3EndpointLogicalName()).isEqualTo("fraud-vpce-s3");
        assertThat(plan.sources()).containsExactly(new Source(SourceKind.SECURITY_GROUP, 0), new Source(SourceKind.CIDR, 0));
        assertThat(plan.sources()).extracting(plan::ingressLogicalName).containsExactly("fraud-vpce-from-sg-0",
                "fraud-vpce-from-cidr-0");
        assertThat(plan.sources()).extracting(Source::field).containsExactly("privateAccess.allowedSecurityGroupIds[0]",
                "privateAccess.allowedCidrs[0]");
        assertThat(plan.securityGroupDescription()).isEqualTo("HTTPS to the CodeArtifact VPC endpoints for fraud-models (mlregistry)");
        assertThat(plan.ingressDescription(plan.sources().get(1)))
                .isEqualTo("HTTPS to CodeArtifact for fraud-models from privateAccess.allowedCidrs[0] (mlregistry)");
    }

    @Test
    void plan_existingS3GatewayEndpoint_createsNone() {
        PrivateAccessInput input = access(List.of(JOBS), List.of(), List.of(), Optional.of(Output.of("vpce-0a1b2c3d")), false);

        PrivateAccessPlan plan = PrivateAccessPlanner.plan("fraud", "fraud-models", input, Optional.empty());

        assertThat(plan.createsS3GatewayEndpoint()).isFalse();
        assertThat(plan.privateDns()).isFalse();
    }

    @Test
    void plan_sharedEndpoints_createNothing_butRulesForSourcesNotAdmittedYet() {
        Output<String> other = Output.of("sg-0b1b2c3d4e5f60718");
        PrivateAccessInput joining = access(List.of(Output.of("sg-0a1b2c3d4e5f60718"), other), List.of(Output.of("10.20.0.0/16")),
                List.of(ROUTES), Optional.empty(), true);

        PrivateAccessPlan plan = PrivateAccessPlanner.plan("nlp", "nlp-models", joining, Optional.of(shared(standard())));

        assertThat(plan.createsEndpoints()).isFalse();
        assertThat(plan.sharedFrom()).contains("vision");
        assertThat(plan.createsS3GatewayEndpoint()).isFalse();
        assertThat(plan.sources()).containsExactly(new Source(SourceKind.SECURITY_GROUP, 1));
        assertThat(plan.ingressLogicalName(plan.sources().get(0))).isEqualTo("nlp-vpce-from-sg-1");
    }

    @Test
    void checkSharing_sameShape_passes() {
        Problems problems = new Problems();
        PrivateAccessPlanner.checkSharing("nlp", access(List.of(), List.of(Output.of("10.0.0.0/8")), List.of(ROUTES),
                Optional.empty(), true), shared(standard()), problems);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void checkSharing_differentShape_isRefusedNamingBothRegistries() {
        Output<String> subnetOutput = Output.of("subnet-0c1b2c3d4e5f60718");
        PrivateAccessInput joining = new PrivateAccessInput(VPC, List.of(SUBNET_A, subnetOutput), List.of(JOBS), List.of(),
                false, List.of(), Optional.of(Output.of("vpce-0a1b2c3d")), false);
        Problems problems = new Problems();

        PrivateAccessPlanner.checkSharing("nlp", joining, shared(standard()), problems);

        String rule = " must be the same as registry vision's, which created the CodeArtifact endpoints of this VPC: "
                + "the registries of a domain share one set per VPC";
        assertThat(problems.lines()).containsExactly(
                "registry nlp: privateAccess.privateDns (false)" + rule,
                "registry nlp: privateAccess.subnetIds (subnet-0a1b2c3d4e5f60718, subnet-0c1b2c3d4e5f60718)" + rule,
                "registry nlp: privateAccess.routeTableIds (none)" + rule,
                "registry nlp: privateAccess.existingS3GatewayEndpointId (vpce-0a1b2c3d)" + rule);
    }

    @Test
    void checkSharing_existingEndpointDropped_showsAbsent_andOutputsShowAsOutput() {
        PrivateAccessInput first = access(List.of(JOBS), List.of(), List.of(), Optional.of(Output.of("vpce-0a1b2c3d")), true);
        Output<String> unknownRoute = SamenessTest.pending();
        PrivateAccessInput joining = new PrivateAccessInput(VPC, List.of(SUBNET_A, SUBNET_B), List.of(JOBS), List.of(), false,
                List.of(ROUTES, unknownRoute), Optional.empty(), true);
        Problems problems = new Problems();

        PrivateAccessPlanner.checkSharing("nlp", joining, shared(first), problems);

        assertThat(problems.lines()).extracting(line -> line.substring(0, line.indexOf(" must")))
                .containsExactly("registry nlp: privateAccess.routeTableIds (rtb-0a1b2c3d4e5f60718, output)",
                        "registry nlp: privateAccess.existingS3GatewayEndpointId (absent)");
    }
}
