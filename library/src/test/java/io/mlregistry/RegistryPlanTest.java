package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.plan.RegistryPlan;
import io.mlregistry.internal.plan.RegistryPlan.KeyMode;
import io.mlregistry.internal.plan.RegistryPlan.Store;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The pure plan: what will be created, checked without Pulumi. */
class RegistryPlanTest {

    private static MlDependencyRegistryArgs.Builder args() {
        return MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models");
    }

    @Test
    void plan_defaults() {
        RegistryPlan plan = MlDependencyRegistry.plan("ml", args().build());

        assertThat(plan.keyMode()).isEqualTo(KeyMode.CREATE);
        assertThat(plan.createDomain()).isTrue();
        assertThat(plan.stores()).containsExactly(new Store("pypi-store", "public:pypi"));
        assertThat(plan.upstreamNames()).containsExactly("pypi-store");
        assertThat(plan.protect()).isTrue();
        assertThat(RegistryPlan.keyAliasName("ml-platform")).isEqualTo("alias/codeartifact/ml-platform");
        assertThat(RegistryPlan.keyDescription("ml-platform")).isEqualTo("Encrypts the CodeArtifact domain ml-platform (mlregistry)");
    }

    @Test
    void plan_logicalNames_startWithTheComponentName() {
        RegistryPlan plan = MlDependencyRegistry.plan("team-a", args().build());

        assertThat(plan.keyLogicalName()).isEqualTo("team-a-key");
        assertThat(plan.keyAliasLogicalName()).isEqualTo("team-a-key-alias");
        assertThat(plan.domainLogicalName()).isEqualTo("team-a-domain");
        assertThat(plan.repositoryLogicalName()).isEqualTo("team-a-repository");
        assertThat(plan.storeLogicalName(plan.stores().get(0))).isEqualTo("team-a-upstream-pypi-store");
    }

    @Test
    void plan_keyMode_followsTheArgs() {
        assertThat(MlDependencyRegistry.plan("ml", args().createKmsKey(false).build()).keyMode())
                .isEqualTo(KeyMode.AWS_MANAGED);
        assertThat(MlDependencyRegistry.plan("ml",
                args().kmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/abc").build()).keyMode())
                .isEqualTo(KeyMode.BRING_YOUR_OWN);
        assertThat(MlDependencyRegistry.plan("ml", args().createDomain(false).build()).keyMode())
                .isEqualTo(KeyMode.AWS_MANAGED);
    }

    @Test
    void plan_mixedUpstreams_storesOnlyForConnections_orderKept() {
        RegistryPlan plan = MlDependencyRegistry.plan("ml", args().createDomain(false).upstreams(
                Upstream.repository("shared"),
                Upstream.externalConnection("public:maven-central"),
                Upstream.externalConnection("public:pypi", "py")).tags(Map.of("team", "ml")).build());

        assertThat(plan.stores()).containsExactly(
                new Store("maven-central-store", "public:maven-central"), new Store("py", "public:pypi"));
        assertThat(plan.upstreamNames()).containsExactly("shared", "maven-central-store", "py");
    }
}
