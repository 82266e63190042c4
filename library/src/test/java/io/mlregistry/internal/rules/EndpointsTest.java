package io.mlregistry.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "aws, amazonaws.com",
            "aws-us-gov, amazonaws.com",
            "aws-cn, amazonaws.com.cn",
            "aws-iso, c2s.ic.gov",
            "aws-iso-b, sc2s.sgov.gov",
            "aws-eusc, amazonaws.eu"})
    void dnsSuffix_followsThePartition(String partition, String suffix) {
        assertThat(Endpoints.dnsSuffix(partition)).isEqualTo(suffix);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "arn:aws:codeartifact:eu-west-1:123456789012:domain/ml, "
                    + "https://ml-123456789012.d.codeartifact.eu-west-1.amazonaws.com/",
            "arn:aws-cn:codeartifact:cn-northwest-1:123456789012:domain/ml, "
                    + "https://ml-123456789012.d.codeartifact.cn-northwest-1.amazonaws.com.cn/"})
    void domainEndpoint_isFormedAsAwsFormsIt(String domainArn, String url) {
        assertThat(Endpoints.domainEndpoint(Arn.parse(domainArn), "ml", "123456789012")).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "pypi, https://ml-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/my_repo/",
            "maven, https://ml-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/my_repo/",
            "npm, https://ml-111122223333.d.codeartifact.us-west-2.amazonaws.com/npm/my_repo/"})
    void repositoryEndpoint_isTheDomainEndpointThenFormatAndRepository(String format, String url) {
        assertThat(Endpoints.repositoryEndpoint("https://ml-111122223333.d.codeartifact.us-west-2.amazonaws.com/",
                format, "my_repo")).isEqualTo(url);
    }

    @Test
    void pypiIndexUrl_isTheUploadUrlWithSimple() {
        String domain = "https://ml-111122223333.d.codeartifact.us-west-2.amazonaws.com/";

        assertThat(Endpoints.pypiIndexUrl(domain, "my_repo"))
                .isEqualTo(Endpoints.repositoryEndpoint(domain, "pypi", "my_repo") + "simple/")
                .isEqualTo("https://ml-111122223333.d.codeartifact.us-west-2.amazonaws.com/pypi/my_repo/simple/");
    }

    @Test
    void dualStackDomainEndpoint_isTheHostLiveDomainsReturn_withoutTheD() {
        // clarityai-eng/codeartifact-gradle-plugin PR 822, from a live domain:
        // https://<domain>-<owner>.codeartifact.eu-central-1.on.aws/maven/<repo>/
        assertThat(Endpoints.dualStackDomainEndpoint(Arn.parse("arn:aws:codeartifact:eu-central-1:123456789012:domain/ml"),
                "ml", "123456789012")).contains("https://ml-123456789012.codeartifact.eu-central-1.on.aws/");
    }

    @ParameterizedTest
    @CsvSource({"aws-cn, cn-north-1", "aws-us-gov, us-gov-west-1", "aws-iso, us-iso-east-1"})
    void dualStackDomainEndpoint_otherPartitions_haveNoFormOnRecord(String partition, String region) {
        assertThat(Endpoints.dualStackDomainEndpoint(new Arn(partition, "codeartifact", region, "123456789012", "domain/ml"),
                "ml", "123456789012")).isEmpty();
    }
}
