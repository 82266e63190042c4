package io.mlregistry.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values the offline plan uses where AWS assigns one at deploy time. Each has the shape of the real
 * value, so that the library's own checks (a 12-digit account, a key ARN with a region) pass on
 * it, and is replaced by a {@code <name>} placeholder wherever the plan is printed.
 */
final class Placeholders {

    /** An account ID of the right shape that no AWS account has. */
    static final String ACCOUNT_ID = "000000000000";
    /** A region of the right shape that AWS has none of; its partition is {@code aws}. */
    static final String REGION = "placeholder-region-1";
    /** A KMS key ID of the right shape. */
    static final String KEY_ID = "placeholder-key-id";
    /** The ID of the AWS managed key {@code aws/codeartifact}, when a domain names no key. */
    static final String AWS_MANAGED_KEY_ID = "placeholder-aws-managed-key-id";

    /** The bucket CodeArtifact keeps a domain's package assets in, which differs per region. */
    static final String ASSET_BUCKET = "assets-placeholder-asset-bucket";

    /** EC2 IDs (and an interface endpoint's DNS label), which EC2 assigns at deploy time. */
    private static final java.util.regex.Pattern EC2_ID =
            java.util.regex.Pattern.compile("\\b(vpc|subnet|sg|sgr|rtb|vpce|pl)-[0-9a-f]{17}(-[0-9a-z]{8})?\\b");

    /**
     * The random suffix Pulumi gives an auto-named resource, of a shape IAM and the library accept in
     * a role or policy name, so that a role created in the stack can be named as a principal.
     */
    static final String RANDOM = "random0";

    private static final Map<String, String> SHOWN = new LinkedHashMap<>();

    static {
        SHOWN.put("-" + RANDOM, "-<random>");
        SHOWN.put(AWS_MANAGED_KEY_ID, "<aws-managed-key-id>");
        SHOWN.put(ASSET_BUCKET, "<codeartifact-asset-bucket>");
        SHOWN.put(KEY_ID, "<key-id>");
        SHOWN.put(REGION, "<region>");
        SHOWN.put(ACCOUNT_ID, "<account-id>");
    }

    private Placeholders() {
    }

    /** The text with every placeholder value shown as its {@code <name>}, and EC2 IDs as {@code <vpc-id>}, ... */
    static String show(String text) {
        String shown = text;
        for (Map.Entry<String, String> entry : SHOWN.entrySet()) {
            shown = shown.replace(entry.getKey(), entry.getValue());
        }
        return EC2_ID.matcher(shown).replaceAll("<$1-id>");
    }
}
