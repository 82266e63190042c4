package io.mlregistry.internal.privateaccess;

import com.pulumi.core.Output;
import io.mlregistry.internal.plan.RegistryInputs.PrivateAccessInput;

import java.util.Objects;

/**
 * The CodeArtifact endpoints one registry created in a VPC, which the registries joining its
 * domain share in that VPC.
 *
 * @param registry the registry that created them
 * @param input the private access it was given
 * @param apiEndpointId the {@code codeartifact.api} endpoint's ID
 * @param repositoriesEndpointId the {@code codeartifact.repositories} endpoint's ID
 * @param apiDnsName the api endpoint's regional DNS name
 * @param repositoriesDnsName the repositories endpoint's regional DNS name
 * @param securityGroupId the endpoints' security group
 * @param s3EndpointId the S3 gateway endpoint, created here or brought
 */
public record SharedEndpoints(String registry, PrivateAccessInput input, Output<String> apiEndpointId,
        Output<String> repositoriesEndpointId, Output<String> apiDnsName, Output<String> repositoriesDnsName,
        Output<String> securityGroupId, Output<String> s3EndpointId) {

    public SharedEndpoints {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(input, "input");
    }
}
