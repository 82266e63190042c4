package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.provider.internal.infer.ComponentAnalyzer;
import com.pulumi.provider.internal.schema.PackageSpec;
import com.pulumi.provider.internal.schema.ResourceSpec;

import org.junit.jupiter.api.Test;

/**
 * The Args must keep the shape Pulumi's Java component provider host can infer a schema from. The
 * component package in provider/ writes its own schema and reads the wire values itself, but its
 * inputs follow these fields (PackageSchemaTest checks that), and the stock host stays usable for
 * the inputs. This runs the SDK's own analyzer.
 */
class ComponentSchemaTest {

    private final PackageSpec schema = ComponentAnalyzer.generateSchema(MlDependencyRegistry.class);

    @Test
    void schema_namesTheComponentByItsTypeToken() {
        assertThat(schema.getName()).isEqualTo("mlregistry");
        assertThat(schema.getResources()).containsOnlyKeys(MlDependencyRegistry.TYPE);
    }

    @Test
    void schema_hasEveryArgsFieldAsAnInput() {
        ResourceSpec component = schema.getResources().get(MlDependencyRegistry.TYPE);

        assertThat(component.getInputProperties()).containsOnlyKeys(
                "domainName", "repositoryName", "description", "upstreams", "createDomain", "domainOwner",
                "kmsKeyArn", "createKmsKey", "tags", "deletionProtection", "readerPrincipals", "publisherPrincipals",
                "organizationId", "createIamPolicies", "internalNamespaces", "packageGroups", "tokenAccounts",
                "repositoryCreatorAccounts", "additionalDomainPolicyStatements", "additionalRepositoryPolicyStatements",
                "cooldown", "privateAccess", "requireVpcEndpoints", "requireVpcEndpointsForPublishers",
                "createSageMakerLifecycleConfigs");
        assertThat(component.getRequiredInputs()).containsExactly("domainName", "repositoryName");
        // A key ARN usually comes from another resource, so other languages must be able to wire it.
        // Values other resources usually supply must be wireable from other languages.
        for (String wired : java.util.List.of("kmsKeyArn", "domainName", "domainOwner", "description", "organizationId")) {
            assertThat(component.getInputProperties().get(wired).getPlain()).as(wired).isNull();
        }
        for (String wired : java.util.List.of("readerPrincipals", "publisherPrincipals", "tokenAccounts")) {
            assertThat(component.getInputProperties().get(wired).getItems().getPlain()).as(wired).isNull();
        }
        assertThat(component.getInputProperties().get("tags").getAdditionalProperties().getPlain()).isNull();
        assertThat(component.getInputProperties().get("upstreams").getItems().getRef())
                .isEqualTo("#/types/mlregistry:index:Upstream");
        assertThat(component.getInputProperties().get("privateAccess").getRef())
                .isEqualTo("#/types/mlregistry:index:PrivateAccess");
    }

    @Test
    void schema_describesTheNestedTypes() {
        assertThat(schema.getTypes()).containsOnlyKeys("mlregistry:index:Upstream", "mlregistry:index:InternalNamespace",
                "mlregistry:index:PackageGroup", "mlregistry:index:OriginRestriction", "mlregistry:index:Cooldown",
                "mlregistry:index:PrivateAccess");
        var privateAccess = schema.getTypes().get("mlregistry:index:PrivateAccess");
        assertThat(privateAccess.getProperties()).containsOnlyKeys("vpcId", "subnetIds", "allowedSecurityGroupIds",
                "allowedCidrs", "allowAnyAddress", "routeTableIds", "existingS3GatewayEndpointId", "privateDns");
        // IDs usually come from other resources: other languages must be able to wire them.
        assertThat(privateAccess.getProperties().get("vpcId").getPlain()).isNull();
        for (String wired : java.util.List.of("subnetIds", "allowedSecurityGroupIds", "allowedCidrs", "routeTableIds")) {
            assertThat(privateAccess.getProperties().get(wired).getItems().getPlain()).as(wired).isNull();
        }
        assertThat(schema.getTypes().get("mlregistry:index:Cooldown").getProperties())
                .containsOnlyKeys("duration", "formats", "notifications", "logRetentionDays", "logKmsKeyArn");
        // A key may come from another resource: other languages must be able to wire it.
        assertThat(schema.getTypes().get("mlregistry:index:Cooldown").getProperties().get("logKmsKeyArn").getPlain()).isNull();
        assertThat(schema.getTypes().get("mlregistry:index:Upstream").getProperties())
                .containsOnlyKeys("externalConnection", "storeRepositoryName", "repository", "ownCache");
        assertThat(schema.getTypes().get("mlregistry:index:InternalNamespace").getProperties())
                .containsOnlyKeys("format", "namespace", "namespacePrefix", "namePrefix", "publishRepositories");
        assertThat(schema.getTypes().get("mlregistry:index:PackageGroup").getProperties())
                .containsOnlyKeys("pattern", "description", "publish", "externalUpstream", "internalUpstream");
        assertThat(schema.getTypes().get("mlregistry:index:OriginRestriction").getProperties())
                .containsOnlyKeys("mode", "repositories");
    }

    // The outputs are not @Export fields (see MlDependencyRegistry), so the analyzer infers none:
    // the component package's own schema declares them (provider/, PackageSchemaTest).
}
