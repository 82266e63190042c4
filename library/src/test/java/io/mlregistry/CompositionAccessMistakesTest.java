package io.mlregistry;

import static io.mlregistry.Mistakes.ACCEPTED;
import static io.mlregistry.Mistakes.platform;
import static io.mlregistry.Mistakes.preview;
import static io.mlregistry.Mistakes.row;
import static io.mlregistry.Mistakes.team;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import io.mlregistry.Mistakes.Mistake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who can get a token in a shared domain, and how a composed stack reports what is wrong: the
 * rows of {@link CompositionMistakesTest} for the domain policy's coverage and for messages.
 */
class CompositionAccessMistakesTest {

    private static final String NOTEBOOKS = "arn:aws:iam::444455556666:role/notebooks";
    private static final String UNCOVERED = " cannot get an authorization token for domain ml-platform: the domain policy "
            + "of registry platform grants none to it or to account 444455556666; add 444455556666 to the tokenAccounts "
            + "of platform";
    private static final String PRINCIPAL = " must be a 12-digit account ID or an IAM ARN "
            + "arn:<partition>:iam::<account>:root, :role/<name> or :user/<name>";

    static Stream<Mistake> mistakes() {
        List<Mistake> rows = new ArrayList<>();
        tokensComeFromTheDomainsCreator(rows);
        messagesNameTheRegistry(rows);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistake(Mistake mistake) {
        mistake.check();
    }

    private static String grant(String principal, String action) {
        return "{\"Sid\":\"Extra\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\""
                + action + "\",\"Resource\":\"*\"}";
    }

    private static void tokensComeFromTheDomainsCreator(List<Mistake> rows) {
        String rule = "tokens come from the domain's creator";
        rows.add(row(rule, "a reader of another account, no grant", ctx -> team("vision", platform(),
                b -> b.readerPrincipals(NOTEBOOKS)), "registry vision: readerPrincipals[0] (" + NOTEBOOKS + ")" + UNCOVERED));
        rows.add(row(rule, "a publisher of another account, no grant", ctx -> team("vision", platform(),
                b -> b.publisherPrincipals("444455556666")),
                "registry vision: publisherPrincipals[0] (444455556666)" + UNCOVERED));
        rows.add(row(rule, "a reader covered by the owner's tokenAccounts (right)", ctx -> team("vision",
                platform(b -> b.tokenAccounts("444455556666")), b -> b.readerPrincipals(NOTEBOOKS)), ACCEPTED));
        rows.add(row(rule, "a team joining a team, uncovered: the creator is asked", ctx -> {
            MlDependencyRegistry vision = team("vision", platform());
            new MlDependencyRegistry("lab", MlDependencyRegistryArgs.builder().inDomainOf(vision)
                    .repositoryName("lab-models").upstreams(Upstream.repositoryOf(vision)).readerPrincipals(NOTEBOOKS)
                    .build(), null);
        }, "registry lab: readerPrincipals[0] (" + NOTEBOOKS + ")" + UNCOVERED));
        rows.add(row(rule, "a team joining a team, covered by the creator (right)", ctx -> {
            MlDependencyRegistry vision = team("vision", platform(b -> b.tokenAccounts("444455556666")));
            new MlDependencyRegistry("lab", MlDependencyRegistryArgs.builder().inDomainOf(vision)
                    .repositoryName("lab-models").upstreams(Upstream.repositoryOf(vision)).readerPrincipals(NOTEBOOKS)
                    .build(), null);
        }, ACCEPTED));
        rows.add(row(rule, "an owner joining another account's domain: not checked here (right)", ctx -> {
            MlDependencyRegistry platform = new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                    .domainName("central").createDomain(false).domainOwner("999988887777").repositoryName("shared")
                    .upstreams().build(), null);
            team("vision", platform, b -> b.readerPrincipals("arn:aws:iam::123456789012:role/sagemaker"));
        }, ACCEPTED));
        rows.add(row(rule, "a grant in the owner's added statements (right)", ctx -> team("vision",
                platform(b -> b.additionalDomainPolicyStatements(grant("arn:aws:iam::444455556666:root",
                        "codeartifact:GetAuthorizationToken"))), b -> b.readerPrincipals(NOTEBOOKS)), ACCEPTED));
        rows.add(row(rule, "a wildcard grant of the role in the owner's added statements (right)", ctx -> team("vision",
                platform(b -> b.additionalDomainPolicyStatements(grant(NOTEBOOKS, "codeartifact:*"))),
                b -> b.readerPrincipals(NOTEBOOKS)), ACCEPTED));
        rows.add(row(rule, "an added statement granting something else", ctx -> team("vision",
                platform(b -> b.additionalDomainPolicyStatements(grant("444455556666", "codeartifact:ListRepositories"))),
                b -> b.readerPrincipals(NOTEBOOKS)), "registry vision: readerPrincipals[0] (" + NOTEBOOKS + ")" + UNCOVERED));
        rows.add(row(rule, "an added statement denying the token", ctx -> team("vision",
                platform(b -> b.additionalDomainPolicyStatements(grant("444455556666", "codeartifact:GetAuthorizationToken")
                        .replace("Allow", "Deny"))), b -> b.readerPrincipals(NOTEBOOKS)),
                "registry vision: readerPrincipals[0] (" + NOTEBOOKS + ")" + UNCOVERED));
        rows.add(row(rule, "the owner granting an organization (right)", ctx -> team("vision",
                platform(b -> b.organizationId("o-a1b2c3d4e5")), b -> b.readerPrincipals(NOTEBOOKS)), ACCEPTED));
        rows.add(row(rule, "a team's organization the owner does not grant", ctx -> team("vision", platform(),
                b -> b.organizationId("o-team123456")),
                "registry vision: organizationId (o-team123456) cannot get an authorization token for domain ml-platform: "
                        + "the domain policy of registry platform grants none to that organization; set "
                        + "organizationId(o-team123456) on platform"));
        rows.add(row(rule, "a team's organization the owner grants too (right)", ctx -> team("vision",
                platform(b -> b.organizationId("o-a1b2c3d4e5")), b -> b.organizationId("o-a1b2c3d4e5")), ACCEPTED));
        rows.add(row(rule, "a role of the stack (right)", ctx -> {
            Role role = new Role("notebooks", RoleArgs.builder().assumeRolePolicy("{}").build());
            team("vision", platform(), b -> b.readerPrincipals(role.arn()));
        }, ACCEPTED));
        rows.add(preview(rule, "a literal role of the deploying account, in the preview (right)", ctx -> team("vision",
                platform(), b -> b.readerPrincipals("arn:aws:iam::123456789012:role/sagemaker")), ACCEPTED));
        rows.add(preview(rule, "a role of the stack, in the preview (right)", ctx -> {
            Role role = new Role("notebooks", RoleArgs.builder().assumeRolePolicy("{}").build());
            team("vision", platform(), b -> b.publisherPrincipals(role.arn()));
        }, ACCEPTED));
    }

