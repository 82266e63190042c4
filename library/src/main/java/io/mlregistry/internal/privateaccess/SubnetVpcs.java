package io.mlregistry.internal.privateaccess;

import com.pulumi.core.Output;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The VPC of each subnet given as a resource rather than as an ID, so that a subnet of another VPC
 * is refused when both resolve. Kept beside the value type rather than in it: every field of a
 * value type is a schema input, and a subnet's VPC is not one.
 */
public final class SubnetVpcs {

    /** A subnet's ID output to its VPC's ID output; weakly held, by the ID output's identity. */
    private static final Map<Output<String>, Output<String>> VPCS = Collections.synchronizedMap(new WeakHashMap<>());

    private SubnetVpcs() {
    }

    /**
     * Records the VPC of a subnet.
     *
     * @param subnetId the subnet's {@code id} output
     * @param vpcId the subnet's {@code vpcId} output
     */
    public static void record(Output<String> subnetId, Output<String> vpcId) {
        VPCS.put(subnetId, vpcId);
    }

    /** The VPC of a subnet given as a resource, or empty for a subnet given by its ID. */
    public static Optional<Output<String>> vpcOf(Output<String> subnetId) {
        return Optional.ofNullable(VPCS.get(subnetId));
    }
}
