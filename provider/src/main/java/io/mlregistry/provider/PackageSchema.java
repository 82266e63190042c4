package io.mlregistry.provider;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mlregistry.MlDependencyRegistry;

import java.util.List;

/**
 * The Pulumi package schema of mlregistry: what {@code pulumi package add} reads to generate the
 * Python, TypeScript, Go, C# and YAML SDKs. Written here rather than inferred, so that every
 * input, output and type has a description (the first sentence of the Javadoc of the Java API it
 * stands for), closed value sets are enums, and outputs that are always set are required.
 * {@code PackageSchemaTest} checks that this table names exactly the {@code @Import} fields of
 * the Java Args classes and the component's public {@code Output} accessors.
 */
public final class PackageSchema {

    /** The package name, the first part of every type token. */
    public static final String PACKAGE = "mlregistry";

    private static final String TYPES = "#/types/" + PACKAGE + ":index:";

    private PackageSchema() {
    }

    /**
     * The schema as JSON text.
     *
     * @param version the package version, from the POM
     * @return the schema, pretty-printed with a trailing newline
     */
    public static String json(String version) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(schema(version)) + "\n";
    }

    /**
     * The schema.
     *
     * @param version the package version, from the POM
     * @return the schema
     */
    public static JsonObject schema(String version) {
        JsonObject schema = new JsonObject();
        schema.addProperty("name", PACKAGE);
        schema.addProperty("displayName", "mlregistry");
        schema.addProperty("version", version);
        schema.addProperty("description", "A private, KMS-encrypted AWS CodeArtifact registry for ML dependencies, as one component.");
        schema.add("keywords", strings("aws", "codeartifact", "machine-learning", "kind/component", "category/cloud"));
        schema.addProperty("homepage", "https://github.com/mlregistry/mlregistry");
        schema.addProperty("license", "Apache-2.0");
        schema.addProperty("repository", "https://github.com/mlregistry/mlregistry");
        schema.addProperty("publisher", "The mlregistry maintainers");
        JsonObject resources = new JsonObject();
        resources.add(MlDependencyRegistry.TYPE, registry());
        schema.add("resources", resources);
        JsonObject types = new JsonObject();
        types.add(PACKAGE + ":index:Upstream", upstream());
        types.add(PACKAGE + ":index:InternalNamespace", internalNamespace());
        types.add(PACKAGE + ":index:PackageGroup", packageGroup());
        types.add(PACKAGE + ":index:OriginRestriction", originRestriction());
        types.add(PACKAGE + ":index:Cooldown", cooldown());
        types.add(PACKAGE + ":index:PrivateAccess", privateAccess());
        types.add(PACKAGE + ":index:ExternalConnection", enumType(
                "A public registry a store repository connects to (a CodeArtifact external connection).",
                "public:npmjs", "public:pypi", "public:maven-central", "public:maven-googleandroid",
                "public:maven-gradleplugins", "public:maven-commonsware", "public:maven-clojars",
                "public:nuget-org", "public:ruby-gems-org", "public:crates-io"));
        types.add(PACKAGE + ":index:PackageFormat", enumType(
                "The package format of an internal namespace.", "pypi", "npm", "maven"));
        types.add(PACKAGE + ":index:CooldownFormat", enumType(
                "A package format a cooldown airlock can hold back: one a CodeArtifact external connection serves.",
                io.mlregistry.internal.airlock.Airlock.AIRLOCK_FORMATS.toArray(String[]::new)));
        types.add(PACKAGE + ":index:OriginRestrictionMode", enumType(
                "How package versions matching a package group may enter repositories by one route.",
                "ALLOW", "BLOCK", "INHERIT", "ALLOW_SPECIFIC_REPOSITORIES"));
        schema.add("types", types);
        JsonObject language = new JsonObject();
        JsonObject nodejs = new JsonObject();
        nodejs.addProperty("packageName", "@mlregistry/mlregistry");
        nodejs.addProperty("respectSchemaVersion", true);
        language.add("nodejs", nodejs);
        JsonObject python = new JsonObject();
        python.addProperty("packageName", "pulumi_mlregistry");
        python.addProperty("respectSchemaVersion", true);
        language.add("python", python);
        JsonObject java = new JsonObject();
        java.addProperty("basePackage", "io.mlregistry.sdk");
        language.add("java", java);
        schema.add("language", language);
        return schema;
    }

    private static JsonObject registry() {
        JsonObject resource = new JsonObject();
        resource.addProperty("description", "A private AWS CodeArtifact registry for ML dependencies: a KMS-encrypted domain, "
                + "the primary repository ML teams install from and publish to, and the upstream chain to public registries.");
        resource.addProperty("isComponent", true);
        JsonObject inputs = new JsonObject();
        inputs.add("domainName", string("The CodeArtifact domain to create, or to attach to with createDomain false; "
                + "2-50 characters matching [a-z][a-z0-9-]{0,48}[a-z0-9]; changing it replaces the domain and every repository in it."));
        inputs.add("repositoryName", plain(string("The primary repository, which ML teams install from and publish to; "
                + "2-100 characters matching [A-Za-z0-9][A-Za-z0-9._-]{1,99}; changing it replaces the repository.")));
        inputs.add("description", string("The primary repository's description, at most 1000 characters without "
                + "control characters; default Repository for ML Model Dependencies."));
        inputs.add("upstreams", plain(array(ref("Upstream"), "The upstream chain, in search order, at most 10: external "
                + "connections (each held by a store repository the component creates) and existing repositories of the "
                + "same domain; default [public:pypi], an empty list for none. A store the cooldown airlock holds back is "
                + "not an upstream of the primary repository.")));
        inputs.add("createDomain", plain(bool("Whether to create the domain (true, the default) or attach the repositories "
                + "to an existing domain named by domainName.")));
        inputs.add("domainOwner", string("The account that owns an existing domain, for a domain in another account; 12 digits."));
        inputs.add("kmsKeyArn", string("A symmetric KMS key the caller brings to encrypt the domain, as a key ARN "
                + "arn:<partition>:kms:<region>:<account>:key/<key id> (aliases and bare key IDs are refused: CodeArtifact "
                + "stores the key ARN); only with createDomain true."));
        inputs.add("createKmsKey", plain(bool("Whether to create a customer-managed KMS key (symmetric, yearly rotation, "
                + "30-day deletion window) and an alias alias/codeartifact/<domainName>; default true when the domain is "
                + "created and no kmsKeyArn is given; false with no key means the AWS-managed key.")));
        JsonObject tags = new JsonObject();
        tags.addProperty("type", "object");
        JsonObject tagValue = new JsonObject();
        tagValue.addProperty("type", "string");
        tags.add("additionalProperties", tagValue);
        tags.addProperty("description", "Tags for every taggable child resource, at most 50; keys 1-128 characters "
                + "without the aws: prefix, values at most 256 characters, no control characters.");
        inputs.add("tags", tags);
        inputs.add("deletionProtection", plain(bool("Whether the KMS key, the domain, every repository and the cooldown "
                + "airlock's log group are Pulumi-protected, so that no update or destroy can delete them, and the packages "
                + "or logs in them, by accident; default true.")));
        inputs.add("readerPrincipals", array(stringType(), "The principals that may install packages: IAM role or user "
                + "ARNs, account IDs or account root ARNs; each may be another resource's output."));
        inputs.add("publisherPrincipals", array(stringType(), "The principals that may publish packages, and install "
                + "them: IAM role or user ARNs, account IDs or account root ARNs; each may be another resource's output."));
        inputs.add("organizationId", string("An AWS Organization whose principals may all install packages, under a "
                + "StringEquals aws:PrincipalOrgID condition."));
        inputs.add("createIamPolicies", plain(bool("Whether to create two IAM managed policies to attach to roles in the "
                + "deploying account: a reader policy and a publisher policy; default true.")));
        inputs.add("internalNamespaces", plain(array(ref("InternalNamespace"), "Package names that belong to your "
                + "organization, each guarded by a package group that blocks the public registries for those names.")));
        inputs.add("packageGroups", plain(array(ref("PackageGroup"), "Raw package groups, created as given, for origin "
                + "controls that internalNamespaces does not cover.")));
        inputs.add("tokenAccounts", array(stringType(), "Accounts whose principals may get an authorization token for "
                + "the domain: the consumer accounts of a central domain."));
        inputs.add("repositoryCreatorAccounts", array(stringType(), "Accounts that may create repositories in the domain "
                + "and make the primary repository, and no other, an upstream of theirs."));
        inputs.add("additionalDomainPolicyStatements", plain(array(stringType(), "Your own IAM policy statements (JSON "
                + "objects), added after the component's to the domain policy.")));
        inputs.add("additionalRepositoryPolicyStatements", plain(array(stringType(), "Your own IAM policy statements "
                + "(JSON objects), added after the component's to the primary repository's policy.")));
        inputs.add("cooldown", plain(ref("Cooldown", "A cooldown airlock (experimental): new versions from a public "
                + "registry reach the primary repository only after waiting this long in their store; absent by default.")));
        inputs.add("privateAccess", plain(ref("PrivateAccess", "Private access from a VPC: the CodeArtifact interface "
                + "endpoints, their security group and an S3 gateway endpoint, each with a least-privilege policy; absent by "
                + "default.")));
        inputs.add("requireVpcEndpoints", plain(bool("Whether the primary repository's policy denies reads that do not "
                + "come through this registry's VPC endpoints; default false. It locks out every reader outside the VPC, "
                + "CI on the internet included; publishers are exempt unless requireVpcEndpointsForPublishers.")));
        inputs.add("requireVpcEndpointsForPublishers", plain(bool("Whether requireVpcEndpoints applies to publishers too, "
                + "denying their reads and publishing outside the endpoints; default false.")));
        inputs.add("createSageMakerLifecycleConfigs", plain(bool("Whether to create SageMaker lifecycle configurations "
                + "(Studio JupyterLab and Code Editor, and notebook instances) that point pip at the primary repository; "
                + "default false.")));
        JsonObject owner = new JsonObject();
        owner.addProperty("$ref", "#/resources/" + MlDependencyRegistry.TYPE);
        owner.addProperty("description", "Another MlDependencyRegistry of the same program whose domain this one joins: "
                + "the domain's name and owner come from it, its stores are reused, and createDomain becomes false; not "
                + "together with domainName, domainOwner or createDomain true.");
        inputs.add("inDomainOf", owner);
        resource.add("inputProperties", inputs);
        resource.add("requiredInputs", strings("repositoryName"));

        JsonObject outputs = new JsonObject();
        outputs.add("domainName", string("The CodeArtifact domain's name."));
        outputs.add("domainArn", string("The domain's ARN; for an existing domain, formed from the repository's ARN."));
        outputs.add("domainOwner", string("The account that owns the domain."));
        outputs.add("repositoryName", string("The primary repository's name."));
        outputs.add("repositoryArn", string("The primary repository's ARN."));
        outputs.add("upstreamRepositoryNames", array(stringType(), "The primary repository's upstreams, in search order: "
                + "store repositories and existing repositories alike."));
        outputs.add("kmsKeyArn", string("The ARN of the key that encrypts the domain: the key created here or the one "
                + "brought; unset for the AWS-managed key and for an existing domain."));
        outputs.add("pypiIndexUrl", string("The index URL for pip, ending in simple/."));
        outputs.add("pypiUploadUrl", string("The URL twine uploads to: the PyPI repository endpoint, pypiIndexUrl without simple/."));
        outputs.add("mavenRepositoryUrl", string("The Maven repository URL."));
        outputs.add("npmRegistryUrl", string("The npm registry URL."));
        outputs.add("readerPolicyArn", string("The ARN of the IAM managed policy that lets a role install packages; "
                + "unset when createIamPolicies is false."));
        outputs.add("publisherPolicyArn", string("The ARN of the IAM managed policy that lets a role publish and install "
                + "packages; unset when createIamPolicies is false."));
        outputs.add("packageGroupPatterns", array(stringType(), "The patterns of the package groups created, internal "
                + "namespaces first, in the order given."));
        outputs.add("packageGroupArns", array(stringType(), "The ARNs of the package groups created, in the order of "
                + "packageGroupPatterns."));
        outputs.add("cooldownStoreUrls", array(stringType(), "The endpoints of the store repositories the cooldown "
                + "airlock holds back, where new public versions enter; empty without a cooldown."));
        outputs.add("cooldownTopicArn", string("The ARN of the SNS topic told of every promotion and every failed one; "
                + "null without a cooldown or without notifications."));
        outputs.add("pipConf", string("pip.conf for the primary repository, the token left as ${CODEARTIFACT_AUTH_TOKEN} "
                + "for envsubst to fill in; through the VPC endpoint when private DNS is off."));
        outputs.add("uvIndex", string("uv's [[tool.uv.index]] table for pyproject.toml: the primary repository as the "
                + "default index, named codeartifact, with its publish URL."));
        outputs.add("uvEnvironment", string("The export lines of the variables uv reads the index's credentials from: "
                + "UV_INDEX_CODEARTIFACT_USERNAME and UV_INDEX_CODEARTIFACT_PASSWORD."));
        outputs.add("npmrc", string(".npmrc for the primary repository; npm expands ${CODEARTIFACT_AUTH_TOKEN} itself."));
        outputs.add("mavenSettings", string("Maven's settings.xml: the server codeartifact with the token from the "
                + "environment, and an active profile with the repository."));
        outputs.add("pypirc", string("twine's .pypirc with the repository codeartifact; twine reads the password from "
                + "TWINE_PASSWORD."));
        outputs.add("loginCommands", stringMap("The aws codeartifact login command of each tool it configures (pip, twine, "
                + "npm); empty when private DNS is off."));
        outputs.add("authorizationTokenCommand", string("The command that sets CODEARTIFACT_AUTH_TOKEN from aws codeartifact "
                + "get-authorization-token; through the api endpoint when private DNS is off."));
        outputs.add("sageMakerEnvironment", stringMap("The environment of a SageMaker job that installs its requirements.txt "
                + "from the primary repository: CA_REPOSITORY_ARN."));
        outputs.add("dualStackUrls", stringMap("The dual-stack (IPv4 and IPv6) URLs by key: pypi (pip's index), pypiUpload, "
                + "maven and npm; empty outside the aws partition."));
        outputs.add("vpcUrls", stringMap("The URLs through the codeartifact.repositories endpoint, keyed as dualStackUrls, "
                + "when private DNS is off; empty otherwise."));
        outputs.add("vpcEndpointIds", stringMap("The VPC endpoints' IDs by key: api, repositories and s3; empty without "
                + "private access."));
        outputs.add("vpcEndpointDnsNames", stringMap("The interface endpoints' regional DNS names by key: api and "
                + "repositories; empty without private access."));
        outputs.add("vpcEndpointSecurityGroupId", string("The security group of the interface endpoints; unset without "
                + "private access."));
        outputs.add("s3GatewayEndpointPolicy", string("The S3 gateway endpoint's policy (s3:GetObject on the region's "
                + "CodeArtifact asset bucket), or the statement an existing endpoint's policy needs; unset without private "
                + "access."));
        outputs.add("studioLifecycleConfigArns", stringMap("The Studio lifecycle configurations' ARNs by app type "
                + "(JupyterLab, CodeEditor); empty without createSageMakerLifecycleConfigs."));
        outputs.add("notebookLifecycleConfigName", string("The notebook-instance lifecycle configuration's name; unset "
                + "without createSageMakerLifecycleConfigs."));
        resource.add("properties", outputs);
        JsonArray required = new JsonArray();
        ComponentState.OUTPUTS.forEach(output -> {
            if (!OPTIONAL_OUTPUTS.contains(output)) {
                required.add(output);
            }
        });
        resource.add("required", required);
        return resource;
    }

    /** Outputs whose value is null in some configurations; every other output is always set. */
    static final List<String> OPTIONAL_OUTPUTS = List.of("kmsKeyArn", "readerPolicyArn", "publisherPolicyArn",
            "cooldownTopicArn", "vpcEndpointSecurityGroupId", "s3GatewayEndpointPolicy", "notebookLifecycleConfigName");

    private static JsonObject upstream() {
        JsonObject properties = new JsonObject();
        properties.add("externalConnection", plain(ref("ExternalConnection",
                "The external connection to a public registry, such as public:pypi; set this or repository.")));
        properties.add("storeRepositoryName", plain(string("The name of the store repository that holds the external "
                + "connection; default the connection without public: and with -store (public:pypi gives pypi-store), or "
                + "<repositoryName>-pypi-store and the like in a registry joining another's domain. Changing it replaces "
                + "the store and deletes the packages cached in it.")));
        properties.add("repository", string("An existing repository of the same domain, searched in its place in the "
                + "chain; only with createDomain false or in a registry joining another's domain; set this or "
                + "externalConnection."));
        properties.add("ownCache", plain(bool("Whether the store, named by storeRepositoryName, is a cache of this "
                + "registry's own even where the domain already caches the connection: a second cache said to be "
                + "deliberate; default false.")));
        return objectType("One entry of the primary repository's upstream chain: either an external connection to a "
                + "public registry, held by a store repository the component creates, or an existing repository of the "
                + "same domain.", properties);
    }

    private static JsonObject internalNamespace() {
        JsonObject properties = new JsonObject();
        properties.add("format", plain(ref("PackageFormat", "The package format: pypi, npm or maven.")));
        properties.add("namespace", plain(string("The exact namespace: the npm scope without @, or the Maven group ID.")));
        properties.add("namespacePrefix", plain(string("The namespace prefix (Maven group ID prefix).")));
        properties.add("namePrefix", plain(string("The package name prefix (PyPI).")));
        properties.add("publishRepositories", plain(array(stringType(), "The repositories allowed to publish, when "
                + "not the primary repository.")));
        JsonObject type = objectType("Package names that belong to your organization: {format: pypi, namePrefix}, "
                + "{format: npm, namespace}, {format: maven, namespace} or {format: maven, namespacePrefix}.", properties);
        type.add("required", strings("format"));
        return type;
    }

    private static JsonObject packageGroup() {
        JsonObject properties = new JsonObject();
        properties.add("pattern", plain(string("The package group pattern, which is also its identity in the domain, "
                + "such as /pypi//acme-~.")));
        properties.add("description", plain(string("The group's description, at most 1000 characters.")));
        properties.add("publish", plain(ref("OriginRestriction", "Who may publish versions of matching packages; "
                + "inherited by default.")));
        properties.add("externalUpstream", plain(ref("OriginRestriction", "Whether matching packages may come from "
                + "public registries; inherited by default.")));
        properties.add("internalUpstream", plain(ref("OriginRestriction", "Whether matching packages may come from "
                + "other repositories of the domain; inherited by default.")));
        JsonObject type = objectType("A raw CodeArtifact package group: a pattern and its origin controls, for needs "
                + "that internalNamespaces does not cover.", properties);
        type.add("required", strings("pattern"));
        return type;
    }

    private static JsonObject originRestriction() {
        JsonObject properties = new JsonObject();
        properties.add("mode", plain(ref("OriginRestrictionMode", "The restriction mode: ALLOW, BLOCK, "
                + "ALLOW_SPECIFIC_REPOSITORIES or INHERIT.")));
        properties.add("repositories", plain(array(stringType(), "The repositories allowed with "
                + "ALLOW_SPECIFIC_REPOSITORIES.")));
        JsonObject type = objectType("How package versions matching a package group may enter repositories by one "
                + "route: publishing, an external upstream or an internal upstream.", properties);
        type.add("required", strings("mode"));
        return type;
    }

    private static JsonObject cooldown() {
        JsonObject properties = new JsonObject();
        properties.add("duration", plain(string("How long a new public version waits in its store repository before it "
                + "is copied to the primary repository, as ISO-8601 text such as P3D: a whole number of seconds from "
                + "1 hour to 364 days.")));
        properties.add("formats", plain(array(ref("CooldownFormat"), "The package formats held back; pypi by default.")));
        properties.add("notifications", plain(bool("Whether an SNS topic is told of promotions and failures; true by "
                + "default.")));
        JsonObject retention = new JsonObject();
        retention.addProperty("type", "integer");
        retention.addProperty("description", "How many days the workflow's CloudWatch Logs group keeps its events: one of "
                + "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653, "
                + "or 0 to keep them forever; 90 by default.");
        properties.add("logRetentionDays", plain(retention));
        properties.add("logKmsKeyArn", string("A symmetric KMS key, as a key ARN, that encrypts the workflow's log group "
                + "instead of CloudWatch Logs' own encryption; its key policy must let logs.<region>.amazonaws.com use it."));
        JsonObject type = objectType("A cooldown airlock (experimental): new versions from a public registry reach the "
                + "primary repository only after waiting in their store, enforced by EventBridge and Step Functions; the "
                + "workflow logs its errors to a CloudWatch Logs group of its own.",
                properties);
        type.add("required", strings("duration"));
        return type;
    }

    private static JsonObject privateAccess() {
        JsonObject properties = new JsonObject();
        properties.add("vpcId", string("The VPC the endpoints are created in: vpc- and 8 or 17 hexadecimal digits."));
        properties.add("subnetIds", array(stringType(), "The subnets each interface endpoint puts a network interface in, "
                + "at least one, one per Availability Zone."));
        properties.add("allowedSecurityGroupIds", array(stringType(), "The security groups whose members may reach the "
                + "endpoints on HTTPS."));
        properties.add("allowedCidrs", array(stringType(), "The CIDR blocks whose addresses may reach the endpoints on "
                + "HTTPS; none open to every address unless allowAnyAddress."));
        properties.add("allowAnyAddress", plain(bool("Whether a CIDR block may admit every address (0.0.0.0/0, ::/0); "
                + "default false.")));
        properties.add("routeTableIds", array(stringType(), "The route tables of the S3 gateway endpoint created to "
                + "CodeArtifact's asset bucket; this or existingS3GatewayEndpointId."));
        properties.add("existingS3GatewayEndpointId", string("An S3 gateway endpoint the VPC has already, instead of one "
                + "created here; its policy must admit the asset bucket."));
        properties.add("privateDns", plain(bool("Whether the interface endpoints have private DNS; default true.")));
        JsonObject type = objectType("Private access to the registry from one VPC: the CodeArtifact interface endpoints, "
                + "their security group and an S3 gateway endpoint, each with a least-privilege policy.", properties);
        type.add("required", strings("vpcId"));
        return type;
    }

    private static JsonObject objectType(String description, JsonObject properties) {
        JsonObject type = new JsonObject();
        type.addProperty("description", description);
        type.addProperty("type", "object");
        type.add("properties", properties);
        return type;
    }

    private static JsonObject enumType(String description, String... values) {
        JsonObject type = new JsonObject();
        type.addProperty("description", description);
        type.addProperty("type", "string");
        JsonArray cases = new JsonArray();
        for (String value : values) {
            JsonObject item = new JsonObject();
            item.addProperty("value", value);
            item.addProperty("name", enumName(value));
            cases.add(item);
        }
        type.add("enum", cases);
        return type;
    }

    /** {@code public:maven-central} becomes {@code PublicMavenCentral}, {@code ALLOW_SPECIFIC_REPOSITORIES} {@code AllowSpecificRepositories}. */
    static String enumName(String value) {
        StringBuilder name = new StringBuilder();
        for (String part : value.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static JsonObject string(String description) {
        JsonObject property = stringType();
        property.addProperty("description", description);
        return property;
    }

    private static JsonObject stringType() {
        JsonObject property = new JsonObject();
        property.addProperty("type", "string");
        return property;
    }

    private static JsonObject stringMap(String description) {
        JsonObject property = new JsonObject();
        property.addProperty("type", "object");
        property.add("additionalProperties", stringType());
        property.addProperty("description", description);
        return property;
    }

    private static JsonObject bool(String description) {
        JsonObject property = new JsonObject();
        property.addProperty("type", "boolean");
        property.addProperty("description", description);
        return property;
    }

    private static JsonObject array(JsonObject items, String description) {
        JsonObject property = new JsonObject();
        property.addProperty("type", "array");
        property.add("items", items);
        property.addProperty("description", description);
        return property;
    }

    private static JsonObject ref(String type) {
        JsonObject property = new JsonObject();
        property.addProperty("$ref", TYPES + type);
        return property;
    }

    private static JsonObject ref(String type, String description) {
        JsonObject property = ref(type);
        property.addProperty("description", description);
        return property;
    }

    private static JsonObject plain(JsonObject property) {
        property.addProperty("plain", true);
        return property;
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
