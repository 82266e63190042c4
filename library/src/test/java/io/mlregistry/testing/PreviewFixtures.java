package io.mlregistry.testing;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;
import io.mlregistry.Upstream;

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

    /** The README's snippet: a class with only main(String[]) calling Pulumi.run. */
    public static final class MainOnly {
        private MainOnly() {
        }

        public static void main(String[] args) {
            Pulumi.run(ctx -> {
                var registry = new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder()
                        .domainName("ml-platform")
                        .repositoryName("ml-models")
                        .upstreams(Upstream.externalConnection("public:pypi"))
                        .tags(java.util.Map.of("team", "ml-platform"))
                        .build(), null);
                ctx.export("pipIndexUrl", registry.pypiIndexUrl());
            });
        }
    }

    /** A stack that reads required configuration, one value a secret. */
    public static final class RequiresConfig {
        private RequiresConfig() {
        }

        public static void stack(Context ctx) {
            var config = ctx.config();
            new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder()
                    .domainName(config.require("domainName"))
                    .repositoryName("ml-models")
                    .organizationId(config.require("organizationId"))
                    .build(), null);
            ctx.export("token", config.requireSecret("webhookToken"));
        }
    }

    /** A registry encrypted with a key created in the same stack (bring your own key). */
    public static final class ByoKey {
        private ByoKey() {
        }

        public static void stack(Context ctx) {
            var key = new Key("team-key", KeyArgs.builder().description("Key of the ML registry").build());
            var registry = new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder()
                    .domainName("ml-dependencies")
                    .repositoryName("ml-models")
                    .kmsKeyArn(key.arn())
                    .build(), null);
            ctx.export("kms_key_arn", registry.kmsKeyArn());
        }
    }

    /** One component name used twice: a duplicate URN, and one domain created twice. */
    public static final class Duplicate {
        private Duplicate() {
        }

        public static void stack(Context ctx) {
            for (int i = 0; i < 2; i++) {
                new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder()
                        .domainName("ml-dependencies")
                        .repositoryName("ml-models")
                        .build(), null);
            }
        }
    }

    /** A program that fails inside the mock engine, not in its Args. */
    public static final class Throws {
        private Throws() {
        }

        public static void stack(Context ctx) {
            throw new IllegalStateException("the program gave up");
        }
    }

    /** A main-only program whose main fails before it calls Pulumi.run. */
    public static final class MainThrows {
        private MainThrows() {
        }

        public static void main(String[] args) {
            if (args.length == 0) {
                throw new IllegalStateException("no stack for you");
            }
            Pulumi.run(ctx -> { });
        }
    }

    /** A class without a stack method. */
    public static final class NoStack {
        private NoStack() {
        }
    }

    /**
     * A platform as a platform team writes it: one owner (three caches, a cooldown airlock on
     * PyPI, an internal namespace published from a team's repository, a consumer account granted
     * tokens and repository creation), three teams of three formats joining its domain, with roles
     * of the stack and literal roles of the deploying account and of the consumer account.
     */
    public static final class Platform {
        private Platform() {
        }

        static final String CONSUMER = "444455556666";

        public static void stack(Context ctx) {
            MlDependencyRegistry platform = new MlDependencyRegistry("platform", MlDependencyRegistryArgs.builder()
                    .domainName("ml-platform")
                    .repositoryName("shared")
                    .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:maven-central"),
                            Upstream.externalConnection("public:npmjs"))
                    .cooldown(io.mlregistry.Cooldown.of(java.time.Duration.ofDays(3)))
                    .internalNamespaces(io.mlregistry.InternalNamespace.pypiPrefix("acme-")
                            .publishedFrom("shared", "vision-models"))
                    .tokenAccounts(CONSUMER)
                    .repositoryCreatorAccounts(CONSUMER)
                    .build(), null);
            var ci = new com.pulumi.aws.iam.Role("vision-ci", com.pulumi.aws.iam.RoleArgs.builder()
                    .assumeRolePolicy("{}").build());
            var vision = new MlDependencyRegistry("vision", MlDependencyRegistryArgs.builder()
                    .inDomainOf(platform)
                    .repositoryName("vision-models")
                    .upstreams(Upstream.repositoryOf(platform))
                    .publisherPrincipals(ci.arn())
                    .readerPrincipals("arn:aws:iam::123456789012:role/existing-sagemaker")
                    .build(), null);
            new MlDependencyRegistry("search", MlDependencyRegistryArgs.builder()
                    .inDomainOf(platform)
                    .repositoryName("search-models")
                    .upstreams(Upstream.repositoryOf(platform), Upstream.externalConnection("public:maven-central"))
                    .readerPrincipals("arn:aws:iam::" + CONSUMER + ":role/consumer-builds",
                            "arn:aws:iam::123456789012:role/existing-ci")
                    .build(), null);
            new MlDependencyRegistry("web", MlDependencyRegistryArgs.builder()
                    .inDomainOf(platform)
                    .repositoryName("web-models")
                    .upstreams(Upstream.repositoryOf(vision), Upstream.externalConnection("public:npmjs"))
                    .publisherPrincipals("arn:aws:iam::123456789012:role/existing-web-ci")
                    .build(), null);
        }
    }
}