    private static void messagesNameTheRegistry(List<Mistake> rows) {
        String rule = "messages name the registry";
        rows.add(row(rule, "a principal from a resource, malformed", ctx -> {
            Output<String> arn = new Role("ci", RoleArgs.builder().assumeRolePolicy("{}").build()).arn()
                    .applyValue(a -> "not-an-arn");
            team("vision", platform(), b -> b.readerPrincipals(arn));
        }, "registry vision: readerPrincipals[0] (not-an-arn)" + PRINCIPAL));
        rows.add(row(rule, "a secret principal, malformed", ctx -> team("vision", platform(),
                b -> b.readerPrincipals(Output.ofSecret("not-an-arn"))),
                "registry vision: readerPrincipals[0] ([secret])" + PRINCIPAL));
        rows.add(row(rule, "a domain name from a resource, malformed", ctx -> {
            Output<String> name = new Role("namer", RoleArgs.builder().assumeRolePolicy("{}").build()).arn()
                    .applyValue(a -> "ML_Platform");
            new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder().domainName(name).repositoryName("ml-models")
                    .build(), null);
        }, "registry ml: domainName (ML_Platform) must be 2-50 characters matching [a-z][a-z0-9-]{0,48}[a-z0-9]"));
        rows.add(row(rule, "a principal of another partition", ctx -> new MlDependencyRegistry("ml",
                MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models")
                        .readerPrincipals("arn:aws-cn:iam::123456789012:role/sagemaker").build(), null),
                "registry ml: readerPrincipals[0] (arn:aws-cn:iam::123456789012:role/sagemaker) must be in partition aws, "
                        + "the registry's"));
        rows.add(row(rule, "a secret principal of another partition", ctx -> new MlDependencyRegistry("ml",
                MlDependencyRegistryArgs.builder().domainName("ml-platform").repositoryName("ml-models")
                        .readerPrincipals(Output.ofSecret("arn:aws-cn:iam::123456789012:role/sagemaker")).build(), null),
                "registry ml: readerPrincipals[0] ([secret]) must be in partition aws, the registry's"));
        rows.add(row(rule, "a team's principal in another partition than the owner's, known at build", ctx -> team("vision",
                platform(b -> b.readerPrincipals("arn:aws:iam::111122223333:role/r")),
                b -> b.readerPrincipals("arn:aws-cn:iam::444455556666:role/x")),
                "registry vision: readerPrincipals[0] (arn:aws-cn:iam::444455556666:role/x) must be in partition aws, as "
                        + "registry platform's readerPrincipals[0] is: the registries of one domain are in its partition"));
        rows.add(row(rule, "a token account from a resource, malformed", ctx -> {
            Output<String> account = new Role("acct", RoleArgs.builder().assumeRolePolicy("{}").build()).arn()
                    .applyValue(a -> "4444");
            platform(b -> b.addTokenAccount(account));
        }, "registry platform: tokenAccounts[0] (4444) must be a 12-digit account ID or arn:<partition>:iam::<account>:root"));
        rows.add(preview(rule, "a secure: config principal in the preview (right)", Map.of("reader!", "<secret>"), ctx ->
                team("vision", platform(), b -> b.addReaderPrincipal(ctx.config().requireSecret("reader"))), ACCEPTED));
        rows.add(preview(rule, "a secure: config principal given in the preview, malformed", Map.of("reader!", "nope"), ctx ->
                team("vision", platform(), b -> b.addReaderPrincipal(ctx.config().requireSecret("reader"))),
                "registry vision: readerPrincipals[0] ([secret])" + PRINCIPAL));
    }
}
