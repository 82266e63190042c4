package com.example.mlregistry.mlplatform;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import io.mlregistry.Cooldown;
import io.mlregistry.InternalNamespace;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.Upstream;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;

/**
 * An ML organization's platform: one central domain (customer-managed key, read access for the
 * whole AWS Organization, internal package names guarded against dependency confusion) holding a
 * shared repository with the one PyPI cache of the domain behind a three-day cooldown airlock (a
 * new PyPI version reaches {@code shared} only after three days in the cache), and one registry per
 * team that joins the domain with {@code inDomainOf}. Each team searches the shared repository,
 * publishes from its CI role and installs from its SageMaker role: both roles are created here and
 * named as principals through their ARNs; an existing notebooks role of the account, named by its
 * literal ARN, installs from every team's repository too.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** The stack's program; tests and the offline preview run it on Pulumi's mock engine. */
    public static void stack(Context ctx) {
        var config = ctx.config();
        String domain = config.get("domainName").orElse("ml-platform");
        String organization = config.get("organizationId").orElse("o-a1b2c3d4e5");
        List<String> teams = Arrays.asList(config.get("teams").orElse("vision,nlp").split(","));
        // A role that already exists in the deploying account (a SageMaker Studio domain's, say),
        // named by its ARN: every team's notebooks install through it.
        String notebooks = config.get("notebooksRoleArn").orElse("arn:aws:iam::123456789012:role/ml-notebooks");

        var platform = new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                .domainName(domain)
                .repositoryName("shared")
                .description("Internal packages shared by every ML team, and PyPI behind them")
                .upstreams(Upstream.externalConnection("public:pypi"))
                .organizationId(organization)
                // acme-* on PyPI is ours: never fetched from pypi.org, published only to shared.
                .internalNamespaces(InternalNamespace.pypiPrefix("acme-"))
                // A new PyPI release reaches shared, and so every team, after three days in
                // pypi-store, unless archived there meanwhile (experimental).
                .cooldown(Cooldown.of(Duration.ofDays(config.getInteger("cooldownDays").orElse(3))))
                .tags(Map.of("owner", "ml-platform"))
                .build(), null);
        ctx.export("domain_arn", platform.domainArn());
        ctx.export("shared_pip_index_url", platform.pypiIndexUrl());
        ctx.export("package_groups", platform.packageGroupPatterns());
        ctx.export("pypi_store_index_urls", platform.cooldownStoreUrls());
        ctx.export("cooldown_topic_arn", platform.cooldownTopicArn());

        for (String team : teams) {
            var ci = role(team, "ci", "publishes", "codebuild.amazonaws.com");
            var sagemaker = role(team, "sagemaker", "installs", "sagemaker.amazonaws.com");
            var registry = new MlDependencyRegistry(team, MlDependencyRegistryArgs.builder()
                    // The platform's domain, by its outputs: the team's repositories wait for it.
                    .inDomainOf(platform)
                    .repositoryName(team + "-models")
                    // shared, where PyPI versions arrive once they have aged in the platform's pypi-store.
                    .upstreams(Upstream.repositoryOf(platform))
                    .publisherPrincipals(ci.arn())
                    .readerPrincipals(sagemaker.arn())
                    .addReaderPrincipal(Output.of(notebooks))
                    .organizationId(organization)
                    .tags(Map.of("team", team))
                    .build(), null);
            attach(team, "ci", "publishes", ci, registry.publisherPolicyArn());
            attach(team, "sagemaker", "installs", sagemaker, registry.readerPolicyArn());

            ctx.export(team + "_pip_index_url", registry.pypiIndexUrl());
            ctx.export(team + "_pip_upload_url", registry.pypiUploadUrl());
            ctx.export(team + "_ci_role_arn", ci.arn());
            ctx.export(team + "_sagemaker_role_arn", sagemaker.arn());
        }
    }

    /** A role of a team that one AWS service assumes: {@code <team>-<kind>}. */
    static Role role(String team, String kind, String verb, String service) {
        return new Role(team + "-" + kind, RoleArgs.builder()
                .description(kind + " role of team " + team + ": " + verb + " packages")
                .assumeRolePolicy(trust(service))
                .tags(Map.of("team", team))
                .build());
    }

    /** Attaches one of the registry's IAM policies to a team's role: {@code <team>-<kind>-<verb>}. */
    static void attach(String team, String kind, String verb, Role role, Output<String> policyArn) {
        new RolePolicyAttachment(team + "-" + kind + "-" + verb, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(policyArn)
                .build());
    }

    /** A trust policy that lets one AWS service assume the role. */
    static String trust(String service) {
        return IamPolicy.builder()
                .addStatement(s -> s.effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.SERVICE, service)
                        .addAction("sts:AssumeRole"))
                .build()
                .toJson();
    }
}
