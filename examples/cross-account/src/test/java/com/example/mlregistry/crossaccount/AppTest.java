package com.example.mlregistry.crossaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.StackRecording;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppTest {

    /** This stack deploys from account 444455556666 into the domain of account 111122223333. */
    private final StackRecording run = StackRecording.run(AwsMocks.builder().accountId("444455556666").build(), App::stack);

    @Test
    void stack_createsNoDomainAndNoKey() {
        assertThat(run.exceptions()).isEmpty();
        assertThat(run.resources("aws:codeartifact/domain:Domain")).isEmpty();
        assertThat(run.resources("aws:kms/key:Key")).isEmpty();
        assertThat(run.resources("aws:codeartifact/domainPermissions:DomainPermissions")).isEmpty();
    }

    @Test
    void repository_goesIntoTheOwnersDomain_searchingShared() {
        assertThat(run.resource("aws:codeartifact/repository:Repository", "research-repository").inputs())
                .containsEntry("domain", "ml-platform")
                .containsEntry("domainOwner", "111122223333")
                .containsEntry("repository", "research-models")
                .containsEntry("upstreams", List.of(Map.of("repositoryName", "shared")));
        assertThat(run.resources("aws:codeartifact/repository:Repository")).hasSize(1);
    }

    @Test
    void outputs_useTheOwnersAccount() {
        assertThat(run.outputs())
                .containsEntry("domain_owner", "111122223333")
                .containsEntry("repository_arn",
                        "arn:aws:codeartifact:us-east-1:111122223333:repository/ml-platform/research-models")
                .containsEntry("pip_index_url",
                        "https://ml-platform-111122223333.d.codeartifact.us-east-1.amazonaws.com/pypi/research-models/simple/");
    }

    @Test
    void iamPolicies_areInThisAccount_grantingTheOwnersDomain() {
        assertThat((String) run.outputs().get("reader_policy_arn")).startsWith("arn:aws:iam::444455556666:policy/");
        assertThat(run.resource("aws:iam/policy:Policy", "research-reader-policy").input("policy").orElseThrow())
                .contains("arn:aws:codeartifact:us-east-1:111122223333:domain/ml-platform");
    }

    @Test
    void owner_grantsTheConsumerAccountTokensAndRepositoryCreation() {
        StackRecording owner = StackRecording.run(AwsMocks.builder().accountId("111122223333").build(), App::owner);

        assertThat(owner.exceptions()).isEmpty();
        String policy = owner.resource("aws:codeartifact/domainPermissions:DomainPermissions", "platform-domain-policy")
                .input("policyDocument").orElseThrow();
        assertThat(policy).contains("\"Sid\":\"AccountsGetToken\"", "\"Sid\":\"AccountsCreateRepositories\"",
                "codeartifact:CreateRepository", "codeartifact:AssociateWithDownstreamRepository",
                "arn:aws:iam::444455556666:root");
        assertThat(owner.outputs()).containsEntry("domain_owner", "111122223333");
    }
}
