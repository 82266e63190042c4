package io.mlregistry.internal.privateaccess;

import java.util.List;
import java.util.Optional;

/**
 * What one registry's private access creates, worked out without Pulumi: the endpoints' security
 * group, an ingress rule per source, the two interface endpoints and the S3 gateway endpoint, each
 * named after the component; or, for a registry sharing the endpoints another registry of its domain
 * created in the same VPC, only the ingress rules of its own sources.
 *
 * @param componentName the component's logical name, the prefix of every child's
 * @param repositoryName the primary repository, which the descriptions name
 * @param sharedFrom the registry whose endpoints are shared, when they are
 * @param createsS3GatewayEndpoint whether an S3 gateway endpoint is created
 * @param privateDns whether the interface endpoints have private DNS
 * @param sources the sources that get an ingress rule, in the order given
 */
public record PrivateAccessPlan(String componentName, String repositoryName, Optional<String> sharedFrom,
        boolean createsS3GatewayEndpoint, boolean privateDns, List<Source> sources) {

    public PrivateAccessPlan {
        sources = List.copyOf(sources);
    }

    /** What admits a source in the endpoints' security group. */
    public enum SourceKind {
        /** Members of a security group, {@code allowedSecurityGroupIds}. */
        SECURITY_GROUP,
        /** Addresses of a CIDR block, {@code allowedCidrs}. */
        CIDR
    }

    /**
     * One source admitted on HTTPS.
     *
     * @param kind a security group or a CIDR block
     * @param index its position in {@code allowedSecurityGroupIds} or {@code allowedCidrs}
     */
    public record Source(SourceKind kind, int index) {

        /** The input that names it, such as {@code privateAccess.allowedCidrs[0]}. */
        public String field() {
            return "privateAccess." + (kind == SourceKind.SECURITY_GROUP ? "allowedSecurityGroupIds" : "allowedCidrs")
                    + "[" + index + "]";
        }
    }

    /** Whether this registry creates the endpoints (rather than sharing another registry's). */
    public boolean createsEndpoints() {
        return sharedFrom.isEmpty();
    }

    public String securityGroupLogicalName() {
        return componentName + "-vpce-sg";
    }

    public String apiEndpointLogicalName() {
        return componentName + "-vpce-api";
    }

    public String repositoriesEndpointLogicalName() {
        return componentName + "-vpce-repositories";
    }

    public String s3EndpointLogicalName() {
        return componentName + "-vpce-s3";
    }

    /** Named after the source's list and position: {@code <name>-vpce-from-sg-0}, {@code <name>-vpce-from-cidr-1}. */
    public String ingressLogicalName(Source source) {
        return componentName + "-vpce-from-" + (source.kind() == SourceKind.SECURITY_GROUP ? "sg-" : "cidr-") + source.index();
    }

    /** The security group's description; EC2 allows letters, digits, spaces and {@code ._-:/()#,@[]+=&;{}!$*}. */
    public String securityGroupDescription() {
        return "HTTPS to the CodeArtifact VPC endpoints for " + repositoryName + " (mlregistry)";
    }

    /** An ingress rule's description. */
    public String ingressDescription(Source source) {
        return "HTTPS to CodeArtifact for " + repositoryName + " from " + source.field() + " (mlregistry)";
    }
}
