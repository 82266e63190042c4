package io.mlregistry.internal.resources;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every output of one registry, in the order the component registers them.
 *
 * @param domainName the domain's name
 * @param domainArn the domain's ARN
 * @param domainOwner the account that owns the domain
 * @param repositoryName the primary repository's name
 * @param repositoryArn the primary repository's ARN
 * @param upstreamRepositoryNames the primary repository's upstreams, in search order
 * @param kmsKeyArn the domain's key; null for the AWS-managed key and a domain joined
 * @param pypiIndexUrl pip's index URL
 * @param pypiUploadUrl twine's repository URL
 * @param mavenRepositoryUrl the Maven repository URL
 * @param npmRegistryUrl the npm registry URL
 * @param readerPolicyArn the reader IAM policy; null without IAM policies
 * @param publisherPolicyArn the publisher IAM policy; null without IAM policies
 * @param packageGroupPatterns the package groups' patterns
 * @param packageGroupArns the package groups' ARNs
 * @param cooldownStoreUrls the endpoints of the stores the airlock holds back
 * @param cooldownTopicArn the airlock's SNS topic; null without one
 * @param workloads how ML workloads reach the registry: client configuration, endpoints, SageMaker
 */
public record RegistryOutputs(
        Output<String> domainName,
        Output<String> domainArn,
        Output<String> domainOwner,
        Output<String> repositoryName,
        Output<String> repositoryArn,
        Output<List<String>> upstreamRepositoryNames,
        Output<String> kmsKeyArn,
        Output<String> pypiIndexUrl,
        Output<String> pypiUploadUrl,
        Output<String> mavenRepositoryUrl,
        Output<String> npmRegistryUrl,
        Output<String> readerPolicyArn,
        Output<String> publisherPolicyArn,
        Output<List<String>> packageGroupPatterns,
        Output<List<String>> packageGroupArns,
        Output<List<String>> cooldownStoreUrls,
        Output<String> cooldownTopicArn,
        WorkloadResources.Outputs workloads) {

    /**
     * The outputs by name, for {@code registerOutputs}.
     *
     * @return the outputs, in the order of this record
     */
    public Map<String, Output<?>> asMap() {
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("domainName", domainName);
        outputs.put("domainArn", domainArn);
        outputs.put("domainOwner", domainOwner);
        outputs.put("repositoryName", repositoryName);
        outputs.put("repositoryArn", repositoryArn);
        outputs.put("upstreamRepositoryNames", upstreamRepositoryNames);
        outputs.put("kmsKeyArn", kmsKeyArn);
        outputs.put("pypiIndexUrl", pypiIndexUrl);
        outputs.put("pypiUploadUrl", pypiUploadUrl);
        outputs.put("mavenRepositoryUrl", mavenRepositoryUrl);
        outputs.put("npmRegistryUrl", npmRegistryUrl);
        outputs.put("readerPolicyArn", readerPolicyArn);
        outputs.put("publisherPolicyArn", publisherPolicyArn);
        outputs.put("packageGroupPatterns", packageGroupPatterns);
        outputs.put("packageGroupArns", packageGroupArns);
        outputs.put("cooldownStoreUrls", cooldownStoreUrls);
        outputs.put("cooldownTopicArn", cooldownTopicArn);
        workloads.putInto(outputs);
        return outputs;
    }
}
