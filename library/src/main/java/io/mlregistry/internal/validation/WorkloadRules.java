package io.mlregistry.internal.validation;

import com.pulumi.core.Output;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;
import io.mlregistry.internal.plan.RegistryInputs.Workloads;
import io.mlregistry.internal.rules.Network;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of how workloads reach a registry: private access (the VPC, the subnets, the sources
 * admitted, the S3 gateway endpoint), the VPC-endpoint requirement and the SageMaker lifecycle
 * configurations. Each rule on a value is public, so that a value given as an output is checked
 * with the same message when it resolves.
 */
public final class WorkloadRules {

    static final String NO_SOURCE = "privateAccess needs allowedSecurityGroupIds or allowedCidrs: the endpoints' "
            + "security group admits HTTPS from nothing else";
    static final String NO_SUBNET = "privateAccess.subnetIds must name at least one subnet: each interface endpoint "
            + "puts a network interface in every subnet given";
    static final String NO_S3 = "privateAccess needs routeTableIds (an S3 gateway endpoint to CodeArtifact's asset "
            + "bucket is created on them) or existingS3GatewayEndpointId: package managers of every format but Python "
            + "and Swift download package assets from S3";
    static final String BOTH_S3 = "privateAccess sets both routeTableIds and existingS3GatewayEndpointId: give one, "
            + "since a route table takes one S3 gateway endpoint";
    static final String REQUIRE_WITHOUT_ACCESS = "requireVpcEndpoints requires privateAccess: the repository policy "
            + "would deny every read, and there is no VPC endpoint to read through";
    static final String PUBLISHERS_WITHOUT_REQUIRE = "requireVpcEndpointsForPublishers requires requireVpcEndpoints(true)";
    static final String SAGEMAKER_TAG_RULE = "must contain only letters, digits, spaces and _.:/=+-@, as SageMaker "
            + "requires for the lifecycle configurations (or set createSageMakerLifecycleConfigs(false))";
    static final String OPEN_CIDR = "admits every address: name the CIDR blocks of your VPC or of your workloads' "
            + "subnets, or set allowAnyAddress(true)";

    private WorkloadRules() {
    }

    /** Checks the workload inputs of one registry. */
    static void check(RegistryInputs args, Problems problems) {
        Workloads workloads = args.workloads();
        if (workloads.requireVpcEndpoints() && workloads.privateAccess().isEmpty()) {
            problems.addLine(REQUIRE_WITHOUT_ACCESS);
        }
        if (workloads.requireVpcEndpointsForPublishers() && !workloads.requireVpcEndpoints()) {
            problems.addLine(PUBLISHERS_WITHOUT_REQUIRE);
        }
        workloads.privateAccess().ifPresent(access -> privateAccess(access, problems));
        if (workloads.sageMakerLifecycleConfigs() && !args.createIamPolicies()) {
            // With IAM policies the same rule is reported once, as IAM's.
            args.tags().forEach((key, value) -> {
                if (!Rules.hasControlCharacter(key) && !Rules.isIamTagText(key)) {
                    problems.add("tags key", key, SAGEMAKER_TAG_RULE);
                }
                Known.now(value).filter(v -> !v.secret()).map(Known.Value::value).ifPresent(v -> sageMakerTagValue(key, v, problems));
            });
        }
    }

    /** The SageMaker rule of a tag value, for a registry without IAM policies. */
    public static void sageMakerTagValue(String key, String value, Problems problems) {
        if (!Rules.hasControlCharacter(value) && !Rules.isIamTagText(value)) {
            problems.add("tags[" + Problems.show(key) + "]", value, SAGEMAKER_TAG_RULE);
        }
    }

    private static void privateAccess(PrivateAccessInput access, Problems problems) {
        if (access.vpcId() == null) {
            problems.addLine("privateAccess.vpcId is required");
        } else {
            known(access.vpcId()).ifPresent(id -> id("privateAccess.vpcId", "vpc", id, problems));
        }
        if (access.subnetIds().isEmpty()) {
            problems.addLine(NO_SUBNET);
        }
        ids("privateAccess.subnetIds", "subnet", access.subnetIds(), problems);
        if (access.allowedSecurityGroupIds().isEmpty() && access.allowedCidrs().isEmpty()) {
            problems.addLine(NO_SOURCE);
        }
        ids("privateAccess.allowedSecurityGroupIds", "sg", access.allowedSecurityGroupIds(), problems);
        Map<String, String> cidrs = new HashMap<>();
        List<Output<String>> given = access.allowedCidrs();
        for (int i = 0; i < given.size(); i++) {
            String field = "privateAccess.allowedCidrs[" + i + "]";
            Optional<String> cidr = present(field, given.get(i), problems);
            if (cidr.isPresent()) {
                cidr(field, cidr.get(), access.allowAnyAddress(), problems);
                unique(field, cidr.get(), cidrs, problems);
            }
        }
        boolean routeTables = !access.routeTableIds().isEmpty();
        if (routeTables && access.existingS3GatewayEndpointId().isPresent()) {
            problems.addLine(BOTH_S3);
        } else if (!routeTables && access.existingS3GatewayEndpointId().isEmpty()) {
            problems.addLine(NO_S3);
        }
        ids("privateAccess.routeTableIds", "rtb", access.routeTableIds(), problems);
        access.existingS3GatewayEndpointId().flatMap(WorkloadRules::known)
                .ifPresent(id -> id("privateAccess.existingS3GatewayEndpointId", "vpce", id, problems));
    }

    /** The rule of an EC2 ID: {@code <prefix>-} and 8 or 17 hexadecimal digits. */
    public static void id(String field, String prefix, String value, Problems problems) {
        if (!Network.isId(prefix, value)) {
            problems.add(field, value, Network.idRule(prefix));
        }
    }

    /**
     * The rules of a source CIDR block: a block of either family, and not one that admits every
     * address unless that is asked for.
     */
    public static void cidr(String field, String value, boolean allowAnyAddress, Problems problems) {
        if (Network.cidr(value).isEmpty()) {
            problems.add(field, value, "must be an IPv4 or IPv6 CIDR block such as 10.0.0.0/16 or 2001:db8::/56");
        } else if (Network.isOpen(value) && !allowAnyAddress) {
            problems.add(field, value, OPEN_CIDR);
        }
    }

    private static void ids(String list, String prefix, List<Output<String>> values, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String field = list + "[" + i + "]";
            Optional<String> value = present(field, values.get(i), problems);
            if (value.isPresent()) {
                id(field, prefix, value.get(), problems);
                unique(field, value.get(), seen, problems);
            }
        }
    }

    /** An entry's value when known now; a missing entry (the deserializer's null) is reported. */
    private static Optional<String> present(String field, Output<String> value, Problems problems) {
        if (value == null) {
            problems.addLine(field + " is required");
            return Optional.empty();
        }
        return known(value);
    }

    private static void unique(String field, String value, Map<String, String> seen, Problems problems) {
        String first = seen.putIfAbsent(value, field);
        if (first != null) {
            problems.add(field, value, "must differ from " + first);
        }
    }

    private static Optional<String> known(Output<String> value) {
        return Known.now(value).filter(v -> !v.secret()).map(Known.Value::value);
    }
}
