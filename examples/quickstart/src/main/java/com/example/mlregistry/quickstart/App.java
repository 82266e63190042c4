package com.example.mlregistry.quickstart;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;

/**
 * The quickstart stack: one KMS-encrypted CodeArtifact domain and the repository ML teams install
 * from, with PyPI behind it.
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
        var registry = new MlDependencyRegistry("ml-dependencies", MlDependencyRegistryArgs.builder()
                .domainName(config.get("domainName").orElse("ml-dependencies"))
                .repositoryName(config.get("repositoryName").orElse("ml-models"))
                .description("Repository for ML Model Dependencies")
                .build(), null);

        ctx.export("domain_arn", registry.domainArn());
        ctx.export("domain_name", registry.domainName());
        ctx.export("repository_arn", registry.repositoryArn());
        ctx.export("repository_name", registry.repositoryName());
        ctx.export("pip_index_url", registry.pypiIndexUrl());
    }
}
