package io.mlregistry.internal.privateaccess;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.rules.Problems;

import org.junit.jupiter.api.Test;

class VpcClaimsTest {

    @Test
    void claim_secondRegistryInTheSameVpc_isRefusedNamingBoth() {
        VpcClaims claims = new VpcClaims();
        Problems problems = Problems.of("search");

        claims.claim("vpc-0a1b2c3d", "vision", new Problems());
        claims.claim("vpc-0a1b2c3d", "search", problems);

        assertThat(problems.lines()).containsExactly("registry search: privateAccess.vpcId (vpc-0a1b2c3d) already has "
                + "CodeArtifact endpoints with private DNS, created by registry vision; a VPC takes one endpoint with private "
                + "DNS per service, so a second fails at deploy: share registry vision's by joining its domain (inDomainOf) "
                + "with the same vpcId, or set privateDns(false) on one of them");
    }

    @Test
    void claim_otherVpcs_orTheSameRegistryAgain_pass() {
        VpcClaims claims = new VpcClaims();
        Problems problems = new Problems();

        claims.claim("vpc-0a1b2c3d", "vision", problems);
        claims.claim("vpc-0b1b2c3d", "search", problems);
        claims.claim("vpc-0a1b2c3d", "vision", problems);

        assertThat(problems.isEmpty()).isTrue();
    }
}
