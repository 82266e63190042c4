package io.mlregistry.internal.privateaccess;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.GoldenFiles;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.rules.Arn;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyWriter;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The endpoint policies: a golden of each, and least privilege over a grid of partitions, regions,
 * owners and domains. No action is a wildcard; every resource is this domain, its repositories or its
 * packages, but one: {@code sts:GetServiceBearerToken} names no resource (it has no resource type),
 * so its statement takes {@code "*"} under the condition that the token is for CodeArtifact. Every
 * principal is {@code "*"}: an endpoint policy limits what the endpoint carries, and who may do it is
 * the identity and resource policies' to say.
 */
class EndpointPoliciesTest {

    static final String DOMAIN_ARN = "arn:aws:codeartifact:us-east-1:123456789012:domain/ml-platform";

    static String pretty(IamPolicy policy) {
        return policy.toJson(IamPolicyWriter.builder().prettyPrint(true).build()).strip() + "\n";
    }

    @Test
    void api_matchesGolden() {
        GoldenFiles.assertMatches("endpoint-policy-api.json", pretty(EndpointPolicies.api(DOMAIN_ARN)));
    }

    @Test
    void repositories_matchesGolden() {
        GoldenFiles.assertMatches("endpoint-policy-repositories.json", pretty(EndpointPolicies.repositories(DOMAIN_ARN)));
    }

    @Test
    void s3_matchesGolden() {
        GoldenFiles.assertMatches("endpoint-policy-s3.json",
                pretty(EndpointPolicies.s3("arn:aws:s3:::assets-193858265520-us-east-1")));
    }

    @Test
    void requireEndpoints_publishersExempt_matchesGolden() {
        IamStatement statement = EndpointPolicies.requireEndpoints("aws",
                List.of("vpce-0a1b2c3d4e5f60718", "vpce-0b1c2d3e4f5a60718"),
                List.of("111122223333", "arn:aws:iam::123456789012:role/ci-publisher", "arn:aws:iam::444455556666:root"),
                false);
        GoldenFiles.assertMatches("repository-policy-require-endpoints.json",
                pretty(IamPolicy.builder().addStatement(statement).build()));
    }

    @Test
    void requireEndpoints_publishersToo_deniesPublishingOutsideTheEndpoints_andExemptsNobody() {
        IamStatement statement = EndpointPolicies.requireEndpoints("aws", List.of("vpce-0a1b2c3d4e5f60718"),
                List.of("arn:aws:iam::123456789012:role/ci-publisher"), true);

        GoldenFiles.assertMatches("repository-policy-require-endpoints-publishers.json",
                pretty(IamPolicy.builder().addStatement(statement).build()));
        assertThat(statement.effect()).isEqualTo(IamEffect.DENY);
        assertThat(statement.actions()).extracting(IamAction::value).containsExactly("codeartifact:ReadFromRepository",
                "codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata");
        assertThat(statement.conditions()).extracting(c -> c.key().value()).containsExactly("aws:SourceVpce");
    }

    @Test
    void requireEndpoints_noPublishers_hasOnlyTheEndpointCondition() {
        IamStatement statement = EndpointPolicies.requireEndpoints("aws-cn", List.of("vpce-0a1b2c3d4e5f60718"), List.of(),
                false);

        assertThat(statement.conditions()).singleElement().satisfies(c -> {
            assertThat(c.operator()).isEqualTo(IamConditionOperator.STRING_NOT_EQUALS);
            assertThat(c.value()).isEqualTo("vpce-0a1b2c3d4e5f60718");
        });
        assertThat(statement.sid()).isEqualTo(EndpointPolicies.REQUIRE_ENDPOINTS_SID);
    }

