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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs of one registry that may be outputs of other resources, each checked with the rules
 * and messages of {@code build()} when it resolves. A resource that takes one of them is
 * registered only once its value has passed, so a bad value stops the deployment before anything
 * that uses it exists: the broken rule is reported once, by {@link Reporter}. Every message names the registry; secrets show as {@code [secret]}, and a
 * secret the offline preview cannot read ({@link Known#UNREADABLE}) is checked only by the rules
 * that do not need its text.
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
    /** The principals and accounts given as secrets, which no message may print. */
    final Output<Set<String>> secretPrincipals;

    CheckedInputs(String registry, RegistryInputs args) {
        this.domainName = Reporter.owned(Known.checked(args.domainName(), registry, ArgsValidator::domainName));
        this.description = Reporter.owned(Known.checked(args.description(), registry, ArgsValidator::description));
        this.domainOwner = args.domainOwner().map(owner ->
                Reporter.owned(Known.checked(owner, registry, ArgsValidator::domainOwner)));
        this.kmsKeyArn = args.kmsKeyArn().map(key -> Reporter.owned(Known.checked(key, registry, ArgsValidator::kmsKeyArn)));
        Output<Map<String, String>> tags = tags(registry, args);
        this.tags = tags == null ? null : Reporter.owned(tags);
        this.access = Reporter.owned(access(registry, args));
        this.secretPrincipals = Output.all(List.of(Known.values(args.readerPrincipals()),
                Known.values(args.publisherPrincipals()), Known.values(args.tokenAccounts()),
                Known.values(args.repositoryCreatorAccounts()))).applyValue(lists -> {
                    Set<String> secrets = new HashSet<>();
                    lists.forEach(list -> list.stream().filter(Known.Value::secret).forEach(v -> secrets.add(v.value())));
                    return secrets;
                });
    }

    private static Output<Map<String, String>> tags(String registry, RegistryInputs args) {
        Map<String, Output<String>> given = args.tags();
        if (given.isEmpty()) {
            return null;
        }
        boolean iamTagged = args.createIamPolicies();
        String groupsField = ArgsValidator.groupsField(args);
        List<String> keys = new ArrayList<>(given.keySet());
        List<Output<String>> values = new ArrayList<>();
        boolean sageMakerTagged = args.workloads().sageMakerLifecycleConfigs() && !iamTagged;
        given.forEach((key, value) -> values.add(Known.checked(value, registry, (v, problems) -> {
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

    private static Output<Policies.Access> access(String registry, RegistryInputs args) {
        List<Output<List<Known.Value<String>>>> lists = List.of(
                Known.values(args.readerPrincipals()), Known.values(args.publisherPrincipals()),
                Known.values(args.tokenAccounts()), Known.values(args.repositoryCreatorAccounts()));
        Output<Optional<String>> organization = args.organizationId()
                .map(org -> Known.checked(org, registry, ArgsValidator::organizationId).applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        boolean domainPolicy = args.createDomain();
        List<String> domainStatements = args.additionalDomainPolicyStatements();
        List<String> repositoryStatements = args.additionalRepositoryPolicyStatements();
        return Output.tuple(Output.all(lists), organization).applyValue(t -> {
            Set<String> secrets = new HashSet<>();
            List<List<String>> values = new ArrayList<>();
            List<List<String>> checked = new ArrayList<>();
            int unreadable = 0;
            for (List<Known.Value<String>> list : t.t1) {
                List<String> given = new ArrayList<>();
                List<String> shown = new ArrayList<>();
                for (Known.Value<String> value : list) {
                    given.add(value.value());
                    if (value.secret()) {
                        secrets.add(value.value());
                    }
                    // A value the preview cannot read passes the rules that need its text as an
                    // account of its own; the policies name it as read.
                    shown.add(value.secret() && Known.UNREADABLE.equals(value.value())
                            ? String.format("%012d", ++unreadable) : value.value());
                }
                values.add(given);
                checked.add(shown);
            }
            Problems problems = Problems.of(registry);
            Optional<Policies.Access> access = AccessRules.check(new AccessRules.Inputs(checked.get(0), checked.get(1),
                    checked.get(2), checked.get(3), t.t2, domainStatements, repositoryStatements, domainPolicy), true, problems);
            if (!problems.isEmpty()) {
                throw Known.failure(Known.masked(String.join("\n", problems.lines()), secrets));
            }
            Policies.Access rules = access.orElseThrow();
            return new Policies.Access(values.get(0), values.get(1), rules.organizationId(), values.get(2), values.get(3),
                    rules.domainStatements(), rules.repositoryStatements());
        });
    }
}
