package com.example.mlregistry.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import org.junit.jupiter.api.Test;

class AppTest {

    private final StackRecording run = StackRecording.run(AwsMocks.create(), App::stack);

    @Test
    void stack_createsTheRegistryWithoutErrors() {
        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources("aws:codeartifact/domain:Domain")).extracting(r -> r.inputs().get("domain"))
                .containsExactly("ml-dependencies");
        assertThat(run.resource("aws:codeartifact/repository:Repository", "ml-dependencies-repository").inputs())
                .containsEntry("repository", "ml-models")
                .containsEntry("description", "Repository for ML Model Dependencies");
    }

    @Test
    void stack_breaksNoDeployTimeRule() {
        // What examples/preview checks: nothing that AWS or the engine would refuse at `pulumi up`.
        assertThat(run.deployProblems()).isEmpty();
    }

    @Test
    void stack_protectsTheRepositoriesAndTheDomain() {
        assertThat(run.resources("aws:codeartifact/repository:Repository")).hasSize(2)
                .allSatisfy(r -> assertThat(r.protect()).isTrue());
        assertThat(run.resources("aws:codeartifact/domain:Domain")).allSatisfy(r -> assertThat(r.protect()).isTrue());
    }

    @Test
    void stack_exportsTheOutputsTheOriginalProgramDid() {
        assertThat(run.outputs()).containsOnlyKeys(
                "domain_arn", "domain_name", "repository_arn", "repository_name", "pip_index_url");
        assertThat(run.outputs())
                .containsEntry("domain_name", "ml-dependencies")
                .containsEntry("repository_name", "ml-models")
                .containsEntry("domain_arn", "arn:aws:codeartifact:us-east-1:123456789012:domain/ml-dependencies")
                .containsEntry("pip_index_url",
                        "https://ml-dependencies-123456789012.d.codeartifact.us-east-1.amazonaws.com/pypi/ml-models/simple/");
    }

    @Test
    void stack_encryptsTheDomainWithItsOwnKey() {
        RecordedResource key = run.resource("aws:kms/key:Key", "ml-dependencies-key");
        assertThat(key.inputs()).containsEntry("enableKeyRotation", true);
        assertThat((String) run.resources("aws:codeartifact/domain:Domain").get(0).inputs().get("encryptionKey"))
                .startsWith("arn:aws:kms:us-east-1:123456789012:key/");
    }
}