    @Test
    void principalPattern_accountsAsAWholeAccount_rolesAsThemselves() {
        assertThat(EndpointPolicies.principalPattern("aws", "111122223333")).isEqualTo("arn:aws:iam::111122223333:*");
        assertThat(EndpointPolicies.principalPattern("aws-cn", "arn:aws-cn:iam::111122223333:root"))
                .isEqualTo("arn:aws-cn:iam::111122223333:*");
        assertThat(EndpointPolicies.principalPattern("aws", "arn:aws:iam::111122223333:role/ci"))
                .isEqualTo("arn:aws:iam::111122223333:role/ci");
    }

    static Stream<String> domains() {
        List<String> arns = new ArrayList<>();
        for (String partition : List.of("aws", "aws-us-gov", "aws-cn")) {
            for (String region : List.of("us-east-1", "eu-central-1", "ap-south-1")) {
                for (String domain : List.of("ml", "ml-platform", "a" + "b".repeat(48) + "c")) {
                    arns.add(new Arn(partition, "codeartifact", region, "123456789012", "domain/" + domain).toString());
                    arns.add(new Arn(partition, "codeartifact", region, "444455556666", "domain/" + domain).toString());
                }
            }
        }
        return arns.stream();
    }

    @ParameterizedTest
    @MethodSource("domains")
    void interfacePolicies_everyConfiguration_areLeastPrivilege(String domainArn) {
        Arn domain = Arn.parse(domainArn);
        String name = domain.resource().substring("domain/".length());
        String prefix = "arn:" + domain.partition() + ":codeartifact:" + domain.region() + ":" + domain.account() + ":";
        List<String> allowed = List.of(domainArn, prefix + "repository/" + name + "/*", prefix + "package/" + name + "/*");
        for (IamPolicy policy : List.of(EndpointPolicies.api(domainArn), EndpointPolicies.repositories(domainArn))) {
            for (IamStatement statement : policy.statements()) {
                assertThat(statement.effect()).isEqualTo(IamEffect.ALLOW);
                assertThat(statement.principals()).containsExactly(IamPrincipal.ALL);
                assertThat(statement.actions()).extracting(IamAction::value)
                        .allSatisfy(action -> assertThat(action).doesNotContain("*"));
                List<String> resources = statement.resources().stream().map(IamResource::value).toList();
                if (resources.contains("*")) {
                    assertThat(statement.actions()).extracting(IamAction::value).containsExactly(Policies.GET_BEARER_TOKEN);
                    assertThat(resources).containsExactly("*");
                    assertThat(statement.conditions()).extracting(IamCondition::operator, c -> c.key().value(), IamCondition::value)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(IamConditionOperator.STRING_EQUALS,
                                    "sts:AWSServiceName", "codeartifact.amazonaws.com"));
                } else {
                    assertThat(resources).isNotEmpty().isSubsetOf(allowed);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void interfacePolicies_carryWhatReadersAndPublishersDo(String domainArn) {
        List<String> api = actions(EndpointPolicies.api(domainArn));
        assertThat(api).contains(Policies.GET_TOKEN, Policies.GET_BEARER_TOKEN)
                .containsAll(Policies.READ_ACTIONS).containsAll(Policies.PUBLISH_ACTIONS);
        assertThat(actions(EndpointPolicies.repositories(domainArn))).containsExactlyInAnyOrder(
                "codeartifact:ReadFromRepository", "codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata");
    }

    @Test
    void s3_onlyGetObjectOnTheBucketsObjects() {
        IamStatement statement = EndpointPolicies.s3("arn:aws:s3:::assets-787052242323-us-west-2").statements().get(0);

        assertThat(EndpointPolicies.s3("arn:aws:s3:::assets-787052242323-us-west-2").statements()).hasSize(1);
        assertThat(statement.actions()).extracting(IamAction::value).containsExactly("s3:GetObject");
        assertThat(statement.resources()).extracting(IamResource::value)
                .containsExactly("arn:aws:s3:::assets-787052242323-us-west-2/*");
        assertThat(statement.principals()).containsExactly(IamPrincipal.ALL);
    }

    private static List<String> actions(IamPolicy policy) {
        return policy.statements().stream().flatMap(s -> s.actions().stream()).map(IamAction::value).toList();
    }
}
