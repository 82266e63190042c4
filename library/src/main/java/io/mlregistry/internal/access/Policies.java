package io.mlregistry.internal.access;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The policy documents of one registry, least privilege by construction: who may read, who may
 * publish, and nothing else. Built with the AWS SDK's policy builder, never by concatenation.
 *
 * <p>Resource policies name no ARN ({@code "Resource": "*"}, as AWS documents them) wherever the
 * action reaches only what they are attached to: a repository policy is evaluated only for its
 * repository, and {@code GetAuthorizationToken} applies only to the domain. A domain policy is
 * evaluated for every resource of the domain, though ("Domain policies" in the CodeArtifact User
 * Guide), so the one action of a domain grant that names another repository,
 * {@code AssociateWithDownstreamRepository}, is scoped to the repositories a granted account may
 * search: the primary repository, never a store the airlock holds back. That statement needs the
 * repository's ARN; its size is bounded with the longest ARN AWS allows before the ARN resolves.
 */
public final class Policies {

    /** What a consumer needs to install packages from a repository. */
    public static final List<String> READ_ACTIONS = List.of(
            "codeartifact:ReadFromRepository",
            "codeartifact:DescribePackageVersion",
            "codeartifact:DescribeRepository",
            "codeartifact:GetPackageVersionReadme",
            "codeartifact:GetRepositoryEndpoint",
            "codeartifact:ListPackages",
            "codeartifact:ListPackageVersions",
            "codeartifact:ListPackageVersionAssets",
            "codeartifact:ListPackageVersionDependencies");

    /** What a publisher needs beyond reading; Maven publishing needs {@code PutPackageMetadata}. */
    public static final List<String> PUBLISH_ACTIONS = List.of(
            "codeartifact:PublishPackageVersion",
            "codeartifact:PutPackageMetadata");

    public static final String GET_TOKEN = "codeartifact:GetAuthorizationToken";
    public static final String GET_BEARER_TOKEN = "sts:GetServiceBearerToken";

    /** The longest partition name, used to check policy sizes before the partition is known. */
    public static final String LONGEST_PARTITION = "aws-us-gov";

    private Policies() {
    }

    /**
     * What an account named in {@code repositoryCreatorAccounts} may do anywhere in the domain:
     * create a repository, tagged ({@code TagResource} is needed for a tagged one).
     */
    public static final List<String> CREATE_REPOSITORY_ACTIONS = List.of(
            "codeartifact:CreateRepository",
            "codeartifact:TagResource");

    /**
     * What such an account may do on the repositories it may search: make one of them an upstream of
     * its own repositories (AWS requires the action on the upstream repository).
     */
    public static final String ADD_UPSTREAM = "codeartifact:AssociateWithDownstreamRepository";

    /**
     * The longest repository ARN in a partition: a 50-character domain, a 100-character repository
     * and a region longer than any AWS has, so that a size bound computed with it holds for every
     * real ARN.
     */
    public static String longestRepositoryArn(String partition) {
        return new Arn(partition, "codeartifact", "xx-xxxxxxxxxxxxxxxxxxx-9", "123456789012",
                "repository/" + "d".repeat(50) + "/" + "r".repeat(100)).toString();
    }

    /**
     * Who gets access, as resolved and validated inputs.
     *
     * @param readers principals that may install packages
     * @param publishers principals that may publish and install packages
     * @param organizationId an AWS Organization whose principals may all install packages
     * @param tokenAccounts accounts whose principals may get an authorization token for the domain
     * @param repositoryCreators accounts that may create repositories in the domain
     * @param domainStatements the caller's own statements for the domain policy, as JSON
     * @param repositoryStatements the caller's own statements for the repository policy, as JSON
     */
    public record Access(
            List<String> readers, List<String> publishers, Optional<String> organizationId,
            List<String> tokenAccounts, List<String> repositoryCreators,
            List<IamStatement> domainStatements, List<IamStatement> repositoryStatements) {

        public Access {
            readers = List.copyOf(readers);
            publishers = List.copyOf(publishers);
            tokenAccounts = List.copyOf(tokenAccounts);
            repositoryCreators = List.copyOf(repositoryCreators);
            domainStatements = List.copyOf(domainStatements);
            repositoryStatements = List.copyOf(repositoryStatements);
        }

        /** Readers, publishers and an organization only. */
        public Access(List<String> readers, List<String> publishers, Optional<String> organizationId) {
            this(readers, publishers, organizationId, List.of(), List.of(), List.of(), List.of());
        }

        /** Whether the repository policy grants anything. */
        public boolean grantsAnyone() {
            return !readers.isEmpty() || !publishers.isEmpty() || organizationId.isPresent()
                    || !repositoryStatements.isEmpty();
        }

        /** Whether the domain policy grants anything. */
        public boolean grantsDomain() {
            return !readers.isEmpty() || !publishers.isEmpty() || organizationId.isPresent()
                    || !tokenAccounts.isEmpty() || !repositoryCreators.isEmpty() || !domainStatements.isEmpty();
        }
    }

