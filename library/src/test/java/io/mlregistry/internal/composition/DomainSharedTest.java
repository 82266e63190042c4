package io.mlregistry.internal.composition;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;
import io.mlregistry.internal.privateaccess.SharedEndpoints;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * What the registries of a domain share beyond repositories, as private access uses it: the VPC
 * endpoints one registry created, by VPC, and the asset bucket the domain reports; and what every
 * registry of the program shares, whatever its domain.
 */
class DomainSharedTest {

    private static final Shared<SharedEndpoints> ENDPOINTS = new Shared<>("VPC endpoints");
    private static final Shared<Output<String>> BUCKET = new Shared<>("asset bucket");

    static SharedEndpoints endpoints(String registry) {
        PrivateAccessInput input = new PrivateAccessInput(Output.of("vpc-0a1b2c3d"), List.of(), List.of(), List.of(), false,
                List.of(), Optional.empty(), true);
        return new SharedEndpoints(registry, input, Output.of("vpce-1"), Output.of("vpce-2"), Output.of("a"), Output.of("r"),
                Output.of("sg-1"), Output.of("vpce-3"));
    }

    @Test
    void shared_theFirstRegistryOfAVpcIsShared_byVpc() {
        Domain domain = new Domain(Optional.of("ml-platform"), "platform");
        SharedEndpoints vision = endpoints("vision");

        assertThat(domain.shared(ENDPOINTS, "vpc-0a1b2c3d")).isEmpty();
        assertThat(domain.share(ENDPOINTS, "vpc-0a1b2c3d", () -> vision)).isSameAs(vision);
        assertThat(domain.share(ENDPOINTS, "vpc-0a1b2c3d", () -> endpoints("nlp"))).isSameAs(vision);

        assertThat(domain.shared(ENDPOINTS, "vpc-0a1b2c3d")).containsSame(vision);
        assertThat(domain.shared(ENDPOINTS, "vpc-0b1b2c3d")).isEmpty();
    }

    @Test
    void shared_anOutputKeyMatchesOnlyItself() {
        Domain domain = new Domain(Optional.of("ml-platform"), "platform");
        Output<String> vpc = Output.of("vpc-0a1b2c3d");
        SharedEndpoints vision = endpoints("vision");

        domain.share(ENDPOINTS, vpc, () -> vision);

        assertThat(domain.shared(ENDPOINTS, vpc)).containsSame(vision);
        assertThat(domain.shared(ENDPOINTS, Output.of("vpc-0a1b2c3d"))).isEmpty();
    }

    @Test
    void shared_kindsAreApart_andTheFirstBucketIsKept() {
        Domain domain = new Domain(Optional.of("ml-platform"), "platform");
        Output<String> bucket = Output.of("arn:aws:s3:::assets-193858265520-us-east-1");

        domain.share(BUCKET, "", () -> bucket);
        domain.share(BUCKET, "", () -> Output.of("arn:aws:s3:::other"));

        assertThat(domain.shared(BUCKET, "")).containsSame(bucket);
        assertThat(domain.shared(ENDPOINTS, "")).isEmpty();
    }

    @Test
    void stackShare_theFirstIsKeptForTheWholeProgram() {
        StackGraph graph = new StackGraph();
        Shared<List<String>> claims = new Shared<>("claims");
        List<String> first = List.of("vpc-1");

        assertThat(graph.share(claims, () -> first)).isSameAs(first);
        assertThat(graph.share(claims, () -> List.of("vpc-2"))).isSameAs(first);
        assertThat(new StackGraph().share(claims, () -> List.of("vpc-3"))).containsExactly("vpc-3");
    }
}
