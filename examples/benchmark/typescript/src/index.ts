// Declares N hand-written CodeArtifact registries (6 resources each) on Pulumi's mock engine and
// prints how many resources the mocks saw. Nothing reaches AWS.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const PRINCIPAL = "arn:aws:iam::111122223333:root";

const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

let registered = 0;

// Mirrors the attributes AWS computes, formed as io.mlregistry.testing.AwsMocks forms them, so
// the per-resource work matches the Java benchmark's mock engine.
const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
        registered++;
        const inputs = args.inputs;
        const state: Record<string, any> = { ...inputs };
        switch (args.type) {
            case "aws:kms/key:Key": {
                const keyId = `${args.name}-key-id`;
                state.keyId = keyId;
                state.arn = arn("kms", `key/${keyId}`);
                return { id: keyId, state };
            }
            case "aws:codeartifact/domain:Domain":
                state.arn = arn("codeartifact", `domain/${inputs.domain}`);
                state.owner = ACCOUNT;
                return { id: state.arn, state };
            case "aws:codeartifact/repository:Repository":
                state.arn = arn("codeartifact", `repository/${inputs.domain}/${inputs.repository}`);
                state.domainOwner = ACCOUNT;
                return { id: state.arn, state };
            case "aws:codeartifact/domainPermissions:DomainPermissions":
                state.resourceArn = arn("codeartifact", `domain/${inputs.domain}`);
                return { id: state.resourceArn, state };
            case "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy":
                state.resourceArn = arn("codeartifact", `repository/${inputs.domain}/${inputs.repository}`);
                return { id: state.resourceArn, state };
            default:
                return { id: `${args.name}-id`, state };
        }
    },
    call: () => ({}),
};

// Resource policies name no ARN ("Resource": "*"), as the library's own policies do, so the
// documents are plain strings and add no Output plumbing to the measurement.
const policy = (sid: string, action: string) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: sid, Effect: "Allow", Principal: { AWS: PRINCIPAL }, Action: action, Resource: "*" }],
    });
const DOMAIN_POLICY = policy("GetToken", "codeartifact:GetAuthorizationToken");
const REPOSITORY_POLICY = policy("Read", "codeartifact:ReadFromRepository");

function registry(i: number): pulumi.CustomResource[] {
    const p = `reg${i}`;
    const key = new aws.kms.Key(`${p}-key`, {
        description: `CodeArtifact domain key for bench-${i}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
    });
    const domain = new aws.codeartifact.Domain(`${p}-domain`, {
        domain: `bench-${i}`,
        encryptionKey: key.arn,
    });
    const store = new aws.codeartifact.Repository(`${p}-store`, {
        repository: "pypi-store",
        domain: domain.domain,
        externalConnections: { externalConnectionName: "public:pypi" },
    });
    const primary = new aws.codeartifact.Repository(`${p}-repo`, {
        repository: "ml-models",
        domain: domain.domain,
        upstreams: [{ repositoryName: store.repository }],
        description: "Repository for ML Model Dependencies",
    });
    const domainPolicy = new aws.codeartifact.DomainPermissions(`${p}-domain-policy`, {
        domain: domain.domain,
        policyDocument: DOMAIN_POLICY,
    });
    const repoPolicy = new aws.codeartifact.RepositoryPermissionsPolicy(`${p}-repo-policy`, {
        domain: domain.domain,
        repository: primary.repository,
        policyDocument: REPOSITORY_POLICY,
    });
    return [key, domain, store, primary, domainPolicy, repoPolicy];
}

async function main(): Promise<void> {
    const n = Number(process.argv[2] ?? "200");
    if (!Number.isInteger(n) || n < 1) {
        throw new Error(`N must be a positive integer, got ${process.argv[2]}`);
    }
    await pulumi.runtime.setMocks(mocks, "bench", "bench");

    const resources: pulumi.CustomResource[] = [];
    for (let i = 0; i < n; i++) {
        resources.push(...registry(i));
    }
    // An id resolves only once the mock has answered that resource's registration.
    await new Promise<unknown>((resolve) => pulumi.all(resources.map((r) => r.id)).apply(resolve));

    console.log(`registered=${registered}`);
    // Exit explicitly so a lingering event loop can never pad the wall time; Pulumi's exit hook
    // still runs its promise-leak check.
    process.exit(registered === 6 * n ? 0 : 1);
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