    /**
     * The domain permissions policy: an authorization token for every named principal and, with
     * an organization, for its members; for repository creators, creating repositories and making
     * the searchable repositories upstreams of theirs; nothing else.
     *
     * @param partition the registry's partition
     * @param access who gets what
     * @param searchable the ARNs of the repositories a repository creator may add as an upstream:
     *     the primary repository
     * @return the policy, or empty when it would grant nothing
     */
    public static Optional<IamPolicy> domainPolicy(String partition, Access access, List<String> searchable) {
        if (!access.grantsDomain()) {
            return Optional.empty();
        }
        IamPolicy.Builder policy = IamPolicy.builder();
        if (!access.readers().isEmpty()) {
            policy.addStatement(allow("ReadersGetToken", principals(partition, access.readers()), List.of(GET_TOKEN)));
        }
        if (!access.publishers().isEmpty()) {
            policy.addStatement(allow("PublishersGetToken", principals(partition, access.publishers()), List.of(GET_TOKEN)));
        }
        if (!access.tokenAccounts().isEmpty()) {
            policy.addStatement(allow("AccountsGetToken", principals(partition, access.tokenAccounts()), List.of(GET_TOKEN)));
        }
        if (!access.repositoryCreators().isEmpty()) {
            List<String> creators = principals(partition, access.repositoryCreators());
            policy.addStatement(allow("AccountsCreateRepositories", creators, CREATE_REPOSITORY_ACTIONS));
            policy.addStatement(IamStatement.builder()
                    .sid("AccountsAddUpstreams")
                    .effect(IamEffect.ALLOW)
                    .addPrincipals(IamPrincipalType.AWS, creators)
                    .addAction(ADD_UPSTREAM)
                    .resourceIds(searchable)
                    .build());
        }
        access.organizationId().ifPresent(org -> policy.addStatement(organization("OrgGetToken", org, List.of(GET_TOKEN))));
        access.domainStatements().forEach(policy::addStatement);
        return Optional.of(policy.build());
    }

    /**
     * The primary repository's permissions policy: read actions for readers and the organization,
     * read and publish actions for publishers.
     *
     * @return the policy, or empty when it would grant nothing
     */
    public static Optional<IamPolicy> repositoryPolicy(String partition, Access access) {
        if (!access.grantsAnyone()) {
            return Optional.empty();
        }
        IamPolicy.Builder policy = IamPolicy.builder();
        if (!access.readers().isEmpty()) {
            policy.addStatement(allow("ReadersReadPackages", principals(partition, access.readers()), READ_ACTIONS));
        }
        if (!access.publishers().isEmpty()) {
            policy.addStatement(allow("PublishersReadAndPublishPackages", principals(partition, access.publishers()),
                    concat(READ_ACTIONS, PUBLISH_ACTIONS)));
        }
        access.organizationId().ifPresent(org -> policy.addStatement(organization("OrgReadPackages", org, READ_ACTIONS)));
        access.repositoryStatements().forEach(policy::addStatement);
        return Optional.of(policy.build());
    }

    /**
     * The identity policy for roles that install packages, such as a SageMaker execution role.
     *
     * @param domainArn the domain's ARN
     * @param repositoryArn the primary repository's ARN
     */
    public static IamPolicy readerPolicy(String domainArn, String repositoryArn) {
        return identityPolicy(domainArn, repositoryArn, false);
    }

    /**
     * The identity policy for roles that publish packages, such as a CI role; it reads too.
     *
     * @param domainArn the domain's ARN
     * @param repositoryArn the primary repository's ARN
     */
    public static IamPolicy publisherPolicy(String domainArn, String repositoryArn) {
        return identityPolicy(domainArn, repositoryArn, true);
    }

