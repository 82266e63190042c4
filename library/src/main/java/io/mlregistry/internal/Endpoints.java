package io.mlregistry.internal;

import java.util.Map;

/**
 * CodeArtifact repository endpoints, formed as AWS forms them:
 * {@code https://<domain>-<owner>.d.codeartifact.<region>.<dns suffix>/<format>/<repository>/}.
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
     * The endpoint of one package format of a repository, ending with a slash.
     *
     * @param domainArn the domain's ARN, whose partition and region place the endpoint
     * @param domainName the domain's name
     * @param domainOwner the account owning the domain
     * @param format {@code pypi}, {@code maven}, {@code npm}, ...
     * @param repositoryName the repository's name
     */
    public static String repositoryEndpoint(
            Arn domainArn, String domainName, String domainOwner, String format, String repositoryName) {
        return "https://" + domainName + "-" + domainOwner + ".d.codeartifact." + domainArn.region()
                + "." + dnsSuffix(domainArn.partition()) + "/" + format + "/" + repositoryName + "/";
    }

}
