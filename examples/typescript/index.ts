// A platform team's TypeScript stack: a CI role, and the ML registry that lets it publish.
import * as pulumi from "@pulumi/pulumi";
import { MlDependencyRegistry } from "./mlregistry";

// In a real stack this is `new aws.iam.Role(...)` from @pulumi/aws; declared by type token here so
// the example needs no AWS SDK package. Its ARN is known only once the role exists.
class Role extends pulumi.CustomResource {
    public readonly arn!: pulumi.Output<string>;
    constructor(name: string, assumeRolePolicy: string) {
        super("aws:iam/role:Role", name, { assumeRolePolicy, arn: undefined });
    }
}

const ci = new Role("ci", JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" }],
}));

const registry = new MlDependencyRegistry("ml", {
    domainName: "ml-platform",
    repositoryName: "ml-models",
    upstreams: [{ externalConnection: "public:pypi" }],
    tags: { team: "ml-platform", "cost-centre": pulumi.secret("4711") },
    readerPrincipals: ["arn:aws:iam::123456789012:role/sagemaker-execution"],
    publisherPrincipals: [ci.arn],
    internalNamespaces: [{ format: "pypi", namePrefix: "acme-" }],
    deletionProtection: false,
});

// A team's registry in the platform's domain, joined by a typed reference: it takes the domain's
// name and owner from the platform, reuses its PyPI cache, and is created after it.
const vision = new MlDependencyRegistry("vision", {
    inDomainOf: registry,
    repositoryName: "vision-models",
    upstreams: [{ repository: registry.repositoryName }, { externalConnection: "public:pypi" }],
    deletionProtection: false,
});

export const repositoryArn = registry.repositoryArn;
export const pypiIndexUrl = registry.pypiIndexUrl;
export const upstreams = registry.upstreamRepositoryNames;
export const packageGroups = registry.packageGroupPatterns;
export const readerPolicyArn = registry.readerPolicyArn;
export const visionPipIndexUrl = vision.pypiIndexUrl;
