package com.example.mlregistry.crossaccount;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.Upstream;

import java.util.Map;

/**
 * A domain shared across accounts, deployed as two stacks of this project. The {@code owner} part
 * runs in the platform account: it creates the domain {@code ml-platform} and its repository
 * {@code shared}, and grants the research account an authorization token and the right to create
 * repositories in the domain (and to search {@code shared}). The {@code consumer} part (the
 * default) runs in the research account: it creates {@code research-models} in the owner's domain,
 * searching {@code shared}, and the IAM policies for the research account's roles. Everything the
 * domain's owner must allow is written by this library: no statement is added by hand.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** The stack's program: the part named by the config value {@code part}, {@code consumer} by default. */
    public static void stack(Context ctx) {
        String part = ctx.config().get("part").orElse("consumer");
        switch (part) {
            case "owner" -> owner(ctx);
            case "consumer" -> consumer(ctx);
            default -> throw new IllegalArgumentException("part (" + part + ") must be owner or consumer");
        }
    }

    /** The platform account's stack: the domain, {@code shared}, and the grants to the research account. */
    public static void owner(Context ctx) {
        var config = ctx.config();
        String consumerAccount = config.get("consumerAccount").orElse("444455556666");
        var platform = new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                .domainName(config.get("domainName").orElse("ml-platform"))
                .repositoryName("shared")
                .upstreams(Upstream.externalConnection("public:pypi"))
                // The research account's principals may get a token for the domain, and the research
                // account may create its own repositories in it, with shared as their upstream.
                .tokenAccounts(consumerAccount)
                .repositoryCreatorAccounts(consumerAccount)
                .tags(Map.of("owner", "ml-platform"))
                .build(), null);
        ctx.export("domain_name", platform.domainName());
        ctx.export("domain_owner", platform.domainOwner());
        ctx.export("shared_pip_index_url", platform.pypiIndexUrl());
    }

    /** The research account's stack: its repository in the owner's domain, searching {@code shared}. */
    public static void consumer(Context ctx) {
        var config = ctx.config();
        var registry = new MlDependencyRegistry("research", MlDependencyRegistryArgs.builder()
                .domainName(config.get("domainName").orElse("ml-platform"))
                .createDomain(false)
                .domainOwner(config.get("domainOwner").orElse("111122223333"))
                .repositoryName(config.get("repositoryName").orElse("research-models"))
                .upstreams(Upstream.repository("shared"))
                .tags(Map.of("team", "research"))
                .build(), null);

        ctx.export("repository_arn", registry.repositoryArn());
        ctx.export("domain_owner", registry.domainOwner());
        ctx.export("pip_index_url", registry.pypiIndexUrl());
        ctx.export("maven_repository_url", registry.mavenRepositoryUrl());
        ctx.export("reader_policy_arn", registry.readerPolicyArn());
        ctx.export("publisher_policy_arn", registry.publisherPolicyArn());
    }
}
