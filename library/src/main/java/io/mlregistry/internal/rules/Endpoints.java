package io.mlregistry.internal.rules;

import java.util.Map;
import java.util.Optional;

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

    /**
     * A repository's endpoint for one package format, as {@code GetRepositoryEndpoint} returns it
     * ({@code endpointType} {@code ipv4}, the default): the domain's endpoint, then
     * {@code <format>/<repository>/}. For PyPI this is also the URL twine uploads to, as AWS's
     * twine page sets {@code TWINE_REPOSITORY_URL} to it.
     *
     * @param domainEndpoint the domain's endpoint, ending with a slash
     * @param format a package format, such as {@code pypi}
     * @param repository the repository's name
     */
    public static String repositoryEndpoint(String domainEndpoint, String format, String repository) {
        return domainEndpoint + format + "/" + repository + "/";
    }

    /**
     * The domain's dual-stack (IPv4 and IPv6) endpoint, ending with a slash, for the {@code aws}
     * partition: {@code https://<domain>-<owner>.codeartifact.<region>.on.aws/}, without the
     * {@code .d.} of the IPv4 host. AWS's Cargo guide names {@code codeartifact.<region>.on.aws} for
     * dual-stack; clarityai-eng/codeartifact-gradle-plugin PR 822 and jmkeyes/keyrings.codeartifact
     * PR 36 report this host form from live domains. No source gives the form of another
     * partition.
     *
     * @return the endpoint, or empty outside the {@code aws} partition
     */
    public static Optional<String> dualStackDomainEndpoint(Arn domainArn, String domainName, String domainOwner) {
        if (!domainArn.partition().equals("aws")) {
            return Optional.empty();
        }
        return Optional.of("https://" + domainName + "-" + domainOwner + ".codeartifact." + domainArn.region() + ".on.aws/");
    }

    /**
     * The index URL pip reads: the PyPI repository endpoint with {@code simple/} appended, as
     * AWS's pip page configures {@code index-url}.
     */
    public static String pypiIndexUrl(String domainEndpoint, String repository) {
        return repositoryEndpoint(domainEndpoint, "pypi", repository) + "simple/";
    }
}
