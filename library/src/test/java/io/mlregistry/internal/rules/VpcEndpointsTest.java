package io.mlregistry.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VpcEndpointsTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "codeartifact.api, com.amazonaws.us-west-2.codeartifact.api",
            "codeartifact.repositories, com.amazonaws.us-west-2.codeartifact.repositories",
            "s3, com.amazonaws.us-west-2.s3"})
    void serviceName_isAwsForm(String service, String name) {
        assertThat(VpcEndpoints.serviceName("us-west-2", service)).isEqualTo(name);
    }

    @Test
    void regionalDnsName_ofAwsExample_isTheNameWithoutAZone() {
        // The names AWS's "Use CodeArtifact from a VPC" lists for one api endpoint, and private DNS's own.
        List<String> names = List.of(
                "vpce-0743fe535b883ffff-76edffff-us-west-2a.api.codeartifact.us-west-2.vpce.amazonaws.com",
                "codeartifact.us-west-2.amazonaws.com",
                "vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com");

        assertThat(VpcEndpoints.regionalDnsName("vpce-0743fe535b883ffff", names))
                .contains("vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com");
    }

    @Test
    void regionalDnsName_noNameOfTheEndpoint_isEmpty() {
        assertThat(VpcEndpoints.regionalDnsName("vpce-0743fe535b883ffff",
                List.of("codeartifact.us-west-2.amazonaws.com", "vpce-0000000000000000a-1.api.example"))).isEmpty();
        assertThat(VpcEndpoints.regionalDnsName("vpce-0743fe535b883ffff", List.of())).isEmpty();
    }

    @Test
    void regionalDnsName_twoNamesOfOneLength_takesTheFirstInOrder() {
        assertThat(VpcEndpoints.regionalDnsName("vpce-1", List.of("vpce-1-b.x.example", "vpce-1-a.x.example")))
                .contains("vpce-1-a.x.example");
    }

    @Test
    void repositoryUrl_isAwsTemplateWithTheSlashClientsNeed() {
        // AWS's npm example: https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com/npm/d/domainName-111122223333/repoName
        assertThat(VpcEndpoints.repositoryUrl("vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com",
                "domainName", "111122223333", "npm", "repoName"))
                .isEqualTo("https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com"
                        + "/npm/d/domainName-111122223333/repoName/");
    }

    @Test
    void apiUrl_isHttpsAndTheName() {
        assertThat(VpcEndpoints.apiUrl("vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com"))
                .isEqualTo("https://vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com");
    }

    @Test
    void regionalDnsName_zonalNameOfTheSameSuffix_sortsFirstByText_butIsNotTaken() {
        // "-" sorts before ".", so by text alone the zonal name would come first.
        List<String> names = List.of(
                "vpce-0743fe535b883ffff-76ddffff-us-west-2a.api.codeartifact.us-west-2.vpce.amazonaws.com",
                "vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com");

        assertThat(VpcEndpoints.regionalDnsName("vpce-0743fe535b883ffff", names))
                .contains("vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com");
    }
}
