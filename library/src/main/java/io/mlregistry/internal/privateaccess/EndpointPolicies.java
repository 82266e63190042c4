package io.mlregistry.internal.privateaccess;

import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.AssetBuckets;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The policies of the VPC endpoints, least privilege by construction: through the
 * {@code codeartifact.api} endpoint, a token for this domain and the read and publish API calls on
 * its repositories and packages; through {@code codeartifact.repositories}, what package managers
 * do with its repositories; through the S3 gateway endpoint, {@code s3:GetObject} on the region's
 * asset bucket. Endpoint policies limit what the endpoint may be used for; who may do it is still
 * decided by the identity and resource policies, so every statement names {@code "Principal": "*"}
 * as AWS's examples do.
 *
 * <p>One resource is {@code "*"}: {@code sts:GetServiceBearerToken}, which names no resource
 * (AWS's endpoint-policy example for CodeArtifact includes it), under the condition that the token
 * is for CodeArtifact. Also here: the repository-policy statement that denies reads that do not come
 * through the endpoints.
 */
public final class EndpointPolicies {

    /** The statement ID of the repository-policy statement that requires the endpoints. */
    public static final String REQUIRE_ENDPOINTS_SID = "ReadOnlyThroughVpcEndpoints";

    private static final String BEARER_TOKEN_SERVICE = "codeartifact.amazonaws.com";

    private EndpointPolicies() {
    }

    /**
     * The {@code codeartifact.api} endpoint's policy: {@code GetAuthorizationToken} on the domain,
     * the bearer token for CodeArtifact, and the reader and publisher API actions on the domain's
     * repositories and packages.
     *
     * @param domainArn the domain's ARN
     */
    public static IamPolicy api(String domainArn) {
        Arn domain = Arn.parse(domainArn);
        List<String> repositoriesAndPackages = List.of(repositories(domain), packages(domain));
        return IamPolicy.builder()
                .addStatement(allow("GetAuthorizationToken", List.of(Policies.GET_TOKEN), List.of(domainArn)))
                .addStatement(IamStatement.builder()
                        .sid("GetServiceBearerToken")
                        .effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipal.ALL)
                        .addAction(Policies.GET_BEARER_TOKEN)
                        .addResource("*")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "sts:AWSServiceName", BEARER_TOKEN_SERVICE)
                        .build())
                .addStatement(allow("ReadPackages", Policies.READ_ACTIONS, repositoriesAndPackages))
                .addStatement(allow("PublishPackages", Policies.PUBLISH_ACTIONS, repositoriesAndPackages))
                .build();
    }

    /**
     * The {@code codeartifact.repositories} endpoint's policy: what package managers do through it,
     * reading from the domain's repositories and publishing to them.
     *
     * @param domainArn the domain's ARN
     */
    public static IamPolicy repositories(String domainArn) {
        Arn domain = Arn.parse(domainArn);
        return IamPolicy.builder()
                .addStatement(allow("ReadFromRepositories", List.of("codeartifact:ReadFromRepository"),
                        List.of(repositories(domain))))
                .addStatement(allow("PublishPackages", Policies.PUBLISH_ACTIONS,
                        List.of(repositories(domain), packages(domain))))
                .build();
    }

    /**
     * The S3 gateway endpoint's policy: {@code s3:GetObject} on the objects of the asset bucket,
     * nothing else, as AWS's "Minimum Amazon S3 bucket permissions" example has it.
     *
     * @param assetBucketArn the region's asset bucket, {@code arn:aws:s3:::assets-<account>-<region>}
     */
    public static IamPolicy s3(String assetBucketArn) {
        return IamPolicy.builder()
                .addStatement(allow("CodeArtifactAssets", List.of("s3:GetObject"),
                        List.of(AssetBuckets.objects(assetBucketArn))))
                .build();
    }

    /**
     * The repository-policy statement that denies {@code ReadFromRepository}, the action every
     * package manager's download needs, to any request that does not come through one of the
     * endpoints ({@code aws:SourceVpce}). Publishers are exempt by their principal ARN
     * ({@code aws:PrincipalArn}; a whole account as {@code arn:<partition>:iam::<account>:*}) unless
     * they are included, in which case their publishing is denied outside the endpoints too. The
     * API calls that list and describe packages stay open, so that the console and the deploying
     * role still see the repository.
     *
     * @param partition the registry's partition
     * @param endpointIds the endpoints requests must come through
     * @param publishers the publisher principals (account IDs or IAM ARNs)
     * @param publishersToo whether publishers must come through the endpoints as well
     */
    public static IamStatement requireEndpoints(String partition, List<String> endpointIds, List<String> publishers,
            boolean publishersToo) {
        List<String> actions = new ArrayList<>(List.of("codeartifact:ReadFromRepository"));
        if (publishersToo) {
            actions.addAll(Policies.PUBLISH_ACTIONS);
        }
        IamStatement.Builder statement = IamStatement.builder()
                .sid(REQUIRE_ENDPOINTS_SID)
                .effect(IamEffect.DENY)
                .addPrincipal(IamPrincipal.ALL)
                .actionIds(actions)
                .addResource("*")
                .addConditions(IamConditionOperator.STRING_NOT_EQUALS, "aws:SourceVpce", endpointIds);
        if (!publishersToo && !publishers.isEmpty()) {
            statement.addConditions(IamConditionOperator.ARN_NOT_LIKE, "aws:PrincipalArn",
                    publishers.stream().map(p -> principalPattern(partition, p)).distinct().toList());
        }
        return statement.build();
    }

    /** A principal as {@code aws:PrincipalArn} matches it: a whole account by a pattern, a role or user by its ARN. */
    static String principalPattern(String partition, String principal) {
        String key = Policies.principalKey(principal);
        return key.startsWith("account:") ? "arn:" + partition + ":iam::" + key.substring("account:".length()) + ":*" : principal;
    }

    /** Every repository of the domain: {@code arn:<partition>:codeartifact:<region>:<owner>:repository/<domain>/*}. */
    static String repositories(Arn domain) {
        return domain.repository("*").toString();
    }

    /** Every package of the domain: {@code arn:<partition>:codeartifact:<region>:<owner>:package/<domain>/*}. */
    static String packages(Arn domain) {
        return new Arn(domain.partition(), domain.service(), domain.region(), domain.account(),
                "package/" + domain.domainName() + "/*").toString();
    }

    private static IamStatement allow(String sid, List<String> actions, List<String> resources) {
        return IamStatement.builder()
                .sid(sid)
                .effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipal.ALL)
                .actionIds(actions)
                .resourceIds(resources)
                .build();
    }
}
