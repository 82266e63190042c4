package io.mlregistry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.testing.AwsMocks;
import io.mlregistry.testing.RecordedResource;
import io.mlregistry.testing.StackRecording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The deployer policy against the table of what pulumi-aws 6.83.0's bundled Terraform provider
 * calls ({@code deployer/pulumi-aws-6.83.0-actions.tsv}): for every configuration of a grid, the
 * component runs on the mock engine, the resource types it registers (with the inputs it sets)
 * select the table's rows, and the policy must grant exactly the union of their actions, each on
 * {@code "*"} only where the table says the action names no resource.
 */
class DeployerActionsTableTest {

    static final String TABLE = "/deployer/pulumi-aws-6.83.0-actions.tsv";
    private static final String ACCOUNT = "123456789012";
    private static final Set<String> PHASES = Set.of("plan", "create", "read", "update", "delete");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern CONDITION = Pattern.compile("always|with:[a-zA-Z]+(=[a-z]+)?|never:.+");
    private static final Pattern SOURCE = Pattern.compile(".*(hashicorp/terraform-provider-aws@([0-9a-f]{40}|index:[0-9]+)"
            + "|pulumi/pulumi-aws@[0-9a-f]{40}|aws/botocore@|aws-cloudformation/|AWS:).*");

    /** What each resource kind of the table is as an ARN of the test's partition, region and account. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("kms:key", "arn:aws:kms:us-east-1:(\\d{12}|\\*):key/.+"),
            Map.entry("kms:alias", "arn:aws:kms:us-east-1:\\d{12}:alias/.+"),
            Map.entry("codeartifact:domain", "arn:aws:codeartifact:us-east-1:\\d{12}:domain/[^/]+"),
            Map.entry("codeartifact:repository", "arn:aws:codeartifact:us-east-1:\\d{12}:repository/[^/]+/[^/]+"),
            Map.entry("codeartifact:upstream", "arn:aws:codeartifact:us-east-1:\\d{12}:repository/[^/]+/[^/]+"),
            Map.entry("codeartifact:package-group", "arn:aws:codeartifact:us-east-1:\\d{12}:package-group/[^/]+/.+"),
            Map.entry("iam:policy", "arn:aws:iam::\\d{12}:policy/.+"),
            Map.entry("iam:role", "arn:aws:iam::\\d{12}:role/.+"),
            Map.entry("states:stateMachine", "arn:aws:states:us-east-1:\\d{12}:stateMachine:[^*].+"),
            Map.entry("states:stateMachine:*", Pattern.quote("arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:*")),
            Map.entry("events:rule", "arn:aws:events:us-east-1:\\d{12}:rule/.+"),
            Map.entry("sqs:queue", "arn:aws:sqs:us-east-1:\\d{12}:[^:*][^:]*"),
            Map.entry("sns:topic", "arn:aws:sns:us-east-1:\\d{12}:[^:*][^:]*"),
            Map.entry("logs:log-group", "arn:aws:logs:us-east-1:\\d{12}:log-group:/aws/vendedlogs/.+"),
            Map.entry("logs:log-group:*", Pattern.quote("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:*")),
            Map.entry("ec2:vpc-endpoint", "arn:aws:ec2:.+"),
            Map.entry("ec2:security-group", "arn:aws:ec2:.+"),
            Map.entry("sagemaker:studio-lifecycle-config", "arn:aws:sagemaker:.+"),
            Map.entry("sagemaker:notebook-instance-lifecycle-config", "arn:aws:sagemaker:.+"));

    /**
     * One row of the table.
     *
     * @param pulumiType the Pulumi type token
     * @param phase when the provider calls it
     * @param action the IAM action
     * @param resource {@code "*"} or a kind of {@link #KINDS}
     * @param condition when the call happens: always, with an input, never for the component
     * @param source where it was read
     */
    record Row(String pulumiType, String terraformType, String phase, String action, String resource, String condition,
            String call, String source) {

        /** Whether the provider makes this call for a resource registered with these inputs. */
        boolean appliesTo(Map<String, Object> inputs) {
            if (condition.equals("always")) {
                return true;
            }
            if (condition.startsWith("never:")) {
                return false;
            }
            String[] input = condition.substring("with:".length()).split("=", 2);
            Object value = inputs.get(input[0]);
            return value != null && (input.length == 1 || input[1].equals(String.valueOf(value)));
        }
    }

