package io.mlregistry.internal.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.GoldenFiles;
import io.mlregistry.internal.clients.ClientSettings.VpcHosts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * Every client configuration, as a golden file, for a registry reached at its own host and for one
 * reached through VPC endpoints without private DNS; and the properties a client relies on.
 */
class ClientConfigsTest {

    static final String DOMAIN_ARN = "arn:aws:codeartifact:us-west-2:111122223333:domain/ml-platform";
    static final String REPOSITORY_ARN = "arn:aws:codeartifact:us-west-2:111122223333:repository/ml-platform/ml-models";
    /** The endpoint names of AWS's "Use CodeArtifact from a VPC" examples. */
    static final VpcHosts HOSTS = new VpcHosts("vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com",
            "vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com");

    static final ClientSettings STANDARD = new ClientSettings(DOMAIN_ARN, "ml-models", REPOSITORY_ARN, Optional.empty());
    static final ClientSettings VPC = new ClientSettings(DOMAIN_ARN, "ml-models", REPOSITORY_ARN, Optional.of(HOSTS));

    static ClientSettings settings(String variant) {
        return variant.equals("vpc") ? VPC : STANDARD;
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "vpc"})
    void everyConfiguration_matchesItsGolden(String variant) {
        ClientSettings settings = settings(variant);
        GoldenFiles.assertMatches("client-" + variant + "-pip.conf", ClientConfigs.pipConf(settings));
        GoldenFiles.assertMatches("client-" + variant + "-uv-index.toml", ClientConfigs.uvIndex(settings));
        GoldenFiles.assertMatches("client-" + variant + "-uv-environment.sh", ClientConfigs.uvEnvironment(settings));
        GoldenFiles.assertMatches("client-" + variant + ".npmrc", ClientConfigs.npmrc(settings));
        GoldenFiles.assertMatches("client-" + variant + "-settings.xml", ClientConfigs.mavenSettings(settings));
        GoldenFiles.assertMatches("client-" + variant + ".pypirc", ClientConfigs.pypirc(settings));
        GoldenFiles.assertMatches("client-" + variant + "-token-command.sh", ClientConfigs.tokenCommand(settings) + "\n");
        StringBuilder logins = new StringBuilder();
        ClientConfigs.loginCommands(settings).forEach((tool, command) -> logins.append(command).append('\n'));
        GoldenFiles.assertMatches("client-" + variant + "-login-commands.txt", logins.toString());
    }

    @Test
    void urls_standard_areTheRepositoryEndpointsAwsReturns() {
        assertThat(STANDARD.pypiIndexUrl())
                .isEqualTo("https://ml-platform-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/ml-models/simple/");
        assertThat(STANDARD.repositoryUrl("maven"))
                .isEqualTo("https://ml-platform-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/ml-models/");
        assertThat(STANDARD.vpcUrls()).isEmpty();
        assertThat(STANDARD.apiEndpointUrl()).isEmpty();
        assertThat(STANDARD.domainName()).isEqualTo("ml-platform");
        assertThat(STANDARD.domainOwner()).isEqualTo("111122223333");
        assertThat(STANDARD.region()).isEqualTo("us-west-2");
    }

    @Test
    void urls_vpc_goThroughTheRepositoriesEndpoint_asAwsTemplateHasThem() {
        String host = "https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com";
        assertThat(VPC.vpcUrls()).containsExactly(
                Map.entry("pypi", host + "/pypi/d/ml-platform-111122223333/ml-models/simple/"),
                Map.entry("pypiUpload", host + "/pypi/d/ml-platform-111122223333/ml-models/"),
                Map.entry("maven", host + "/maven/d/ml-platform-111122223333/ml-models/"),
                Map.entry("npm", host + "/npm/d/ml-platform-111122223333/ml-models/"));
        assertThat(VPC.apiEndpointUrl())
                .contains("https://vpce-0743fe535b883ffff-76ddffff.api.codeartifact.us-west-2.vpce.amazonaws.com");
    }

    @Test
    void dualStackUrls_onTheRepositorysOwnHost_evenWithEndpoints() {
        String host = "https://ml-platform-111122223333.codeartifact.us-west-2.on.aws";
        assertThat(VPC.dualStackUrls()).isEqualTo(STANDARD.dualStackUrls()).containsExactly(
                Map.entry("pypi", host + "/pypi/ml-models/simple/"),
                Map.entry("pypiUpload", host + "/pypi/ml-models/"),
                Map.entry("maven", host + "/maven/ml-models/"),
                Map.entry("npm", host + "/npm/ml-models/"));
        assertThat(new ClientSettings("arn:aws-cn:codeartifact:cn-north-1:111122223333:domain/ml", "r",
                "arn:aws-cn:codeartifact:cn-north-1:111122223333:repository/ml/r", Optional.empty()).dualStackUrls()).isEmpty();
    }

    @Test
    void loginCommands_oneForEachToolLoginConfigures_noneThroughEndpointsWithoutPrivateDns() {
        assertThat(ClientConfigs.loginCommands(STANDARD)).containsOnlyKeys("pip", "twine", "npm");
        assertThat(ClientConfigs.loginCommands(STANDARD).get("twine")).isEqualTo("aws codeartifact login --tool twine "
                + "--domain ml-platform --domain-owner 111122223333 --region us-west-2 --repository ml-models");
        assertThat(ClientConfigs.loginCommands(VPC)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "vpc"})
    void noConfiguration_holdsAToken_eachReadsTheVariable(String variant) {
        ClientSettings settings = settings(variant);
        for (String text : new String[] {ClientConfigs.pipConf(settings), ClientConfigs.npmrc(settings),
                ClientConfigs.mavenSettings(settings), ClientConfigs.uvEnvironment(settings)}) {
            assertThat(text).contains("CODEARTIFACT_AUTH_TOKEN").doesNotContain("eyJ");
        }
        assertThat(ClientConfigs.pypirc(settings)).doesNotContain("password =");
        assertThat(ClientConfigs.uvIndex(settings)).doesNotContain("aws:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "vpc"})
    void mavenSettings_isWellFormed_andTheServerIdIsTheRepositorysId(String variant) throws Exception {
        Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(ClientConfigs.mavenSettings(settings(variant)).getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("settings");
        assertThat(document.getElementsByTagName("id").item(0).getTextContent()).isEqualTo("codeartifact");
        assertThat(document.getElementsByTagName("repository").item(0).getFirstChild().getNextSibling().getTextContent())
                .isEqualTo("codeartifact");
        assertThat(document.getElementsByTagName("url").item(0).getTextContent()).isEqualTo(settings(variant).repositoryUrl("maven"));
        assertThat(document.getElementsByTagName("activeProfile").item(0).getTextContent()).isEqualTo("codeartifact");
    }

    @Test
    void npmrc_authLineNamesTheRegistryWithoutItsScheme() {
        String[] lines = ClientConfigs.npmrc(STANDARD).split("\n");
        assertThat(lines[0]).isEqualTo("registry=" + STANDARD.repositoryUrl("npm"));
        assertThat(lines[1]).isEqualTo(STANDARD.repositoryUrl("npm").substring("https:".length())
                + ":_authToken=${CODEARTIFACT_AUTH_TOKEN}");
    }

    @Test
    void sageMakerEnvironment_isTheRepositoryArnTheToolkitParses() {
        // sagemaker-training-toolkit's pattern: arn:<partition>:codeartifact:<region>:<account>:repository/<domain>/<repository>
        assertThat(ClientConfigs.sageMakerEnvironment(STANDARD)).containsExactly(Map.entry("CA_REPOSITORY_ARN", REPOSITORY_ARN));
        assertThat(REPOSITORY_ARN).matches("arn:(?<partition>[^:]+):codeartifact:(?<region>[^:]+):(?<account>[^:]+)"
                + ":repository/(?<domain>[^/]+)/(?<repository>.+)");
    }
}
