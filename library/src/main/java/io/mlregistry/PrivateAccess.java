package io.mlregistry;

import com.google.common.collect.ImmutableList;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.outputs.InputLists;
import io.mlregistry.internal.outputs.Shown;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.privateaccess.Sameness;
import io.mlregistry.internal.privateaccess.SubnetVpcs;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Private access to the registry from one VPC, for ML workloads in private subnets (SageMaker
 * training, processing and Studio in VPC-only mode, CodeBuild in a VPC): the interface endpoints
 * {@code com.amazonaws.<region>.codeartifact.api} and {@code ...codeartifact.repositories} in the
 * subnets given, a security group that admits HTTPS (443) only from the sources named, and an S3
 * gateway endpoint to CodeArtifact's asset bucket on the route tables given (unless the VPC has one
 * already). Each endpoint's policy admits only what readers and publishers do with this domain.
 * Create one with {@link #builder()} and pass it to
 * {@link MlDependencyRegistryArgs.Builder#privateAccess(PrivateAccess)}.
 *
 * <p>Its rules are checked with the registry's Args: a VPC, at least one subnet, at least one
 * source and no source open to every address (unless {@link Builder#allowAnyAddress(boolean)}),
 * route tables or an existing S3 gateway endpoint but not both; IDs of the form EC2 gives them.
 * Values given as outputs of resources are checked with the same rules when they resolve.
 * Registries that join one domain with {@code inDomainOf} and name the same VPC share one set of
 * endpoints: private DNS for a service can be on for only one endpoint per VPC.
 */
public final class PrivateAccess extends ResourceArgs {

    @Import(name = "vpcId", required = true)
    private final Output<String> vpcId;

    @Import(name = "subnetIds")
    private final List<Output<String>> subnetIds;

    @Import(name = "allowedSecurityGroupIds")
    private final List<Output<String>> allowedSecurityGroupIds;

    @Import(name = "allowedCidrs")
    private final List<Output<String>> allowedCidrs;

    @Import(name = "allowAnyAddress")
    private final Boolean allowAnyAddress;

    @Import(name = "routeTableIds")
    private final List<Output<String>> routeTableIds;

    @Import(name = "existingS3GatewayEndpointId")
    private final Output<String> existingS3GatewayEndpointId;

    @Import(name = "privateDns")
    private final Boolean privateDns;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private PrivateAccess() {
        this.vpcId = null;
        this.subnetIds = null;
        this.allowedSecurityGroupIds = null;
        this.allowedCidrs = null;
        this.allowAnyAddress = null;
        this.routeTableIds = null;
        this.existingS3GatewayEndpointId = null;
        this.privateDns = null;
    }

    private PrivateAccess(Builder builder) {
        this.vpcId = builder.vpcId;
        this.subnetIds = builder.subnetIds;
        this.allowedSecurityGroupIds = builder.allowedSecurityGroupIds;
        this.allowedCidrs = builder.allowedCidrs;
        this.allowAnyAddress = builder.allowAnyAddress;
        this.routeTableIds = builder.routeTableIds;
        this.existingS3GatewayEndpointId = builder.existingS3GatewayEndpointId;
        this.privateDns = builder.privateDns;
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The VPC the endpoints are created in.
     *
     * @return the VPC's ID; required
     */
    public Output<String> vpcId() {
        return vpcId;
    }

    /**
     * The subnets the interface endpoints put a network interface in.
     *
     * @return the subnet IDs, in the order given
     */
    public List<Output<String>> subnetIds() {
        return subnetIds != null ? subnetIds : List.of();
    }

    /**
     * The security groups whose members may reach the endpoints.
     *
     * @return the security group IDs, in the order given; empty when none
     */
    public List<Output<String>> allowedSecurityGroupIds() {
        return allowedSecurityGroupIds != null ? allowedSecurityGroupIds : List.of();
    }

    /**
     * The CIDR blocks whose addresses may reach the endpoints.
     *
     * @return the CIDR blocks, in the order given; empty when none
     */
    public List<Output<String>> allowedCidrs() {
        return allowedCidrs != null ? allowedCidrs : List.of();
    }

    /**
     * Whether a CIDR block may admit every address.
     *
     * @return the value given, or {@code false}
     */
    public boolean allowAnyAddress() {
        return allowAnyAddress != null && allowAnyAddress;
    }

    /**
     * The route tables of the S3 gateway endpoint the component creates.
     *
     * @return the route table IDs, in the order given; empty when none
     */
    public List<Output<String>> routeTableIds() {
        return routeTableIds != null ? routeTableIds : List.of();
    }

    /**
     * The S3 gateway endpoint the VPC has already.
     *
     * @return its ID, or empty
     */
    public Optional<Output<String>> existingS3GatewayEndpointId() {
        return Optional.ofNullable(existingS3GatewayEndpointId);
    }

    /**
     * Whether the interface endpoints have private DNS.
     *
     * @return the value given, or {@code true}
     */
    public boolean privateDns() {
        return privateDns == null || privateDns;
    }

    /** This private access as the planner reads it. */
    RegistryInputs.PrivateAccessInput input() {
        return new RegistryInputs.PrivateAccessInput(vpcId, subnetIds(), allowedSecurityGroupIds(), allowedCidrs(),
                allowAnyAddress(), routeTableIds(), existingS3GatewayEndpointId(), privateDns());
    }

    /** Values known now compare by value; outputs of resources only by identity. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PrivateAccess)) {
            return false;
        }
        PrivateAccess that = (PrivateAccess) other;
        return (vpcId == null ? that.vpcId == null : that.vpcId != null && Sameness.same(vpcId, that.vpcId))
                && Sameness.same(subnetIds(), that.subnetIds())
                && Sameness.same(allowedSecurityGroupIds(), that.allowedSecurityGroupIds())
                && Sameness.same(allowedCidrs(), that.allowedCidrs())
                && allowAnyAddress() == that.allowAnyAddress()
                && Sameness.same(routeTableIds(), that.routeTableIds())
                && Sameness.same(existingS3GatewayEndpointId(), that.existingS3GatewayEndpointId())
                && privateDns() == that.privateDns();
    }

    @Override
    public int hashCode() {
        return Objects.hash(vpcId == null ? 0 : Sameness.hash(vpcId), subnetIds().size(), allowedSecurityGroupIds().size(),
                allowedCidrs().size(), allowAnyAddress(), routeTableIds().size(), privateDns());
    }

    /** Values known now as themselves, others as {@code output}; secrets as {@code [secret]}. */
    @Override
    public String toString() {
        return "PrivateAccess{vpcId=" + Shown.of(vpcId)
                + ", subnetIds=" + Shown.of(subnetIds())
                + ", allowedSecurityGroupIds=" + Shown.of(allowedSecurityGroupIds())
                + ", allowedCidrs=" + Shown.of(allowedCidrs())
                + ", allowAnyAddress=" + allowAnyAddress()
                + ", routeTableIds=" + Shown.of(routeTableIds())
                + ", existingS3GatewayEndpointId=" + Shown.of(existingS3GatewayEndpointId)
                + ", privateDns=" + privateDns()
                + "}";
    }

    /**
     * Builds {@link PrivateAccess}. Setters reject {@code null} at once; every other rule is checked
     * when the registry's Args are built. Values other resources supply (a VPC's, a subnet's or a
     * security group's ID) also take an {@link Output}.
     */
    public static final class Builder {
        private Output<String> vpcId;
        private List<Output<String>> subnetIds;
        private List<Output<String>> allowedSecurityGroupIds;
        private List<Output<String>> allowedCidrs;
        private Boolean allowAnyAddress;
        private List<Output<String>> routeTableIds;
        private Output<String> existingS3GatewayEndpointId;
        private Boolean privateDns;

        private Builder() {
        }

        /**
         * The VPC the endpoints are created in. Required. For private DNS, its
         * {@code enableDnsSupport} and {@code enableDnsHostnames} must be on (EC2's requirement).
         * Changing it replaces the endpoints and their security group.
         *
         * @param vpcId {@code vpc-} and 8 or 17 hexadecimal digits
         * @return this builder
         * @throws NullPointerException if {@code vpcId} is null
         */
        public Builder vpcId(String vpcId) {
            return vpcId(Output.of(Objects.requireNonNull(vpcId, "vpcId")));
        }

        /**
         * The VPC, as another resource's output (for example {@code vpc.id()}); same rules as
         * {@link #vpcId(String)}, checked when it resolves.
         *
         * @param vpcId the VPC's ID
         * @return this builder
         * @throws NullPointerException if {@code vpcId} is null
         */
        public Builder vpcId(Output<String> vpcId) {
            this.vpcId = Objects.requireNonNull(vpcId, "vpcId");
            return this;
        }

        /**
         * The subnets each interface endpoint puts a network interface in, replacing any set
         * before: usually one private subnet per Availability Zone the workloads run in (EC2 takes
         * at most one per zone). Required, at least one. Changed in place.
         *
         * @param subnetIds {@code subnet-} IDs, no duplicates
         * @return this builder
         * @throws NullPointerException if the list or an entry is null
         */
        public Builder subnetIds(List<String> subnetIds) {
            this.subnetIds = InputLists.outputsOf(subnetIds, "subnetIds");
            return this;
        }

        /**
         * The subnets; see {@link #subnetIds(List)}.
         *
         * @param subnetIds {@code subnet-} IDs
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        public Builder subnetIds(String... subnetIds) {
            Objects.requireNonNull(subnetIds, "subnetIds");
            return subnetIds(Arrays.asList(subnetIds));
        }

        /**
         * The subnets, as outputs of other resources, replacing any set before; see
         * {@link #subnetIds(List)}. Each value is checked when it resolves.
         *
         * @param subnetIds {@code subnet-} IDs
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        @SafeVarargs
        public final Builder subnetIds(Output<String>... subnetIds) {
            if (subnetIds == null) {
                throw new NullPointerException("subnetIds");
            }
            ImmutableList.Builder<Output<String>> copy = ImmutableList.builder();
            for (int i = 0; i < subnetIds.length; i++) {
                copy.add(Objects.requireNonNull(subnetIds[i], "subnetIds[" + i + "]"));
            }
            this.subnetIds = copy.build();
            return this;
        }

        /**
         * The subnets, as resources of the stack, replacing any set before; see
         * {@link #subnetIds(List)}. Given this way, a subnet of another VPC than {@link #vpcId} is
         * refused once both IDs resolve, before the endpoints are registered.
         *
         * @param subnets the subnets
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        public Builder subnets(Subnet... subnets) {
            Objects.requireNonNull(subnets, "subnets");
            ImmutableList.Builder<Output<String>> ids = ImmutableList.builder();
            for (int i = 0; i < subnets.length; i++) {
                Subnet subnet = Objects.requireNonNull(subnets[i], "subnets[" + i + "]");
                SubnetVpcs.record(subnet.id(), subnet.vpcId());
                ids.add(subnet.id());
            }
            this.subnetIds = ids.build();
            return this;
        }

        /**
         * Adds one subnet, as another resource's output; see {@link #subnetIds(List)}.
         *
         * @param subnetId a {@code subnet-} ID
         * @return this builder
         * @throws NullPointerException if {@code subnetId} is null
         */
        public Builder addSubnetId(Output<String> subnetId) {
            this.subnetIds = InputLists.appended(subnetIds, subnetId, "subnetId");
            return this;
        }

        /**
         * The security groups whose members may reach the endpoints on HTTPS, replacing any set
         * before: the security groups of the SageMaker jobs, Studio domain or CodeBuild projects.
         * This or {@link #allowedCidrs(List)} is required. Changed in place.
         *
         * @param securityGroupIds {@code sg-} IDs, no duplicates
         * @return this builder
         * @throws NullPointerException if the list or an entry is null
         */
        public Builder allowedSecurityGroupIds(List<String> securityGroupIds) {
            this.allowedSecurityGroupIds = InputLists.outputsOf(securityGroupIds, "allowedSecurityGroupIds");
            return this;
        }

        /**
         * The security groups, as outputs of other resources (for example {@code sg.id()}),
         * replacing any set before; see {@link #allowedSecurityGroupIds(List)}.
         *
         * @param securityGroupIds {@code sg-} IDs
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        @SafeVarargs
        public final Builder allowedSecurityGroupIds(Output<String>... securityGroupIds) {
            if (securityGroupIds == null) {
                throw new NullPointerException("allowedSecurityGroupIds");
            }
            ImmutableList.Builder<Output<String>> copy = ImmutableList.builder();
            for (int i = 0; i < securityGroupIds.length; i++) {
                copy.add(Objects.requireNonNull(securityGroupIds[i], "allowedSecurityGroupIds[" + i + "]"));
            }
            this.allowedSecurityGroupIds = copy.build();
            return this;
        }

        /**
         * Adds one security group, as another resource's output; see
         * {@link #allowedSecurityGroupIds(List)}.
         *
         * @param securityGroupId an {@code sg-} ID
         * @return this builder
         * @throws NullPointerException if {@code securityGroupId} is null
         */
        public Builder addAllowedSecurityGroupId(Output<String> securityGroupId) {
            this.allowedSecurityGroupIds = InputLists.appended(allowedSecurityGroupIds, securityGroupId, "securityGroupId");
            return this;
        }

        /**
         * The CIDR blocks whose addresses may reach the endpoints on HTTPS, replacing any set
         * before: the VPC's or the private subnets' blocks. This or
         * {@link #allowedSecurityGroupIds(List)} is required. A block that admits every address
         * ({@code 0.0.0.0/0}, {@code ::/0}) is refused unless {@link #allowAnyAddress(boolean)}.
         * Changed in place.
         *
         * @param cidrs IPv4 or IPv6 CIDR blocks, no duplicates
         * @return this builder
         * @throws NullPointerException if the list or an entry is null
         */
        public Builder allowedCidrs(List<String> cidrs) {
            this.allowedCidrs = InputLists.outputsOf(cidrs, "allowedCidrs");
            return this;
        }

        /**
         * The CIDR blocks; see {@link #allowedCidrs(List)}.
         *
         * @param cidrs IPv4 or IPv6 CIDR blocks
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        public Builder allowedCidrs(String... cidrs) {
            Objects.requireNonNull(cidrs, "allowedCidrs");
            return allowedCidrs(Arrays.asList(cidrs));
        }

        /**
         * Adds one CIDR block, as another resource's output (for example {@code vpc.cidrBlock()});
         * see {@link #allowedCidrs(List)}. Checked when it resolves.
         *
         * @param cidr an IPv4 or IPv6 CIDR block
         * @return this builder
         * @throws NullPointerException if {@code cidr} is null
         */
        public Builder addAllowedCidr(Output<String> cidr) {
            this.allowedCidrs = InputLists.appended(allowedCidrs, cidr, "cidr");
            return this;
        }

        /**
         * Whether a CIDR block may admit every address, {@code 0.0.0.0/0} or {@code ::/0}. Default
         * {@code false}: in a VPC without an internet gateway such a rule admits the whole VPC and
         * everything routed into it, which is rarely what is meant.
         *
         * @param allowAnyAddress whether to allow it
         * @return this builder
         */
        public Builder allowAnyAddress(boolean allowAnyAddress) {
            this.allowAnyAddress = allowAnyAddress;
            return this;
        }

        /**
         * The route tables the component's S3 gateway endpoint (to CodeArtifact's asset bucket, and
         * nothing else) is associated with, replacing any set before: those of the private subnets.
         * A route table takes one S3 gateway endpoint: if the subnets need S3 for other buckets
         * (training data, model artifacts), use {@link #existingS3GatewayEndpointId} instead. This
         * or {@link #existingS3GatewayEndpointId} is required. Changed in place.
         *
         * @param routeTableIds {@code rtb-} IDs, no duplicates
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        public Builder routeTableIds(String... routeTableIds) {
            Objects.requireNonNull(routeTableIds, "routeTableIds");
            this.routeTableIds = InputLists.outputsOf(Arrays.asList(routeTableIds), "routeTableIds");
            return this;
        }

        /**
         * The route tables, as outputs of other resources; see {@link #routeTableIds(String...)}.
         *
         * @param routeTableIds {@code rtb-} IDs
         * @return this builder
         * @throws NullPointerException if the array or an entry is null
         */
        @SafeVarargs
        public final Builder routeTableIds(Output<String>... routeTableIds) {
            if (routeTableIds == null) {
                throw new NullPointerException("routeTableIds");
            }
            ImmutableList.Builder<Output<String>> copy = ImmutableList.builder();
            for (int i = 0; i < routeTableIds.length; i++) {
                copy.add(Objects.requireNonNull(routeTableIds[i], "routeTableIds[" + i + "]"));
            }
            this.routeTableIds = copy.build();
            return this;
        }

        /**
         * Adds one route table, as another resource's output; see {@link #routeTableIds(String...)}.
         *
         * @param routeTableId an {@code rtb-} ID
         * @return this builder
         * @throws NullPointerException if {@code routeTableId} is null
         */
        public Builder addRouteTableId(Output<String> routeTableId) {
            this.routeTableIds = InputLists.appended(routeTableIds, routeTableId, "routeTableId");
            return this;
        }

        /**
         * An S3 gateway endpoint the VPC has already, instead of one created here. Its policy must
         * admit {@code s3:GetObject} on the asset bucket: the registry's
         * {@code s3GatewayEndpointPolicy} output is the statement to add. Absent by default.
         *
         * @param endpointId a {@code vpce-} ID
         * @return this builder
         * @throws NullPointerException if {@code endpointId} is null
         */
        public Builder existingS3GatewayEndpointId(String endpointId) {
            return existingS3GatewayEndpointId(Output.of(Objects.requireNonNull(endpointId, "endpointId")));
        }

        /**
         * An existing S3 gateway endpoint, as another resource's output; see
         * {@link #existingS3GatewayEndpointId(String)}.
         *
         * @param endpointId a {@code vpce-} ID
         * @return this builder
         * @throws NullPointerException if {@code endpointId} is null
         */
        public Builder existingS3GatewayEndpointId(Output<String> endpointId) {
            this.existingS3GatewayEndpointId = Objects.requireNonNull(endpointId, "endpointId");
            return this;
        }

        /**
         * Whether the interface endpoints have private DNS. Default {@code true}: the standard
         * CodeArtifact host names resolve to the endpoints inside the VPC, so {@code aws codeartifact
         * login} and SageMaker's {@code CA_REPOSITORY_ARN} work unchanged. With {@code false}, the
         * registry's client outputs use the endpoints' own host names, the forms AWS documents in
         * "Use CodeArtifact from a VPC", and {@code login} is not offered. A VPC takes one endpoint
         * with private DNS per service. Changed in place.
         *
         * @param privateDns whether to turn private DNS on
         * @return this builder
         */
        public Builder privateDns(boolean privateDns) {
            this.privateDns = privateDns;
            return this;
        }

        /**
         * Builds the private access; its rules are checked with the registry's Args.
         *
         * @return the private access
         */
        public PrivateAccess build() {
            return new PrivateAccess(this);
        }
    }
}