    private static IamPolicy identityPolicy(String domainArn, String repositoryArn, boolean publish) {
        List<String> packages = List.of(repositoryArn, packagesArn(Arn.parse(repositoryArn)));
        IamPolicy.Builder policy = IamPolicy.builder()
                .addStatement(s -> s.sid("GetToken").effect(IamEffect.ALLOW).addAction(GET_TOKEN).addResource(domainArn))
                .addStatement(s -> s.sid("GetServiceBearerToken").effect(IamEffect.ALLOW)
                        .addAction(GET_BEARER_TOKEN)
                        .addResource("*")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "sts:AWSServiceName", "codeartifact.amazonaws.com"))
                .addStatement(s -> s.sid("ReadPackages").effect(IamEffect.ALLOW).actionIds(READ_ACTIONS).resourceIds(packages));
        if (publish) {
            policy.addStatement(s -> s.sid("PublishPackages").effect(IamEffect.ALLOW)
                    .actionIds(PUBLISH_ACTIONS).resourceIds(packages));
        }
        return policy.build();
    }

    /**
     * Every package of a repository:
     * {@code arn:<partition>:codeartifact:<region>:<owner>:package/<domain>/<repository>/*}.
     */
    public static String packagesArn(Arn repositoryArn) {
        String path = repositoryArn.resource().substring("repository/".length());
        return new Arn(repositoryArn.partition(), repositoryArn.service(), repositoryArn.region(),
                repositoryArn.account(), "package/" + path + "/*").toString();
    }

    /**
     * An upper bound of the length of either resource policy: every action list, statement and
     * condition at its longest, plus each principal once with its quotes and comma. Writing the
     * documents is needed only when this bound exceeds AWS's limit.
     */
    public static int sizeBound(String partition, Access access) {
        int bound = 2000 + access.organizationId().map(String::length).orElse(0);
        if (!access.repositoryCreators().isEmpty()) {
            // The upstream statement: its fixed text, then each creator once more and the ARN.
            bound += 200 + longestRepositoryArn(partition).length();
            for (String account : access.repositoryCreators()) {
                bound += principalArn(partition, account).length() + 3;
            }
        }
        for (String principal : access.readers()) {
            bound += principalArn(partition, principal).length() + 3;
        }
        for (String principal : access.publishers()) {
            bound += principalArn(partition, principal).length() + 3;
        }
        for (String account : access.tokenAccounts()) {
            bound += principalArn(partition, account).length() + 3;
        }
        for (String account : access.repositoryCreators()) {
            bound += principalArn(partition, account).length() + 3;
        }
        for (IamStatement statement : concat(access.domainStatements(), access.repositoryStatements())) {
            bound += IamPolicy.builder().addStatement(statement).build().toJson().length();
        }
        return bound;
    }

    /**
     * A principal as a policy names it: an account ID becomes its root ARN, so that AWS stores
     * exactly what was sent and no preview shows a change.
     */
    public static String principalArn(String partition, String principal) {
        return Rules.isAccountId(principal) ? "arn:" + partition + ":iam::" + principal + ":root" : principal;
    }

    /**
     * The identity of a principal for duplicate checks: an account ID and that account's
     * {@code :root} ARN are one principal, in any partition; every other ARN is itself.
     */
    public static String principalKey(String principal) {
        if (Rules.isAccountId(principal)) {
            return "account:" + principal;
        }
        String[] parts = principal.split(":", 6);
        if (parts.length == 6 && parts[2].equals("iam") && parts[5].equals("root") && Rules.isAccountId(parts[4])) {
            return "account:" + parts[4];
        }
        return principal;
    }

    /** The account a principal belongs to: the ID itself or the account field of its ARN. */
    public static String accountOf(String principal) {
        return Rules.isAccountId(principal) ? principal : principal.split(":", 6)[4];
    }

    private static List<String> principals(String partition, List<String> principals) {
        return principals.stream().map(p -> principalArn(partition, p)).collect(Collectors.toList());
    }

    private static IamStatement allow(String sid, List<String> principals, List<String> actions) {
        return IamStatement.builder()
                .sid(sid)
                .effect(IamEffect.ALLOW)
                .addPrincipals(IamPrincipalType.AWS, principals)
                .actionIds(actions)
                .addResource("*")
                .build();
    }

    private static IamStatement organization(String sid, String organizationId, List<String> actions) {
        return IamStatement.builder()
                .sid(sid)
                .effect(IamEffect.ALLOW)
                .addPrincipal(IamPrincipal.ALL)
                .actionIds(actions)
                .addResource("*")
                .addCondition(IamConditionOperator.STRING_EQUALS, "aws:PrincipalOrgID", organizationId)
                .build();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toList());
    }
}
