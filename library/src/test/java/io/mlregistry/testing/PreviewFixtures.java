package io.mlregistry.testing;

import com.pulumi.Context;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;

/** Stack programs for the preview tests. */
public final class PreviewFixtures {

    private PreviewFixtures() {
    }

    /** The smallest registry, exporting what the quickstart exports. */
    public static final class Small {
        private Small() {
        }

        public static void stack(Context ctx) {
            MlDependencyRegistry registry = new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder()
                    .domainName("ml-dependencies")
                    .repositoryName("ml-models")
                    .readerPrincipals("111122223333")
                    .build(), null);
            ctx.export("domain_arn", registry.domainArn());
            ctx.export("pip_index_url", registry.pypiIndexUrl());
        }
    }

    /** A program whose Args break two rules. */
    public static final class Invalid {
        private Invalid() {
        }

        public static void stack(Context ctx) {
            new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder()
                    .domainName("ML")
                    .repositoryName("ml models")
                    .build(), null);
        }
    }

    /** A class without a stack method. */
    public static final class NoStack {
        private NoStack() {
        }
    }
}
