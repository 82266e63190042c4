package io.mlregistry.internal.resources;

import com.pulumi.core.Output;
import io.mlregistry.internal.access.AccessRules;
import io.mlregistry.internal.access.Policies;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.plan.RegistryInputs;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.validation.ArgsValidator;
import io.mlregistry.internal.validation.WorkloadRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of one registry that may be outputs of other resources, each checked with the rules
 * and messages of {@code build()} when it resolves. A resource that takes one of them is
 * registered only once its value has passed, so a bad value stops the deployment before anything
 * that uses it exists.
 */
final class CheckedInputs {

    final Output<String> domainName;
    final Output<String> description;
    final Optional<Output<String>> domainOwner;
    final Optional<Output<String>> kmsKeyArn;
    /** The tags, or null when there are none, so that an untagged resource shows no empty map. */
    final Output<Map<String, String>> tags;
    /** Who is granted what, once every principal, account and the organization are known and valid. */
    final Output<Policies.Access> access;

    CheckedInputs(RegistryInputs args) {
        this.domainName = Known.checked(args.domainName(), ArgsValidator::domainName);
        this.description = Known.checked(args.description(), ArgsValidator::description);
        this.domainOwner = args.domainOwner().map(owner -> Known.checked(owner, ArgsValidator::domainOwner));
        this.kmsKeyArn = args.kmsKeyArn().map(key -> Known.checked(key, ArgsValidator::kmsKeyArn));
        this.tags = tags(args);
        this.access = access(args);
    }

    private static Output<Map<String, String>> tags(RegistryInputs args) {
        Map<String, Output<String>> given = args.tags();
        if (given.isEmpty()) {
            return null;
        }
        boolean iamTagged = args.createIamPolicies();
        String groupsField = ArgsValidator.groupsField(args);
        List<String> keys = new ArrayList<>(given.keySet());
        List<Output<String>> values = new ArrayList<>();
        boolean sageMakerTagged = args.workloads().sageMakerLifecycleConfigs() && !iamTagged;
        given.forEach((key, value) -> values.add(Known.checked(value, (v, problems) -> {
            ArgsValidator.tagValue(key, v, iamTagged, groupsField, problems);
            if (sageMakerTagged) {
                WorkloadRules.sageMakerTagValue(key, v, problems);
            }
        })));
        return Output.all(values).applyValue(resolved -> {
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                tags.put(keys.get(i), resolved.get(i));
            }
            return tags;
        });
    }

    private static Output<Policies.Access> access(RegistryInputs args) {
        List<Output<List<String>>> lists = List.of(
                Output.all(args.readerPrincipals()), Output.all(args.publisherPrincipals()),
                Output.all(args.tokenAccounts()), Output.all(args.repositoryCreatorAccounts()));
        Output<Optional<String>> organization = args.organizationId()
                .map(org -> Known.checked(org, ArgsValidator::organizationId).applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        boolean domainPolicy = args.createDomain();
        List<String> domainStatements = args.additionalDomainPolicyStatements();
        List<String> repositoryStatements = args.additionalRepositoryPolicyStatements();
        return Output.tuple(Output.all(lists), organization).applyValue(t -> {
            Problems problems = new Problems();
            Optional<Policies.Access> access = AccessRules.check(new AccessRules.Inputs(t.t1.get(0), t.t1.get(1),
                    t.t1.get(2), t.t1.get(3), t.t2, domainStatements, repositoryStatements, domainPolicy), true, problems);
            problems.throwIfAny();
            return access.orElseThrow();
        });
    }
}
