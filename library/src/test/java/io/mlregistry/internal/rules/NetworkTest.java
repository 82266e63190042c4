package io.mlregistry.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "vpc, vpc-0a1b2c3d, true",
            "vpc, vpc-0a1b2c3d4e5f60718, true",
            "subnet, subnet-0a1b2c3d4e5f60718, true",
            "sg, sg-0a1b2c3d4e5f60718, true",
            "rtb, rtb-0a1b2c3d, true",
            "vpce, vpce-0a1b2c3d4e5f60718, true",
            "vpc, vpc-0a1b2c3, false",
            "vpc, vpc-0a1b2c3d4, false",
            "vpc, vpc-0A1B2C3D, false",
            "vpc, subnet-0a1b2c3d, false",
            "sg, sg-0a1b2c3d4e5f607189, false",
            "vpc, vpc-, false",
            "vpc, 'vpc-0a1b2c3d ', false"})
    void isId_takesThePrefixAnd8Or17LowercaseHexDigits(String prefix, String value, boolean valid) {
        assertThat(Network.isId(prefix, value)).isEqualTo(valid);
    }

    @Test
    void idRule_namesThePrefix() {
        assertThat(Network.idRule("subnet")).isEqualTo("must be an EC2 ID subnet- followed by 8 or 17 hexadecimal digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "0.0.0.0/0", "192.168.1.7/32", "255.255.255.255/32"})
    void cidr_ipv4Blocks(String value) {
        assertThat(Network.cidr(value)).contains(Network.Cidr.IPV4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::/32", "::/0", "2001:db8:0:0:0:0:0:1/128", "fd00::1/64", "1:2:3:4:5:6:7:8/64"})
    void cidr_ipv6Blocks(String value) {
        assertThat(Network.cidr(value)).contains(Network.Cidr.IPV6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.0/16", "a.b.c.d/8", "2001:db8::/129",
            "2001:db8:::/32", "1:2:3:4:5:6:7:8:9/64", "2001::db8::1/64", "12345::/16", ":1:2:3:4:5:6:7/64", "", "/0"})
    void cidr_anythingElse_isNoBlock(String value) {
        assertThat(Network.cidr(value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"0.0.0.0/0, true", "::/0, true", "10.0.0.0/8, false", "2001:db8::/32, false", "10.0.0.0/10, false"})
    void isOpen_aPrefixOfZero(String cidr, boolean open) {
        assertThat(Network.isOpen(cidr)).isEqualTo(open);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.256/8", "::1::/64", "1:2:3:4:5:6:7:8::/64", "::1:2:3:4:5:6:7:8/64"})
    void cidr_aFourthOctetOver255_orAnIpv6AddressTooLongOrTwiceCompressed_isNoBlock(String value) {
        assertThat(Network.cidr(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1/128", "1:2:3:4:5:6:7::/112", "1::/16"})
    void cidr_compressedAtEitherEnd_isABlock(String value) {
        assertThat(Network.cidr(value)).contains(Network.Cidr.IPV6);
    }
}
