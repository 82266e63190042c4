package io.mlregistry.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
