package io.mlregistry.internal.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The VPC endpoints CodeArtifact needs, as AWS names them in "Create VPC endpoints for
 * CodeArtifact" and "Create the Amazon S3 gateway endpoint": the interface endpoints
 * {@code com.amazonaws.<region>.codeartifact.api} (tokens and the API) and
 * {@code com.amazonaws.<region>.codeartifact.repositories} (package managers), and the gateway
 * endpoint {@code com.amazonaws.<region>.s3} to the asset bucket; and the URLs that reach a
 * repository through an endpoint whose private DNS is off ("Use CodeArtifact from a VPC").
 */
public final class VpcEndpoints {

    /** The interface endpoint for tokens and the CodeArtifact API. */
    public static final String API = "codeartifact.api";
    /** The interface endpoint package managers use. */
    public static final String REPOSITORIES = "codeartifact.repositories";
    /** The gateway endpoint to S3, where package assets are kept. */
    public static final String S3 = "s3";
    /** HTTPS, the only port the endpoints' security group opens. */
    public static final int HTTPS = 443;

    private VpcEndpoints() {
    }

    /** The endpoint service of a region: {@code com.amazonaws.<region>.<service>}. */
    public static String serviceName(String region, String service) {
        return "com.amazonaws." + region + "." + service;
    }

    /**
     * The endpoint's regional DNS name among the names EC2 lists for it: the one that starts with
     * the endpoint's ID and has no Availability Zone, {@code <id>-<suffix>.<service>.<region>.vpce...};
     * the zonal names add {@code -<zone>} to the first label, and with private DNS the service's
     * own names are listed too.
     *
     * @param endpointId the endpoint's ID, {@code vpce-...}
     * @param dnsNames the names of its {@code DnsEntries}
     * @return the regional name, or empty when none starts with the ID
     */
    public static Optional<String> regionalDnsName(String endpointId, List<String> dnsNames) {
        return dnsNames.stream()
                .filter(name -> name.startsWith(endpointId + "-"))
                .min(Comparator.comparingInt((String name) -> name.substring(0, name.indexOf('.')).length())
                        .thenComparing(Comparator.naturalOrder()));
    }

    /**
     * A repository's endpoint through the {@code codeartifact.repositories} endpoint when its
     * private DNS is off, as AWS's template has it:
     * {@code https://<endpoint DNS name>/<format>/d/<domain>-<owner>/<repository>/}. AWS's example
     * ends without the slash; pip needs it, and every repository endpoint CodeArtifact returns ends
     * with one.
     */
    public static String repositoryUrl(String repositoriesDnsName, String domainName, String domainOwner,
            String format, String repository) {
        return "https://" + repositoriesDnsName + "/" + format + "/d/" + domainName + "-" + domainOwner + "/" + repository + "/";
    }

    /** What the AWS CLI's {@code --endpoint-url} takes to call the API through the api endpoint. */
    public static String apiUrl(String apiDnsName) {
        return "https://" + apiDnsName;
    }
}
