package io.mlregistry.internal.airlock;

import io.mlregistry.internal.rules.Arn;
import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What one registry's cooldown airlock needs to know, once the ARNs it is derived from have
 * resolved: where versions wait, where they go, for how long, and where the workflow runs.
 *
 * <p>The values are checked here as a programming error ({@link IllegalArgumentException}): the
 * caller's inputs were validated, with user-facing messages, when the Args were built.
 *
 * @param partition the partition of the workflow and the domain, such as {@code aws}
 * @param region the region of the workflow and the domain
 * @param account the account the workflow, its roles and its rule live in
 * @param domainName the CodeArtifact domain
 * @param domainOwner the 12-digit account owning the domain
 * @param storeRepositories the airlocked store repositories, where public versions arrive and wait
 * @param primaryRepository the repository ML teams install from, where aged versions are copied
 * @param formats the package formats the airlock holds back
 * @param cooldown how long a version waits in the store
 * @param notificationTopicArn an SNS topic told of every promotion and every failure, if any
 */
public record AirlockSpec(
        String partition,
        String region,
        String account,
        String domainName,
        String domainOwner,
        List<String> storeRepositories,
        String primaryRepository,
        List<String> formats,
        Duration cooldown,
        Optional<String> notificationTopicArn) {

    private static final Pattern PARTITION = Pattern.compile("aws[a-z-]*");
    private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)+-[0-9]+");
    private static final Pattern SNS_TOPIC_ARN =
            Pattern.compile("arn:aws[a-z-]*:sns:[a-z]+(-[a-z]+)+-[0-9]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    public AirlockSpec {
        requireMatch("partition", partition, PARTITION);
        requireMatch("region", region, REGION);
        require("account", account, Rules::isAccountId);
        require("domainName", domainName, Rules::isDomainName);
        require("domainOwner", domainOwner, Rules::isAccountId);
        storeRepositories = List.copyOf(storeRepositories);
        if (storeRepositories.isEmpty()) {
            throw new IllegalArgumentException("storeRepositories must not be empty");
        }
        for (String store : storeRepositories) {
            require("storeRepositories", store, Rules::isRepositoryName);
        }
        require("primaryRepository", primaryRepository, Rules::isRepositoryName);
        if (storeRepositories.contains(primaryRepository)) {
            throw new IllegalArgumentException("primaryRepository (" + primaryRepository + ") must not be a store repository");
        }
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("formats must not be empty");
        }
        for (String format : formats) {
            require("formats", format, Airlock.AIRLOCK_FORMATS::contains);
        }
        Objects.requireNonNull(cooldown, "cooldown");
        if (!Airlock.isValidCooldown(cooldown) || cooldown.getNano() != 0) {
            throw new IllegalArgumentException("cooldown (" + cooldown + ") is not valid for the airlock");
        }
        Objects.requireNonNull(notificationTopicArn, "notificationTopicArn");
        notificationTopicArn.ifPresent(arn -> requireMatch("notificationTopicArn", arn, SNS_TOPIC_ARN));
    }

    /** The cooldown in whole seconds, as the Wait state takes it. */
    public long cooldownSeconds() {
        return cooldown.getSeconds();
    }

    /** The ARN of a repository of the domain. */
    public String repositoryArn(String repository) {
        return codeartifactArn("repository/" + domainName + "/" + repository);
    }

    /** The ARN covering every package of a repository of the domain. */
    public String packagesArn(String repository) {
        return codeartifactArn("package/" + domainName + "/" + repository + "/*");
    }

    private String codeartifactArn(String resource) {
        return new Arn(partition, "codeartifact", region, domainOwner, resource).toString();
    }

    private static void requireMatch(String field, String value, Pattern pattern) {
        require(field, value, v -> pattern.matcher(v).matches());
    }

    private static void require(String field, String value, Predicate<String> rule) {
        Objects.requireNonNull(value, field);
        if (!rule.test(value)) {
            throw new IllegalArgumentException(field + " (" + Problems.show(value) + ") is not valid for the airlock");
        }
    }
}