    static List<Row> table() throws IOException {
        try (InputStream in = DeployerActionsTableTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            List<Row> rows = new ArrayList<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).toList();
            assertThat(lines.get(0)).isEqualTo("pulumi_type\tterraform_resource\tphase\tiam_action\tresource\tcondition\tcall\tsource");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                assertThat(cells).as(line).hasSize(8);
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]));
            }
            return rows;
        }
    }

    @Test
    void table_everyRow_isWellFormedAndNamesItsSource() throws IOException {
        List<Row> rows = table();

        assertThat(rows).hasSizeGreaterThan(300).allSatisfy(row -> {
            assertThat(row.pulumiType()).as(row.toString()).matches("aws:[a-zA-Z0-9]+/[a-zA-Z0-9]+:[A-Za-z0-9]+");
            assertThat(row.terraformType()).as(row.toString()).startsWith("aws_");
            assertThat(PHASES).as(row.toString()).contains(row.phase());
            assertThat(row.action()).as(row.toString()).matches(ACTION);
            assertThat(row.resource().equals("*") || KINDS.containsKey(row.resource())).as(row.toString()).isTrue();
            assertThat(row.condition()).as(row.toString()).matches(CONDITION);
            assertThat(row.source()).as(row.toString()).matches(SOURCE);
        });
        // One Pulumi type per Terraform type, and the same action never twice in one phase of a type on one kind.
        Map<String, Set<String>> typesByTerraform = rows.stream().collect(Collectors.groupingBy(Row::terraformType,
                Collectors.mapping(Row::pulumiType, Collectors.toSet())));
        assertThat(typesByTerraform.values()).allSatisfy(types -> assertThat(types).hasSize(1));
        assertThat(rows.stream().map(r -> r.pulumiType() + " " + r.phase() + " " + r.action() + " " + r.resource()))
                .doesNotHaveDuplicates();
        // The Cloud Control API's actions carry the cloudformation prefix; there is no cloudcontrol one.
        assertThat(rows).noneMatch(r -> r.action().startsWith("cloudcontrol:"));
    }

    @Test
    void table_holdsTheTypesTheNextStepAdds() throws IOException {
        assertThat(table().stream().map(Row::pulumiType).collect(Collectors.toSet())).contains(
                "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ec2/securityGroup:SecurityGroup",
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig",
                "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration");
    }

    @Test
    void table_validationAtPlanTime_isOnEveryStateMachineOfTheRegion() throws IOException {
        assertThat(table()).filteredOn(r -> r.action().equals("states:ValidateStateMachineDefinition"))
                .singleElement().satisfies(r -> {
                    assertThat(r.phase()).isEqualTo("plan");
                    assertThat(r.resource()).isEqualTo("states:stateMachine:*");
                    assertThat(r.source()).contains("internal/service/sfn/state_machine.go#stateMachineDefinitionValidate");
                });
    }

    /**
     * The configurations of {@code DeployerPolicyTest}'s grid, the cooldown with and without a topic
     * and a key, and {@code WorkloadDeployerPolicyTest}'s private access and lifecycle configurations.
     */
    static Stream<MlDependencyRegistryArgs> configurations() {
        List<MlDependencyRegistryArgs> all = new ArrayList<>(DeployerPolicyTest.grid().toList());
        all.add(MlDependencyRegistryTest.args().cooldown(Cooldown.of(Duration.ofDays(3))).build());
        all.add(MlDependencyRegistryTest.args().tags(Map.of("team", "ml"))
                .upstreams(Upstream.externalConnection("public:pypi"), Upstream.externalConnection("public:npmjs"))
                .cooldown(Cooldown.of(Duration.ofDays(3)).formats("pypi", "npm").notifications(false)
                        .logKmsKeyArn("arn:aws:kms:us-east-1:123456789012:key/k1").logRetentionDays(365))
                .internalNamespaces(InternalNamespace.pypiPrefix("acme-"))
                .readerPrincipals("111122223333")
                .build());
        all.add(MlDependencyRegistryTest.args().createDomain(false).domainOwner("210987654321")
                .upstreams(Upstream.repository("shared"), Upstream.externalConnection("public:pypi")).build());
        // Private access (with and without the S3 gateway endpoint) and the SageMaker lifecycle configurations.
        WorkloadDeployerPolicyTest.configurations().forEach(all::add);
        return all.stream();
    }

    /** The rows of every resource the component registers for these Args, the inputs deciding conditional ones. */
    private static List<Row> rowsFor(MlDependencyRegistryArgs args) throws IOException {
        StackRecording run = StackRecording.run(AwsMocks.create(), ctx -> new MlDependencyRegistry("ml", args, null));
        assertThat(run.exceptions()).isEmpty();
        Map<String, List<Row>> byType = table().stream().collect(Collectors.groupingBy(Row::pulumiType));
        List<Row> rows = new ArrayList<>();
        for (RecordedResource resource : run.resources()) {
            if (!resource.type().startsWith("aws:") || resource.type().startsWith("pulumi:")) {
                continue;
            }
            assertThat(byType).as("the table has the resource type " + resource.type()).containsKey(resource.type());
            byType.get(resource.type()).stream().filter(row -> row.appliesTo(resource.inputs())).forEach(rows::add);
        }
        return rows;
    }

    private static Map<String, Set<String>> resourcesByAction(IamPolicy policy) {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (IamStatement statement : policy.statements()) {
            assertThat(statement.effect().value()).isEqualTo("Allow");
            statement.actions().forEach(action -> statement.resources().forEach(resource ->
                    granted.computeIfAbsent(action.value(), a -> new TreeSet<>()).add(resource.value())));
        }
        return granted;
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void deployerPolicy_grantsExactlyTheActionsTheProviderCalls(MlDependencyRegistryArgs args) throws IOException {
        Set<String> called = rowsFor(args).stream().map(Row::action).collect(Collectors.toCollection(TreeSet::new));
        Set<String> granted = resourcesByAction(IamPolicy.fromJson(
                MlDependencyRegistry.deployerPolicy("ml", args, "aws", "us-east-1", ACCOUNT))).keySet();

        assertThat(difference(called, granted)).as("called by the provider, missing from the policy").isEmpty();
        assertThat(difference(granted, called)).as("granted, but the provider never calls it").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void deployerPolicy_scopesEachActionToTheResourcesTheTableNames(MlDependencyRegistryArgs args) throws IOException {
        Map<String, Set<String>> kinds = new TreeMap<>();
        rowsFor(args).forEach(row -> kinds.computeIfAbsent(row.action(), a -> new TreeSet<>()).add(row.resource()));
        Map<String, Set<String>> granted = resourcesByAction(IamPolicy.fromJson(
                MlDependencyRegistry.deployerPolicy("ml", args, "aws", "us-east-1", ACCOUNT)));

        granted.forEach((action, resources) -> {
            Set<String> expected = kinds.getOrDefault(action, Set.of());
            if (expected.contains("*")) {
                assertThat(resources).as(action).contains("*");
                return;
            }
            assertThat(resources).as(action + " names a resource: never *").doesNotContain("*");
            for (String kind : expected) {
                assertThat(resources).as(action + " on a " + kind).anyMatch(r -> r.matches(KINDS.get(kind)));
            }
            assertThat(resources).as(action).allMatch(r -> expected.stream().anyMatch(kind -> r.matches(KINDS.get(kind))));
        });
    }

    private static Set<String> difference(Collection<String> first, Collection<String> second) {
        Set<String> difference = new TreeSet<>(first);
        difference.removeAll(second);
        return difference;
    }
}
