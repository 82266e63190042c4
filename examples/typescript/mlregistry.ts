// The MlDependencyRegistry class as `pulumi package add` generates it into sdks/mlregistry, reduced
// to what this program uses: a component whose `remote: true` registration makes the Pulumi engine
// send a Construct call to the mlregistry provider. With the Pulumi CLI, import it from the
// generated SDK instead (see README.md).
import * as pulumi from "@pulumi/pulumi";

export type ExternalConnection =
    | "public:npmjs" | "public:pypi" | "public:maven-central" | "public:maven-googleandroid"
    | "public:maven-gradleplugins" | "public:maven-commonsware" | "public:maven-clojars"
    | "public:nuget-org" | "public:ruby-gems-org" | "public:crates-io";

export interface UpstreamArgs {
    externalConnection?: ExternalConnection;
    storeRepositoryName?: string;
    repository?: pulumi.Input<string>;
    ownCache?: boolean;
}

export interface InternalNamespaceArgs {
    format: "pypi" | "npm" | "maven";
    namespace?: string;
    namespacePrefix?: string;
    namePrefix?: string;
    publishRepositories?: string[];
}

export interface MlDependencyRegistryArgs {
    domainName?: pulumi.Input<string>;
    inDomainOf?: pulumi.Input<MlDependencyRegistry>;
    repositoryName: string;
    description?: pulumi.Input<string>;
    upstreams?: UpstreamArgs[];
    createDomain?: boolean;
    domainOwner?: pulumi.Input<string>;
    kmsKeyArn?: pulumi.Input<string>;
    createKmsKey?: boolean;
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    deletionProtection?: boolean;
    readerPrincipals?: pulumi.Input<pulumi.Input<string>[]>;
    publisherPrincipals?: pulumi.Input<pulumi.Input<string>[]>;
    organizationId?: pulumi.Input<string>;
    createIamPolicies?: boolean;
    internalNamespaces?: InternalNamespaceArgs[];
}

export class MlDependencyRegistry extends pulumi.ComponentResource {
    public static readonly __pulumiType = "mlregistry:index:MlDependencyRegistry";

    public readonly domainName!: pulumi.Output<string>;
    public readonly domainArn!: pulumi.Output<string>;
    public readonly repositoryName!: pulumi.Output<string>;
    public readonly repositoryArn!: pulumi.Output<string>;
    public readonly upstreamRepositoryNames!: pulumi.Output<string[]>;
    public readonly kmsKeyArn!: pulumi.Output<string | undefined>;
    public readonly pypiIndexUrl!: pulumi.Output<string>;
    public readonly npmRegistryUrl!: pulumi.Output<string>;
    public readonly readerPolicyArn!: pulumi.Output<string | undefined>;
    public readonly packageGroupPatterns!: pulumi.Output<string[]>;

    constructor(name: string, args: MlDependencyRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        const inputs: pulumi.Inputs = {
            ...args,
            // Outputs are registered as undefined inputs so that the SDK fills them from the state
            // the provider returns, as generated SDKs do.
            domainArn: undefined,
            repositoryArn: undefined,
            upstreamRepositoryNames: undefined,
            pypiIndexUrl: undefined,
            npmRegistryUrl: undefined,
            readerPolicyArn: undefined,
            packageGroupPatterns: undefined,
        };
        super(MlDependencyRegistry.__pulumiType, name, inputs, opts, true);
    }
}
