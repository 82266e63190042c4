package com.example.mlregistry.crossaccount;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.Upstream;

import java.util.Map;

/**
 * A team's repository in a CodeArtifact domain that another account (the platform account) owns.
 * The component creates no domain and no key here; it creates the repository in the owner's
 * domain, searching the platform's shared repository, and an IAM policy for this account's roles.
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
