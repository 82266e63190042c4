package com.example.mlregistry.mlplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppTest {

    static final String REPOSITORY = "aws:codeartifact/repository:Repository";

    private final StackRecording run = StackRecording.run(AwsMocks.create(), App::stack);

    @Test
    void stack_runsCleanly() {
        assertThat(run.exceptions()).isEmpty();
    }

    @Test
    void oneDomain_withItsOwnKey_forEveryone() {
        assertThat(run.resources("aws:codeartifact/domain:Domain")).singleElement().satisfies(domain -> {
            assertThat(domain.inputs()).containsEntry("domain", "ml-platform");
            assertThat((String) domain.inputs().get("encryptionKey")).startsWith("arn:aws:kms:");
        });
        assertThat(run.resources("aws:kms/key:Key")).hasSize(1);
    }

    @Test
    void everyTeam_searchesShared_andTheDomainHasOnePypiStore() {
        for (String team : List.of("vision", "nlp", "fraud")) {
            RecordedResource repository = run.resource(REPOSITORY, team + "-repository");
            assertThat(repository.inputs()).containsEntry("repository", team + "-models")
                    .containsEntry("domain", "ml-platform")
                    .containsEntry("upstreams", List.of(Map.of("repositoryName", "shared")));
        }
        assertThat(run.resources(REPOSITORY)).filteredOn(r -> r.inputs().containsKey("externalConnections"))
                .singleElement().satisfies(store -> assertThat(store.name()).isEqualTo("platform-upstream-pypi-store"));
    }

    @Test
    void pypiVersions_reachSharedOnlyThroughTheCooldownAirlock() {
        assertThat(run.resource(REPOSITORY, "platform-repository").inputs()).doesNotContainKey("upstreams");
        assertThat(run.resource("aws:sfn/stateMachine:StateMachine", "platform-cooldown-workflow").inputs())
                .containsEntry("type", "STANDARD");
        assertThat(run.resource("aws:sfn/stateMachine:StateMachine", "platform-cooldown-workflow")
                .input("definition").orElseThrow()).contains("\"Seconds\": 259200,");
        assertThat(run.outputs().get("pypi_store_index_urls")).isEqualTo(List.of(
                "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/pypi-store/simple/"));
    }

    @Test
    void everyTeam_grantsItsOwnRolesByTheirArns() {
        for (String team : List.of("vision", "nlp")) {
            String policy = run.resource("aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
                    team + "-repository-policy").input("policyDocument").orElseThrow();
            assertThat(policy).contains("arn:aws:iam::123456789012:role/" + team + "-ci-")
                    .contains("arn:aws:iam::123456789012:role/" + team + "-sagemaker-");
        }
    }

    @Test
    void theOrganization_readsEveryRepository() {
        assertThat(run.resources("aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy"))
                .hasSize(4)
                .allSatisfy(policy -> assertThat(policy.input("policyDocument").orElseThrow())
                        .contains("\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\""));
        assertThat(run.resources("aws:codeartifact/domainPermissions:DomainPermissions")).hasSize(1);
    }

    @Test
    void internalPypiNames_areGuardedDomainWide() {
        RecordedResource group = run.resources("aws:cloudcontrol/resource:Resource").get(0);
        var state = JsonParser.parseString(group.input("desiredState").orElseThrow()).getAsJsonObject();
        assertThat(state.get("Pattern").getAsString()).isEqualTo("/pypi//acme-~");
        assertThat(state.getAsJsonObject("OriginConfiguration").getAsJsonObject("Restrictions")
                .getAsJsonObject("ExternalUpstream").get("RestrictionMode").getAsString()).isEqualTo("BLOCK");
        assertThat(run.outputs().get("package_groups")).isEqualTo(List.of("/pypi//acme-~"));
    }

    @Test
    void ciRoles_publish_andSageMakerRoles_install() {
        for (String team : List.of("vision", "nlp", "fraud")) {
            assertThat(attachedPolicy(team + "-ci-publishes"))
                    .startsWith("arn:aws:iam::123456789012:policy/" + team + "-publisher-policy-");
            assertThat(attachedPolicy(team + "-sagemaker-installs"))
                    .startsWith("arn:aws:iam::123456789012:policy/" + team + "-reader-policy-");
            assertThat(run.resource("aws:iam/role:Role", team + "-sagemaker").input("assumeRolePolicy").orElseThrow())
                    .contains("\"Service\":\"sagemaker.amazonaws.com\"");
            assertThat(run.resource("aws:iam/role:Role", team + "-ci").input("assumeRolePolicy").orElseThrow())
                    .contains("\"Service\":\"codebuild.amazonaws.com\"");
        }
    }

    private String attachedPolicy(String attachment) {
        return run.resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", attachment).input("policyArn").orElseThrow();
    }

    @Test
    void teamOutputs_pointPipAtEachTeamsRepository() {
        assertThat(run.outputs()).containsEntry("vision_pip_index_url",
                "https://ml-platform-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/vision-models/simple/");
    }

    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

    @Test
    void vpcOnlyTeam_getsItsVpcWithoutInternet_andTheCodeArtifactEndpoints() {
        assertThat(run.resources("aws:ec2/vpc:Vpc")).singleElement().satisfies(vpc ->
                assertThat(vpc.inputs()).containsEntry("enableDnsSupport", true).containsEntry("enableDnsHostnames", true));
        assertThat(run.resources("aws:ec2/internetGateway:InternetGateway")).isEmpty();
        assertThat(run.resources("aws:ec2/natGateway:NatGateway")).isEmpty();
        assertThat(run.resources("aws:ec2/subnet:Subnet")).hasSize(2)
                .allSatisfy(subnet -> assertThat(subnet.inputs()).containsEntry("mapPublicIpOnLaunch", false));
        assertThat(run.resources(ENDPOINT)).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("fraud-vpce-api", "fraud-vpce-repositories", "fraud-vpce-s3");
        assertThat(run.resource(ENDPOINT, "fraud-vpce-repositories").inputs())
                .containsEntry("serviceName", "com.amazonaws.us-east-1.codeartifact.repositories")
                .containsEntry("privateDnsEnabled", true);
        assertThat(run.resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "fraud-vpce-from-sg-0").inputs())
                .containsEntry("fromPort", 443.0).containsKey("referencedSecurityGroupId");
    }

    @Test
    void vpcOnlyTeam_readsOnlyThroughTheEndpoints_itsCiRoleExempt() {
        String policy = run.resource("aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
                "fraud-repository-policy").input("policyDocument").orElseThrow();
        assertThat(policy).contains("\"Sid\":\"ReadOnlyThroughVpcEndpoints\"", "\"aws:SourceVpce\"",
                "arn:aws:iam::123456789012:role/fraud-ci-");
    }

    @Test
    void vpcOnlyTeam_exportsItsClientConfiguration_andSageMakerItsLifecycleConfigs() {
        assertThat((String) run.outputs().get("fraud_pip_conf")).contains("/pypi/fraud-models/simple/")
                .contains("${CODEARTIFACT_AUTH_TOKEN}");
        assertThat(run.outputs().get("fraud_sagemaker_environment")).isEqualTo(Map.of("CA_REPOSITORY_ARN",
                "arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/fraud-models"));
        assertThat((Map<?, ?>) run.outputs().get("fraud_studio_lifecycle_config_arns")).hasSize(2);
        assertThat(run.outputs().get("fraud_notebook_lifecycle_config_name")).isEqualTo("ml-platform-fraud-models-notebook");
    }
}
