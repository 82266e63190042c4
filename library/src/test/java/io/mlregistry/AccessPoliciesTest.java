package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyWriter;

/** The policies the component writes, as the engine receives them. */
class AccessPoliciesTest {

    static final String DOMAIN_POLICY = "aws:codeartifact/domainPermissions:DomainPermissions";
    static final String REPOSITORY_POLICY = "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy";
    static final String IAM_POLICY = "aws:iam/policy:Policy";

    private final AwsMocks mocks = AwsMocks.create();

    /** The reference configuration of the golden files: two readers, one publisher, an organization. */
    static MlDependencyRegistryArgs.Builder reference() {
        return MlDependencyRegistryTest.args()
                .readerPrincipals("111122223333", "arn:aws:iam::444455556666:role/sagemaker-execution")
                .publisherPrincipals("arn:aws:iam::123456789012:role/ci-publisher")
                .organizationId("o-a1b2c3d4e5");
    }

    private StackRecording deploy(MlDependencyRegistryArgs args) {
        return StackRecording.run(mocks, ctx -> MlDependencyRegistryTest.exportAll(ctx, new MlDependencyRegistry("ml", args, null)));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = AccessPoliciesTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** The document as sent, pretty-printed the way the golden files are. */
    private static String document(RecordedResource resource, String input) {
        return IamPolicy.fromJson(resource.input(input).orElseThrow())
                .toJson(IamPolicyWriter.builder().prettyPrint(true).build());
    }

    @Test
    void reference_writesEveryPolicyAsTheGoldenFilesSay() throws IOException {
        StackRecording run = deploy(reference().build());

        assertThat(run.exceptions()).isEmpty();
        RecordedResource domainPolicy = run.resource(DOMAIN_POLICY, "ml-domain-policy");
        assertThat(document(domainPolicy, "policyDocument")).isEqualTo(golden("domain-policy.json"));
        assertThat(domainPolicy.inputs()).containsEntry("domain", "ml-platform").containsEntry("domainOwner", "123456789012");
        RecordedResource repositoryPolicy = run.resource(REPOSITORY_POLICY, "ml-repository-policy");
        assertThat(document(repositoryPolicy, "policyDocument")).isEqualTo(golden("repository-policy.json"));
        assertThat(repositoryPolicy.inputs()).containsEntry("domain", "ml-platform")
                .containsEntry("repository", "ml-models").containsEntry("domainOwner", "123456789012");
        assertThat(document(run.resource(IAM_POLICY, "ml-reader-policy"), "policy")).isEqualTo(golden("reader-policy.json"));
        assertThat(document(run.resource(IAM_POLICY, "ml-publisher-policy"), "policy"))
                .isEqualTo(golden("publisher-policy.json"));
    }

    @Test
    void repositoryCreators_mayAddOnlyThePrimaryAsAnUpstream_neverAHeldBackStore() {
        StackRecording run = deploy(MlDependencyRegistryTest.args()
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs"))
                .cooldown(Cooldown.of(java.time.Duration.ofDays(3)))
                .repositoryCreatorAccounts("444455556666")
                .build());

        assertThat(run.exceptions()).isEmpty();
        IamPolicy policy = IamPolicy.fromJson(run.resource(DOMAIN_POLICY, "ml-domain-policy").input("policyDocument").orElseThrow());
        assertThat(policy.statements()).extracting(s -> s.sid())
                .containsExactly("AccountsCreateRepositories", "AccountsAddUpstreams");
        assertThat(policy.statements().get(1).actions()).extracting(a -> a.value())
                .containsExactly("codeartifact:AssociateWithDownstreamRepository");
        assertThat(policy.statements().get(1).resources()).extracting(r -> r.value())
                .containsExactly("arn:aws:codeartifact:us-east-1:123456789012:repository/ml-platform/ml-models");
        assertThat(policy.statements().get(0).actions()).extracting(a -> a.value())
                .doesNotContain("codeartifact:AssociateWithDownstreamRepository");
    }

    @Test
    void reference_sendsDocumentsCompact() {
        StackRecording run = deploy(reference().build());

        assertThat(run.resource(REPOSITORY_POLICY, "ml-repository-policy").input("policyDocument").orElseThrow())
                .startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadersReadPackages\"")
                .doesNotContain("\n");
    }

    @Test
    void policies_areUnprotectedChildrenNamedAfterTheComponent() {
        StackRecording run = deploy(reference().build());
        RecordedResource component = run.resource(MlDependencyRegistry.TYPE, "ml");

        assertThat(run.resources(DOMAIN_POLICY)).hasSize(1);
        assertThat(run.resources(REPOSITORY_POLICY)).hasSize(1);
        assertThat(run.resources(IAM_POLICY)).hasSize(2);
        for (String type : new String[] {DOMAIN_POLICY, REPOSITORY_POLICY, IAM_POLICY}) {
            assertThat(run.resources(type)).allSatisfy(r -> {
                assertThat(r.parentUrn()).contains(component.urn());
                assertThat(r.protect()).isFalse();
            });
        }
    }

