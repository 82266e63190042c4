package io.mlregistry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.cloudcontrol.Resource;
import com.pulumi.aws.cloudcontrol.ResourceArgs;
import com.pulumi.aws.codeartifact.Domain;
import com.pulumi.aws.codeartifact.DomainArgs;
import com.pulumi.aws.codeartifact.DomainPermissions;
import com.pulumi.aws.codeartifact.DomainPermissionsArgs;
import com.pulumi.aws.codeartifact.Repository;
import com.pulumi.aws.codeartifact.RepositoryArgs;
import com.pulumi.aws.codeartifact.RepositoryPermissionsPolicy;
import com.pulumi.aws.codeartifact.RepositoryPermissionsPolicyArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.mlregistry.MlDependencyRegistry;
import io.mlregistry.MlDependencyRegistryArgs;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class DeployRuleTest {

    private static StackRecording run(Consumer<Context> program) {
        return StackRecording.run(AwsMocks.create(), program);
    }

    private static MlDependencyRegistryArgs registry(String domain, String repository) {
        return MlDependencyRegistryArgs.builder().domainName(domain).repositoryName(repository).build();
    }

    private static String policy(String principal, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principal + "\"},\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"" + resource + "\"}}";
    }

    @Test
    void checkAll_twoRegistriesOfDistinctNames_findsNothing() {
        StackRecording run = run(ctx -> {
            new MlDependencyRegistry("a", registry("domain-a", "models"), null);
            new MlDependencyRegistry("b", registry("domain-b", "models"), null);
        });

        assertThat(run.exceptions()).isEmpty();
        assertThat(run.deployProblems()).isEmpty();
    }

    @Test
    void uniqueUrn_oneComponentNameTwice_namesTheUrn() {
        // Registries refuse a second name themselves while the program runs (CompositionMistakesTest);
        // other components reach the deploy-time rule.
        StackRecording run = run(ctx -> {
            new com.pulumi.resources.ComponentResource("test:index:Team", "ml", null);
            new com.pulumi.resources.ComponentResource("test:index:Team", "ml", null);
        });

        assertThat(DeployRule.UNIQUE_URN.check(run)).containsExactly(
                "urn (urn:pulumi:stack::project::pulumi:pulumi:Stack$test:index:Team::ml)"
                        + " is registered 2 times; the engine refuses a duplicate URN, give each component a distinct name");
    }

    @Test
    void uniqueDomain_twoRegistriesOfOneDomain_namesBothDomains() {
        // Registries refuse this themselves while the program runs (CompositionTest); domains declared
        // by hand reach the deploy-time rule.
        StackRecording run = run(ctx -> {
            new Domain("a-domain", DomainArgs.builder().domain("ml").build());
            new Domain("b-domain", DomainArgs.builder().domain("ml").build());
        });

        assertThat(DeployRule.UNIQUE_DOMAIN.check(run)).containsExactly(
                "domain (ml) is created by both a-domain and b-domain; a domain name is unique per account and region");
    }

    @Test
    void uniqueDomain_oneNameInTwoRegions_isAllowed() {
        StackRecording run = run(ctx -> {
            var west = new Provider("west", ProviderArgs.builder().region("us-west-2").build());
            new Domain("east-domain", DomainArgs.builder().domain("ml").build());
            new Domain("west-domain", DomainArgs.builder().domain("ml").build(),
                    CustomResourceOptions.builder().provider(west).build());
        });

        assertThat(DeployRule.UNIQUE_DOMAIN.check(run)).isEmpty();
    }

    @Test
    void uniqueRepository_oneNameTwiceInADomain_namesBothRepositories() {
        StackRecording run = run(ctx -> {
            new Repository("first", RepositoryArgs.builder().domain("ml").repository("models").build());
            new Repository("second", RepositoryArgs.builder().domain("ml").repository("models").build());
            new Repository("elsewhere", RepositoryArgs.builder().domain("other").repository("models").build());
        });

        assertThat(DeployRule.UNIQUE_REPOSITORY.check(run)).containsExactly(
                "repository (ml/models) is created by both first and second; a repository name is unique in its domain");
    }

    @Test
    void uniqueKmsAlias_oneAliasTwice_namesBothAliases() {
        StackRecording run = run(ctx -> {
            new Alias("first", AliasArgs.builder().name("alias/ml").targetKeyId("k1").build());
            new Alias("second", AliasArgs.builder().name("alias/ml").targetKeyId("k2").build());
        });

        assertThat(DeployRule.UNIQUE_KMS_ALIAS.check(run)).containsExactly(
                "kms alias (alias/ml) is created by both first and second; an alias name is unique per account and region");
    }

    @Test
    void uniquePackageGroup_onePatternTwiceInADomain_namesBothGroups() {
        String state = "{\"DomainName\":\"ml\",\"Pattern\":\"/pypi//acme-*\"}";
        StackRecording run = run(ctx -> {
            new Resource("first", ResourceArgs.builder().typeName("AWS::CodeArtifact::PackageGroup").desiredState(state).build());
            new Resource("second", ResourceArgs.builder().typeName("AWS::CodeArtifact::PackageGroup").desiredState(state).build());
        });

        assertThat(DeployRule.UNIQUE_PACKAGE_GROUP.check(run)).containsExactly(
                "package group (ml /pypi//acme-*) is created by both first and second; a pattern is unique in its domain");
    }

    @Test
    void oneDomainPolicy_twoPoliciesOnADomain_namesBoth() {
        String document = policy("arn:aws:iam::111122223333:root", "*");
        StackRecording run = run(ctx -> {
            new DomainPermissions("first", DomainPermissionsArgs.builder().domain("ml").policyDocument(document).build());
            new DomainPermissions("second", DomainPermissionsArgs.builder().domain("ml").policyDocument(document).build());
        });

        assertThat(DeployRule.ONE_DOMAIN_POLICY.check(run)).containsExactly(
                "domain policy (ml) is created by both first and second;"
                        + " a domain has one permissions policy and each would replace the other");
    }

    @Test
    void oneRepositoryPolicy_twoPoliciesOnARepository_namesBoth() {
        String document = policy("arn:aws:iam::111122223333:root", "*");
        StackRecording run = run(ctx -> {
            new RepositoryPermissionsPolicy("first", RepositoryPermissionsPolicyArgs.builder()
                    .domain("ml").repository("models").policyDocument(document).build());
            new RepositoryPermissionsPolicy("second", RepositoryPermissionsPolicyArgs.builder()
                    .domain("ml").repository("models").policyDocument(document).build());
        });

        assertThat(DeployRule.ONE_REPOSITORY_POLICY.check(run)).containsExactly(
                "repository policy (ml/models) is created by both first and second;"
                        + " a repository has one permissions policy and each would replace the other");
    }

    @Test
    void onePrivateDnsEndpointPerService_aSecondInTheVpc_namesBoth_endpointsWithoutPrivateDnsDoNot() {
        StackRecording run = run(ctx -> {
            var vpc = new com.pulumi.aws.ec2.Vpc("net", com.pulumi.aws.ec2.VpcArgs.builder().cidrBlock("10.0.0.0/16").build());
            for (String name : new String[] {"mine", "theirs"}) {
                new com.pulumi.aws.ec2.VpcEndpoint(name, com.pulumi.aws.ec2.VpcEndpointArgs.builder().vpcId(vpc.id())
                        .serviceName("com.amazonaws.us-east-1.codeartifact.repositories").vpcEndpointType("Interface")
                        .privateDnsEnabled(true).build());
            }
            new com.pulumi.aws.ec2.VpcEndpoint("plain", com.pulumi.aws.ec2.VpcEndpointArgs.builder().vpcId(vpc.id())
                    .serviceName("com.amazonaws.us-east-1.codeartifact.repositories").vpcEndpointType("Interface")
                    .privateDnsEnabled(false).build());
        });

        assertThat(DeployRule.ONE_PRIVATE_DNS_ENDPOINT_PER_SERVICE.check(run)).containsExactly(
                "VPC endpoint with private DNS (com.amazonaws.us-east-1.codeartifact.repositories in net) is created by "
                        + "both mine and theirs; a VPC takes one endpoint with private DNS per service");
    }

    @Test
    void policyPartition_chinaPrincipalInAwsPolicy_namesThePrincipal() {
        StackRecording run = run(ctx -> {
            new DomainPermissions("mixed", DomainPermissionsArgs.builder().domain("ml")
                    .policyDocument(policy("arn:aws-cn:iam::111122223333:root", "*")).build());
            new Policy("managed", PolicyArgs.builder()
                    .policy(policy("arn:aws:iam::111122223333:root",
                            "arn:aws-us-gov:codeartifact:us-gov-west-1:111122223333:domain/ml")).build());
        });

        assertThat(DeployRule.POLICY_PARTITION.check(run)).containsExactly(
                "policy of managed (partition aws) names arn:aws-us-gov:codeartifact:us-gov-west-1:111122223333:domain/ml;"
                        + " a policy names principals and resources of its own partition only",
                "policyDocument of mixed (partition aws) names arn:aws-cn:iam::111122223333:root;"
                        + " a policy names principals and resources of its own partition only");
    }

    @Test
    void policyPartition_chinaRegistry_findsNothing() {
        StackRecording run = StackRecording.run(AwsMocks.builder().region("cn-north-1").build(), ctx ->
                new MlDependencyRegistry("ml", MlDependencyRegistryArgs.builder().domainName("ml").repositoryName("models")
                        .readerPrincipals("111122223333").build(), null));

        assertThat(run.exceptions()).isEmpty();
        assertThat(DeployRule.POLICY_PARTITION.check(run)).isEmpty();
    }
}
