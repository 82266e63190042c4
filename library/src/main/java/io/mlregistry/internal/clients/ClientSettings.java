package io.mlregistry.internal.clients;

import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Endpoints;
import io.mlregistry.internal.rules.VpcEndpoints;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a client finds one registry's primary repository: the domain and its owner, the region,
 * the repository, and the host it reaches it at. Without private access, or with private DNS on
 * the endpoints, that is the repository's own endpoint; with private DNS off, clients in the VPC
 * reach the repository through the {@code codeartifact.repositories} endpoint's DNS name and the
 * API through the {@code codeartifact.api} endpoint's.
 *
 * @param domainArn the domain's ARN, which carries partition, region, owner and name
 * @param repositoryName the primary repository
 * @param repositoryArn the primary repository's ARN
 * @param vpc the endpoints' DNS names, when clients must use them (private DNS off)
 */
public record ClientSettings(String domainArn, String repositoryName, String repositoryArn, Optional<VpcHosts> vpc) {

    static final String PYPI = "pypi";

    /**
     * The regional DNS names of the endpoints, when private DNS is off.
     *
     * @param apiDnsName the {@code codeartifact.api} endpoint's
     * @param repositoriesDnsName the {@code codeartifact.repositories} endpoint's
     */
    public record VpcHosts(String apiDnsName, String repositoriesDnsName) {
        public VpcHosts {
            Objects.requireNonNull(apiDnsName, "apiDnsName");
            Objects.requireNonNull(repositoriesDnsName, "repositoriesDnsName");
        }
    }

    public ClientSettings {
        Objects.requireNonNull(domainArn, "domainArn");
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(repositoryArn, "repositoryArn");
        Objects.requireNonNull(vpc, "vpc");
    }

    private Arn domain() {
        return Arn.parse(domainArn);
    }

    public String domainName() {
        return domain().domainName();
    }

    public String domainOwner() {
        return domain().account();
    }

    public String region() {
        return domain().region();
    }

    /** A repository URL clients use for one format, ending with a slash. */
    public String repositoryUrl(String format) {
        if (vpc.isPresent()) {
            return VpcEndpoints.repositoryUrl(vpc.get().repositoriesDnsName(), domainName(), domainOwner(), format,
                    repositoryName);
        }
        return Endpoints.repositoryEndpoint(Endpoints.domainEndpoint(domain(), domainName(), domainOwner()), format,
                repositoryName);
    }

    /** pip's index URL: the PyPI repository URL and {@code simple/}. */
    public String pypiIndexUrl() {
        return repositoryUrl(PYPI) + "simple/";
    }

    /** The URL the AWS CLI's {@code --endpoint-url} takes, when private DNS is off. */
    public Optional<String> apiEndpointUrl() {
        return vpc.map(hosts -> VpcEndpoints.apiUrl(hosts.apiDnsName()));
    }

    /**
     * The URLs clients in the VPC use when private DNS is off, keyed {@code pypi} (pip's index),
     * {@code pypiUpload} (twine's), {@code maven} and {@code npm}.
     *
     * @return the URLs, or empty when clients use the repository's own host
     */
    public Map<String, String> vpcUrls() {
        return vpc.isPresent() ? urls(this::repositoryUrl) : Map.of();
    }

    /**
     * The dual-stack URLs, keyed as {@link #vpcUrls()}, on the repository's own host.
     *
     * @return the URLs, or empty outside the {@code aws} partition
     */
    public Map<String, String> dualStackUrls() {
        return Endpoints.dualStackDomainEndpoint(domain(), domainName(), domainOwner())
                .map(endpoint -> urls(format -> Endpoints.repositoryEndpoint(endpoint, format, repositoryName)))
                .orElse(Map.of());
    }

    private static Map<String, String> urls(Function<String, String> repositoryUrl) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put(PYPI, repositoryUrl.apply(PYPI) + "simple/");
        urls.put("pypiUpload", repositoryUrl.apply(PYPI));
        urls.put("maven", repositoryUrl.apply("maven"));
        urls.put("npm", repositoryUrl.apply("npm"));
        return urls;
    }
}
