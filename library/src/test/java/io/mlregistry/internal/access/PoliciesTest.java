package io.mlregistry.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.access.Policies.Access;
import io.mlregistry.internal.rules.Arn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyWriter;

/** Golden documents for the reference configuration: two readers, one publisher, an organization. */
public class PoliciesTest {

    static final Access REFERENCE = new Access(
            List.of("111122223333", "arn:aws:iam::444455556666:role/sagemaker-execution"),
            List.of("arn:aws:iam::123456789012:role/ci-publisher"),
            Optional.of("o-a1b2c3d4e5"));
    static final String DOMAIN_ARN = "arn:aws:codeartifact:us-east-1:123456789012:domain/ml-platform";
    static final String REPOSITORY_ARN = "arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/ml-models";

    public static String golden(String name) throws IOException {
        try (InputStream in = PoliciesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    public static String pretty(IamPolicy policy) {
        return policy.toJson(IamPolicyWriter.builder().prettyPrint(true).build()).strip();
    }

    @Test
    void domainPolicy_reference_matchesGolden() throws IOException {
        assertThat(pretty(Policies.domainPolicy("aws", REFERENCE, List.of(REPOSITORY_ARN)).orElseThrow())).isEqualTo(golden("domain-policy.json"));
    }

    @Test
    void repositoryPolicy_reference_matchesGolden() throws IOException {
        assertThat(pretty(Policies.repositoryPolicy("aws", REFERENCE).orElseThrow()))
                .isEqualTo(golden("repository-policy.json"));
    }

    @Test
    void readerPolicy_reference_matchesGolden() throws IOException {
        assertThat(pretty(Policies.readerPolicy(DOMAIN_ARN, REPOSITORY_ARN))).isEqualTo(golden("reader-policy.json"));
    }

    @Test
    void publisherPolicy_reference_matchesGolden() throws IOException {
        assertThat(pretty(Policies.publisherPolicy(DOMAIN_ARN, REPOSITORY_ARN))).isEqualTo(golden("publisher-policy.json"));
    }

    @Test
    void resourcePolicies_nobodyGranted_areEmpty() {
        Access nobody = new Access(List.of(), List.of(), Optional.empty());

        assertThat(Policies.domainPolicy("aws", nobody, List.of(REPOSITORY_ARN))).isEmpty();
        assertThat(Policies.repositoryPolicy("aws", nobody)).isEmpty();
    }

    @Test
    void resourcePolicies_onlyAnOrganization_grantItAlone() {
        Access org = new Access(List.of(), List.of(), Optional.of("o-a1b2c3d4e5"));

        assertThat(Policies.domainPolicy("aws", org, List.of(REPOSITORY_ARN)).orElseThrow().statements())
                .extracting(s -> s.sid()).containsExactly("OrgGetToken");
        assertThat(Policies.repositoryPolicy("aws", org).orElseThrow().statements())
                .extracting(s -> s.sid()).containsExactly("OrgReadPackages");
    }

    @Test
    void principalArn_accountId_becomesTheRootArnOfThePartition() {
        assertThat(Policies.principalArn("aws", "111122223333")).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(Policies.principalArn("aws-cn", "111122223333")).isEqualTo("arn:aws-cn:iam::111122223333:root");
        assertThat(Policies.principalArn("aws", "arn:aws:iam::111122223333:role/x")).isEqualTo("arn:aws:iam::111122223333:role/x");
    }

    @Test
    void packagesArn_coversEveryPackageOfTheRepository() {
        assertThat(Policies.packagesArn(Arn.parse(REPOSITORY_ARN)))
                .isEqualTo("arn:aws:codeartifact:us-east-1:123456789012:package/ml-platform/ml-models/*");
    }
}
