package io.mlregistry.internal;

import java.util.Map;

/**
 * CodeArtifact endpoints, formed as AWS forms them: a repository's is the domain's,
 * {@code https://<domain>-<owner>.d.codeartifact.<region>.<dns suffix>/}, then
 * {@code <format>/<repository>/}.
 */
public final class Endpoints {

    /** DNS suffixes of the partitions other than {@code aws}, as the AWS SDKs' partition data gives them. */
    private static final Map<String, String> DNS_SUFFIXES = Map.of(
            "aws-cn", "amazonaws.com.cn",
            "aws-iso", "c2s.ic.gov",
            "aws-iso-b", "sc2s.sgov.gov",
            "aws-iso-e", "cloud.adc-e.uk",
            "aws-iso-f", "csp.hci.ic.gov",
            "aws-eusc", "amazonaws.eu");

    private Endpoints() {
    }

    /** The DNS suffix of a partition; {@code amazonaws.com} for {@code aws}, {@code aws-us-gov} and any other. */
    public static String dnsSuffix(String partition) {
        return DNS_SUFFIXES.getOrDefault(partition, "amazonaws.com");
    }

    /**
     * The domain's endpoint, ending with a slash; a repository's endpoint appends
     * {@code <format>/<repository>/}.
     *
     * @param domainArn the domain's ARN, whose partition and region place the endpoint
     * @param domainName the domain's name
     * @param domainOwner the account owning the domain
     */
    public static String domainEndpoint(Arn domainArn, String domainName, String domainOwner) {
        return "https://" + domainName + "-" + domainOwner + ".d.codeartifact." + domainArn.region()
                + "." + dnsSuffix(domainArn.partition()) + "/";
    }
}
