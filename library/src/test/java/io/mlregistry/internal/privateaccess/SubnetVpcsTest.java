package io.mlregistry.internal.privateaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;

import org.junit.jupiter.api.Test;

class SubnetVpcsTest {

    @Test
    void vpcOf_aSubnetGivenAsAResource_isItsVpc_bySubnetIdentity() {
        Output<String> subnet = Output.of("subnet-0a1b2c3d");
        Output<String> vpc = Output.of("vpc-0a1b2c3d");

        SubnetVpcs.record(subnet, vpc);

        assertThat(SubnetVpcs.vpcOf(subnet)).containsSame(vpc);
        assertThat(SubnetVpcs.vpcOf(Output.of("subnet-0a1b2c3d"))).isEmpty();
    }
}