    @Test
    void iamPolicies_areDescribedAndTagged() {
        StackRecording run = deploy(reference().tags(Map.of("team", "ml")).build());

        assertThat(run.resource(IAM_POLICY, "ml-reader-policy").inputs())
                .containsEntry("description", "Install packages from CodeArtifact ml-platform/ml-models (mlregistry)")
                .containsEntry("tags", Map.of("team", "ml"));
        assertThat(run.resource(IAM_POLICY, "ml-publisher-policy").inputs())
                .containsEntry("description",
                        "Publish and install packages in CodeArtifact ml-platform/ml-models (mlregistry)")
                .containsEntry("tags", Map.of("team", "ml"));
        assertThat(run.resource(DOMAIN_POLICY, "ml-domain-policy").inputs()).doesNotContainKey("tags");
    }

    @Test
    void outputs_carryThePolicyArns() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            MlDependencyRegistry registry = new MlDependencyRegistry("ml", reference().build(), null);
            ctx.export("readerPolicyArn", registry.readerPolicyArn());
            ctx.export("publisherPolicyArn", registry.publisherPolicyArn());
        });
        String readerName = run.resource(IAM_POLICY, "ml-reader-policy").name();

        assertThat((String) run.outputs().get("readerPolicyArn")).startsWith("arn:aws:iam::123456789012:policy/" + readerName + "-");
        assertThat((String) run.outputs().get("publisherPolicyArn")).startsWith("arn:aws:iam::123456789012:policy/ml-publisher-policy-");
    }

    @Test
    void nobodyGranted_writesNoResourcePolicyButTheIamPolicies() {
        StackRecording run = deploy(MlDependencyRegistryTest.args().build());

        assertThat(run.resources(DOMAIN_POLICY)).isEmpty();
        assertThat(run.resources(REPOSITORY_POLICY)).isEmpty();
        assertThat(run.resources(IAM_POLICY)).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("ml-reader-policy", "ml-publisher-policy");
    }

    @Test
    void createIamPoliciesFalse_writesNoIamPolicyAndNullOutputs() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            MlDependencyRegistry registry = new MlDependencyRegistry("ml", reference().createIamPolicies(false).build(), null);
            ctx.export("readerPolicyArn", registry.readerPolicyArn());
            ctx.export("publisherPolicyArn", registry.publisherPolicyArn());
        });

        assertThat(run.resources(IAM_POLICY)).isEmpty();
        assertThat(run.outputs()).containsEntry("readerPolicyArn", null).containsEntry("publisherPolicyArn", null);
        assertThat(run.resources(REPOSITORY_POLICY)).hasSize(1);
    }

    @Test
    void existingDomain_writesNoDomainPolicy() {
        StackRecording run = deploy(reference().createDomain(false).domainOwner("210987654321").build());

        assertThat(run.resources(DOMAIN_POLICY)).isEmpty();
        assertThat(run.resource(REPOSITORY_POLICY, "ml-repository-policy").inputs())
                .containsEntry("domainOwner", "210987654321");
        assertThat(run.resource(IAM_POLICY, "ml-reader-policy").input("policy").orElseThrow())
                .contains("arn:aws:codeartifact:us-east-1:210987654321:domain/ml-platform")
                .contains("arn:aws:codeartifact:us-east-1:210987654321:package/ml-platform/ml-models/*");
    }

    @Test
    void onlyAnOrganization_grantsItAlone() {
        StackRecording run = deploy(MlDependencyRegistryTest.args().organizationId("o-a1b2c3d4e5").build());

        assertThat(IamPolicy.fromJson(run.resource(DOMAIN_POLICY, "ml-domain-policy").input("policyDocument").orElseThrow())
                .statements()).extracting(s -> s.sid()).containsExactly("OrgGetToken");
        assertThat(IamPolicy.fromJson(run.resource(REPOSITORY_POLICY, "ml-repository-policy").input("policyDocument")
                .orElseThrow()).statements()).extracting(s -> s.sid()).containsExactly("OrgReadPackages");
    }

    @Test
    void accountIds_becomeRootArnsOfTheRegistrysPartition() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Provider china = new Provider("china", ProviderArgs.builder().region("cn-north-1").build());
            new MlDependencyRegistry("ml", MlDependencyRegistryTest.args().readerPrincipals("111122223333").build(),
                    ComponentResourceOptions.builder().provider(china).build());
        });

        assertThat(run.resource(REPOSITORY_POLICY, "ml-repository-policy").input("policyDocument").orElseThrow())
                .contains("\"AWS\":\"arn:aws-cn:iam::111122223333:root\"");
        assertThat(run.resource(IAM_POLICY, "ml-reader-policy").input("policy").orElseThrow())
                .contains("arn:aws-cn:codeartifact:cn-north-1:123456789012:repository/ml-platform/ml-models");
    }

    @Test
    void principalArnsOfAnotherPartition_failBeforeAnyPolicyIsWritten() {
        StackRecording run = StackRecording.run(mocks, ctx -> {
            Provider china = new Provider("china", ProviderArgs.builder().region("cn-north-1").build());
            new MlDependencyRegistry("ml", MlDependencyRegistryTest.args()
                    .readerPrincipals("arn:aws:iam::111122223333:role/reader").build(),
                    ComponentResourceOptions.builder().provider(china).build());
        });

        assertThat(run.exceptions()).extracting(Throwable::getMessage).anySatisfy(m -> assertThat(m).contains(
                "readerPrincipals[0] (arn:aws:iam::111122223333:role/reader) must be in partition aws-cn, the registry's"));
        assertThat(run.resources(REPOSITORY_POLICY)).isEmpty();
        assertThat(run.resources(DOMAIN_POLICY)).isEmpty();
    }
}
