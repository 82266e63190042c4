package io.mlregistry.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetBucketsTest {

    /** The region form the library accepts wherever it takes a region (the deployer policy's target, KMS key ARNs). */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    @Test
    void regions_areAwsTableInItsOrder() {
        assertThat(AssetBuckets.regions()).containsExactly("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2",
                "eu-west-3", "eu-north-1", "eu-south-1", "eu-central-1", "ap-northeast-1", "ap-southeast-1",
                "ap-southeast-2", "ap-south-1");
    }

    @Test
    void everyRow_isARegionTheLibraryAccepts_withABucketOfAwsForm_inADistinctAccount() {
        Set<String> accounts = new HashSet<>();
        for (String region : AssetBuckets.regions()) {
            assertThat(region).matches(REGION);
            String arn = AssetBuckets.bucketArn(region).orElseThrow();
            assertThat(arn).matches("arn:aws:s3:::assets-[0-9]{12}-" + Pattern.quote(region));
            assertThat(accounts.add(arn.substring("arn:aws:s3:::assets-".length(), "arn:aws:s3:::assets-".length() + 12)))
                    .as("the account of %s is another region's", region).isTrue();
        }
    }

    @Test
    void bucketArn_isAwsValueForTheRegionsOfItsExamples() {
        // AWS's example policy (us-east-1) and its describe-domain example (us-west-2).
        assertThat(AssetBuckets.bucketArn("us-east-1")).contains("arn:aws:s3:::assets-193858265520-us-east-1");
        assertThat(AssetBuckets.bucketArn("us-west-2")).contains("arn:aws:s3:::assets-787052242323-us-west-2");
        assertThat(AssetBuckets.objects("arn:aws:s3:::assets-193858265520-us-east-1"))
                .isEqualTo("arn:aws:s3:::assets-193858265520-us-east-1/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ap-northeast-3", "us-west-1", "cn-north-1", "us-gov-west-1", "placeholder-region-1"})
    void checkListed_regionMissingFromTheTable_isRefusedNamingIt(String region) {
        Problems problems = new Problems();

        AssetBuckets.checkListed("privateAccess: the domain's region", region, problems);

        assertThat(AssetBuckets.bucketArn(region)).isEmpty();
        assertThat(problems.lines()).containsExactly("privateAccess: the domain's region (" + region + ") has no "
                + "CodeArtifact asset bucket in the library's table (us-east-1, us-east-2, us-west-2, eu-west-1, eu-west-2, "
                + "eu-west-3, eu-north-1, eu-south-1, eu-central-1, ap-northeast-1, ap-southeast-1, ap-southeast-2, "
                + "ap-south-1); the S3 gateway endpoint's policy names that bucket: look it up with aws codeartifact "
                + "describe-domain --query domain.s3BucketArn and report the region");
    }

    @Test
    void checkListed_listedRegion_addsNothing() {
        Problems problems = new Problems();
        List.of("us-east-1", "ap-south-1").forEach(region -> AssetBuckets.checkListed("region", region, problems));
        assertThat(problems.isEmpty()).isTrue();
    }
}
