package io.mlregistry.internal.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The S3 bucket that holds the package assets of a region's CodeArtifact domains, as AWS lists it
 * in "Create the Amazon S3 gateway endpoint", section "Minimum Amazon S3 bucket permissions for AWS
 * CodeArtifact" (https://docs.aws.amazon.com/codeartifact/latest/ug/create-s3-gateway-endpoint.html).
 * The bucket's account differs in every region, so no pattern derives it. The rows are those of
 * AWS's guide as archived in {@code awsdocs/aws-codeartifact-user-guide} (last content commit
 * {@code 40d7f1a}, January 2023); the live page agrees as far as it could be read
 * ({@code ap-southeast-1}). A region missing here is refused where the library needs the bucket and
 * cannot ask the domain itself ({@code describe-domain} returns its {@code s3BucketArn}).
 */
public final class AssetBuckets {

    /** The bucket's account by region, in the order of AWS's table. */
    private static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("us-east-1", "193858265520");
        ACCOUNTS.put("us-east-2", "250872398865");
        ACCOUNTS.put("us-west-2", "787052242323");
        ACCOUNTS.put("eu-west-1", "438097961670");
        ACCOUNTS.put("eu-west-2", "247805302724");
        ACCOUNTS.put("eu-west-3", "762466490029");
        ACCOUNTS.put("eu-north-1", "611884512288");
        ACCOUNTS.put("eu-south-1", "484130244270");
        ACCOUNTS.put("eu-central-1", "769407342218");
        ACCOUNTS.put("ap-northeast-1", "660291247815");
        ACCOUNTS.put("ap-southeast-1", "421485864821");
        ACCOUNTS.put("ap-southeast-2", "860415559748");
        ACCOUNTS.put("ap-south-1", "681137435769");
    }

    private AssetBuckets() {
    }

    /** The regions of the table, in AWS's order. */
    public static List<String> regions() {
        return List.copyOf(ACCOUNTS.keySet());
    }

    /**
     * The asset bucket of a region, {@code arn:aws:s3:::assets-<account>-<region>}.
     *
     * @return the bucket's ARN, or empty for a region the table does not list
     */
    public static Optional<String> bucketArn(String region) {
        String account = ACCOUNTS.get(region);
        return account == null ? Optional.empty() : Optional.of("arn:aws:s3:::assets-" + account + "-" + region);
    }

    /** The objects of a bucket, as a policy's {@code Resource} names them: {@code <bucket ARN>/*}. */
    public static String objects(String bucketArn) {
        return bucketArn + "/*";
    }

    /** The problem of a region the table does not list. */
    public static void checkListed(String field, String region, Problems problems) {
        if (!ACCOUNTS.containsKey(region)) {
            problems.add(field, region, "has no CodeArtifact asset bucket in the library's table (" + String.join(", ",
                    ACCOUNTS.keySet()) + "); the S3 gateway endpoint's policy names that bucket: look it up with "
                    + "aws codeartifact describe-domain --query domain.s3BucketArn and report the region");
        }
    }
}
