package io.mlregistry.internal.rules;

import java.util.Objects;

/**
 * The parts of an ARN, {@code arn:<partition>:<service>:<region>:<account>:<resource>}. The
 * component reads the partition, region and account from the ARNs AWS returns instead of calling
 * an invoke, which would stall a preview and cost a round trip.
 *
 * @param partition such as {@code aws} or {@code aws-cn}
 * @param service such as {@code codeartifact}
 * @param region such as {@code us-east-1}; empty for global services
 * @param account the 12-digit account ID; empty for some services
 * @param resource everything after the account, such as {@code domain/ml-platform}
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(resource, "resource");
    }

    /**
     * Parses an ARN.
     *
     * @throws IllegalArgumentException if the value has fewer than six colon-separated parts or
     *     does not start with {@code arn:}
     */
    public static Arn parse(String arn) {
        Objects.requireNonNull(arn, "arn");
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            throw new IllegalArgumentException("arn (" + Problems.show(arn)
                    + ") must have the form arn:<partition>:<service>:<region>:<account>:<resource>");
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /**
     * The CodeArtifact domain a domain's, repository's or package's ARN names: the first name after
     * the resource's kind ({@code domain/<d>}, {@code repository/<d>/<r>}, {@code package/<d>/...}).
     *
     * @return the domain's name
     */
    public String domainName() {
        String path = resource.substring(resource.indexOf('/') + 1);
        int end = path.indexOf('/');
        return end < 0 ? path : path.substring(0, end);
    }

    /**
     * The ARN of the CodeArtifact domain this ARN names: same partition, region and owner.
     *
     * @return {@code arn:<partition>:codeartifact:<region>:<owner>:domain/<domain>}
     */
    public Arn domain() {
        return new Arn(partition, "codeartifact", region, account, "domain/" + domainName());
    }

    /**
     * The ARN of a repository of the CodeArtifact domain this ARN names.
     *
     * @param repository the repository's name, or {@code *} for every repository of the domain
     * @return {@code arn:<partition>:codeartifact:<region>:<owner>:repository/<domain>/<repository>}
     */
    public Arn repository(String repository) {
        return new Arn(partition, "codeartifact", region, account, "repository/" + domainName() + "/" + repository);
    }

    @Override
    public String toString() {
        return String.join(":", "arn", partition, service, region, account, resource);
    }
}
