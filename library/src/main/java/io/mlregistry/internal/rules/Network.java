package io.mlregistry.internal.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of the EC2 values private access takes: resource IDs ({@code <prefix>-} and 8 or 17
 * lowercase hexadecimal digits, as EC2 assigns them) and CIDR blocks, IPv4 or IPv6.
 */
public final class Network {

    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern IPV6_CIDR = Pattern.compile("([0-9a-fA-F:]+)/(\\d{1,3})");

    private Network() {
    }

    /** The ID rule of an EC2 resource kind, such as {@code vpc} or {@code sg}. */
    public static String idRule(String prefix) {
        return "must be an EC2 ID " + prefix + "- followed by 8 or 17 hexadecimal digits";
    }

    /** Whether the value is an EC2 ID of the kind, such as {@code vpc-0a1b2c3d4e5f60718}. */
    public static boolean isId(String prefix, String value) {
        return value.matches(Pattern.quote(prefix) + "-([0-9a-f]{8}|[0-9a-f]{17})");
    }

    /** A CIDR block as private access reads it. */
    public enum Cidr {
        /** An IPv4 block, {@code cidrIpv4} of an ingress rule. */
        IPV4,
        /** An IPv6 block, {@code cidrIpv6}. */
        IPV6
    }

    /**
     * The family of a CIDR block.
     *
     * @return the family, or empty when the value is neither an IPv4 block {@code a.b.c.d/n}
     *     (octets 0-255, prefix 0-32) nor an IPv6 block (prefix 0-128)
     */
    public static Optional<Cidr> cidr(String value) {
        Matcher v4 = IPV4_CIDR.matcher(value);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
            return Integer.parseInt(v4.group(5)) <= 32 ? Optional.of(Cidr.IPV4) : Optional.empty();
        }
        Matcher v6 = IPV6_CIDR.matcher(value);
        if (v6.matches() && value.contains(":") && Integer.parseInt(v6.group(2)) <= 128 && isIpv6(v6.group(1))) {
            return Optional.of(Cidr.IPV6);
        }
        return Optional.empty();
    }

    /** Whether a CIDR block admits every address of its family: a prefix of 0. */
    public static boolean isOpen(String cidr) {
        return cidr.endsWith("/0");
    }

    /** At most eight groups of 1-4 hex digits, with at most one {@code ::} standing for the missing ones. */
    private static boolean isIpv6(String address) {
        int compressed = address.indexOf("::");
        if (compressed >= 0 && address.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String[] groups = address.replace("::", ":x:").split(":", -1);
        int count = 0;
        for (String group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            if (!group.equals("x") && !group.matches("[0-9a-fA-F]{1,4}")) {
                return false;
            }
            count += group.equals("x") ? 0 : 1;
        }
        return compressed >= 0 ? count < 8 : count == 8 && !address.startsWith(":") && !address.endsWith(":");
    }
}
