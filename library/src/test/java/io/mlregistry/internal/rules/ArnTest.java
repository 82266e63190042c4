package io.mlregistry.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArnTest {

    @Test
    void parse_readsEveryPart() {
        Arn arn = Arn.parse("arn:aws-cn:codeartifact:cn-north-1:123456789012:repository/ml-platform/ml-models");

        assertThat(arn.partition()).isEqualTo("aws-cn");
        assertThat(arn.service()).isEqualTo("codeartifact");
        assertThat(arn.region()).isEqualTo("cn-north-1");
        assertThat(arn.account()).isEqualTo("123456789012");
        assertThat(arn.resource()).isEqualTo("repository/ml-platform/ml-models");
    }

    @Test
    void parse_keepsColonsInTheResource() {
        assertThat(Arn.parse("arn:aws:logs:us-east-1:123456789012:log-group:/ml:*").resource())
                .isEqualTo("log-group:/ml:*");
    }

    @Test
    void parse_globalService_hasAnEmptyRegion() {
        Arn arn = Arn.parse("arn:aws:iam::123456789012:role/ci");

        assertThat(arn.region()).isEmpty();
        assertThat(arn).hasToString("arn:aws:iam::123456789012:role/ci");
    }

    @Test
    void parse_notAnArn_isRejected() {
        assertThatThrownBy(() -> Arn.parse("alias/ml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arn (alias/ml) must have the form arn:<partition>:<service>:<region>:<account>:<resource>");
        assertThatThrownBy(() -> Arn.parse("urn:aws:iam::1:x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domainName_ofADomainARepositoryAndAPackage_isTheFirstNameAfterTheKind() {
        assertThat(Arn.parse("arn:aws:codeartifact:us-east-1:123456789012:domain/ml-platform").domainName())
                .isEqualTo("ml-platform");
        assertThat(Arn.parse("arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/ml-models").domainName())
                .isEqualTo("ml-platform");
        assertThat(Arn.parse("arn:aws:codeartifact:us-east-1:123456789012:package/ml-platform/ml-models/pypi//x")
                .domainName()).isEqualTo("ml-platform");
    }

    @Test
    void domainAndRepository_keepPartitionRegionAndOwner() {
        Arn repository = Arn.parse("arn:aws-cn:codeartifact:cn-north-1:210987654321:repository/ml-platform/ml-models");

        assertThat(repository.domain()).hasToString("arn:aws-cn:codeartifact:cn-north-1:210987654321:domain/ml-platform");
        assertThat(repository.domain().repository("shared"))
                .hasToString("arn:aws-cn:codeartifact:cn-north-1:210987654321:repository/ml-platform/shared");
        assertThat(repository.repository("*"))
                .hasToString("arn:aws-cn:codeartifact:cn-north-1:210987654321:repository/ml-platform/*");
    }
}
