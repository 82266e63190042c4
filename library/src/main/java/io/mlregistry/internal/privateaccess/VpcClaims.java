package io.mlregistry.internal.privateaccess;

import io.mlregistry.internal.rules.Problems;

import java.util.HashMap;
import java.util.Map;

/**
 * The VPCs in which the registries of one running program create CodeArtifact endpoints with
 * private DNS, by VPC ID once the IDs resolve. Private DNS associates a private hosted zone for the
 * service's own names with the VPC, so EC2 refuses a second endpoint with private DNS for the same
 * service in the same VPC ("there is already a conflicting DNS domain"); this refuses it while the
 * program runs, naming both registries. The Pulumi layer keeps one per deployment.
 */
public final class VpcClaims {

    private final Map<String, String> creators = new HashMap<>();

    /** Starts the claims of one program, with none yet. */
    public VpcClaims() {
    }

    /**
     * Records that a registry creates endpoints with private DNS in a VPC; reports another registry
     * that already does.
     *
     * @param vpcId the VPC's ID, resolved
     * @param registry the registry's name (the problems it adds to name it, as {@code Problems.of} does)
     * @param problems where a clash goes
     */
    public synchronized void claim(String vpcId, String registry, Problems problems) {
        String first = creators.putIfAbsent(vpcId, registry);
        if (first != null && !first.equals(registry)) {
            problems.add("privateAccess.vpcId", vpcId, "already has CodeArtifact endpoints "
                    + "with private DNS, created by registry " + first + "; a VPC takes one endpoint with private DNS per "
                    + "service, so a second fails at deploy: share registry " + first + "'s by joining its domain "
                    + "(inDomainOf) with the same vpcId, or set privateDns(false) on one of them");
        }
    }
}
