package io.mlregistry.internal.composition;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;
import io.mlregistry.internal.privateaccess.SharedEndpoints;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The ledger's record of what the registries of a domain share beyond repositories: VPC endpoints and the asset bucket. */
class DomainLedgerTest {

    static SharedEndpoints endpoints(String registry) {
        PrivateAccessInput input = new PrivateAccessInput(Output.of("vpc-0a1b2c3d"), List.of(), List.of(), List.of(), false,
                List.of(), Optional.empty(), true);
        return new SharedEndpoints(registry, input, Output.of("vpce-1"), Output.of("vpce-2"), Output.of("a"), Output.of("r"),
                Output.of("sg-1"), Output.of("vpce-3"));
    }

    @Test
    void vpcEndpoints_theFirstRegistryOfAVpcIsShared_byVpc() {
        DomainLedger ledger = new DomainLedger("domain ml-platform");
        SharedEndpoints vision = endpoints("vision");

        ledger.shareVpcEndpoints("vpc-0a1b2c3d", vision);
        ledger.shareVpcEndpoints("vpc-0a1b2c3d", endpoints("nlp"));

        assertThat(ledger.vpcEndpoints("vpc-0a1b2c3d")).containsSame(vision);
        assertThat(ledger.vpcEndpoints("vpc-0b1b2c3d")).isEmpty();
    }

    @Test
    void assetBucket_theFirstRecordedIsKept() {
        DomainLedger ledger = new DomainLedger("domain ml-platform");
        Output<String> bucket = Output.of("arn:aws:s3:::assets-193858265520-us-east-1");

        assertThat(ledger.assetBucket()).isEmpty();
        ledger.shareAssetBucket(bucket);
        ledger.shareAssetBucket(Output.of("arn:aws:s3:::other"));

        assertThat(ledger.assetBucket()).containsSame(bucket);
    }
}
