package io.mlregistry.internal.airlock;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.mlregistry.internal.rules.Problems;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The airlock's Step Functions state machine (a Standard workflow), written in the Amazon States
 * Language with JSONata expressions and AWS SDK service integrations only: no Lambda function.
 *
 * <p>An execution starts for every "CodeArtifact Package Version State Change" event of a store
 * repository, one per asset a version gains (a PyPI version's wheels arrive one by one), and:
 * <ol>
 *   <li>checks the event names the airlock's domain, a store, an airlocked format and a published
 *       version (a hand-started execution with other input ends at once);</li>
 *   <li>describes the version in the store: only an {@code EXTERNAL} origin (ingested from a public
 *       registry) in status {@code Published} goes on; its revision is remembered;</li>
 *   <li>describes the version in the primary repository. Found with an {@code EXTERNAL} origin, the
 *       version was promoted, so it has aged: a later asset is copied at once, overwriting the
 *       version the airlock itself copied, or the execution ends when the primary already holds the
 *       store's revision. Found with another origin (published to the primary), it is never
 *       overwritten: the execution fails. Not found, the version waits;</li>
 *   <li>waits the cooldown, counted from the start of the execution, which follows the first
 *       sighting of the version;</li>
 *   <li>describes the version in the store again: archived or unlisted is the veto; otherwise the
 *       revision seen now, with every asset that arrived during the wait, is the one promoted, and
 *       the primary repository is described again (another execution of the same version may have
 *       promoted it meanwhile);</li>
 *   <li>copies exactly that revision ({@code versionRevisions}), overwriting only a version the
 *       airlock promoted; a copy without overwrite that finds the version arrived meanwhile
 *       ({@code ALREADY_EXISTS}) describes the primary once more instead of failing;</li>
 *   <li>succeeds when the copy reports no failed version, an absent {@code FailedVersions} counting
 *       as none, and with a topic publishes the promotion or the failure to SNS.</li>
 * </ol>
 *
 * <p>Revisions are compared only between answers of one API, {@code DescribePackageVersion}: AWS
 * does not say that an event's {@code packageVersionRevision} is the string that API returns.
 *
 * <p>Why the wait is a fixed number of seconds rather than a timestamp computed from the version's
 * {@code publishedTime}: AWS documents that time as the ingestion (or last update) time for a
 * version from a public registry, never the upstream release, and it may fall before the event. A
 * wait started by the event is at least as long after the ingestion as the cooldown, needs no date
 * arithmetic, and cannot be shortened by whoever starts an execution: the version must be in the
 * store, published from a public registry, and absent from the primary repository.
 */
public final class AirlockDefinition {

    static final String DESCRIBE = "aws-sdk:codeartifact:describePackageVersion";
    static final String COPY = "aws-sdk:codeartifact:copyPackageVersions";
    static final String SNS_PUBLISH = "sns:publish";

    /** Errors worth retrying, as Step Functions names them: the exception prefix of CodeArtifact is {@code Codeartifact}. */
    static final List<String> RETRIED_ERRORS = List.of(
            "Codeartifact.ThrottlingException",
            "Codeartifact.InternalServerException");

    /** What {@code DescribePackageVersion} throws for a package or version the repository does not hold. */
    static final String NOT_FOUND = "Codeartifact.ResourceNotFoundException";

    static final String FAILURE_ERROR = "Airlock.PromotionFailed";

    private static final String EXTERNAL = "$states.input.Origin.OriginType = 'EXTERNAL'";
    private static final String PUBLISHED = EXTERNAL + " and $states.input.Status = 'Published'";

    private AirlockDefinition() {
    }

    /** The state machine definition, pretty-printed JSON. */
    public static String json(AirlockSpec spec) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(definition(spec));
    }

    /** The state machine definition as a JSON tree. */
    public static JsonObject definition(AirlockSpec spec) {
        boolean notify = spec.notificationTopicArn().isPresent();
        String failure = notify ? "NotifyFailure" : "PromotionFailed";
        String success = notify ? "NotifyPromoted" : "Promoted";
        String primary = spec.primaryRepository();

        JsonObject states = new JsonObject();
        states.add("CheckEvent", checkEvent(spec));
        states.add("NotForTheAirlock", succeed("The input is not an airlocked version's event."));
        states.add("DescribeInStore", describe(spec, "$store", "The version as the store holds it now: its origin, "
                + "status and revision.", "CheckOrigin", null, failure));
        states.add("CheckOrigin", choice(
                assign(rule(PUBLISHED, "DescribeInPrimary"), "revision", "$states.input.Revision",
                        "firstRevision", "$states.input.Revision"),
                rule(EXTERNAL, "NotPublishedInStore"),
                "NotFromAPublicRegistry"));
        states.add("NotFromAPublicRegistry", succeed(
                "Published to the domain, not ingested from a public registry: such versions never wait."));
        states.add("NotPublishedInStore", succeed("The store does not hold the version as Published (any more); "
                + "the event of a later change starts its own execution."));
        states.add("DescribeInPrimary", describe(spec, literal(primary), "Whether " + primary + " holds the version: "
                + "one the airlock promoted has aged, and its later assets follow without a new wait.",
                "CheckPrimary", "NotInPrimary", failure));
        states.add("NotInPrimary", choice(
                assign(rule("$aged", "Promote"), "overwrite", "false"),
                null,
                "Cooldown"));
        states.add("CheckPrimary", choice(
                rule(EXTERNAL + " and $states.input.Revision = $revision", "AlreadyPromoted"),
                assign(rule(EXTERNAL, "Promote"), "overwrite", "true"),
                failure,
                state("Choice", "A version " + primary + " holds from a public registry was promoted by the airlock and "
                        + "may take the store's later assets; any other version of that name is never overwritten.")));
        states.add("AlreadyPromoted", succeed(primary + " holds the version at the store's revision."));
        JsonObject wait = state("Wait", "The cooldown, counted from the first sighting of the version.");
        wait.addProperty("Seconds", spec.cooldownSeconds());
        wait.addProperty("Next", "DescribeAfterCooldown");
        states.add("Cooldown", wait);
        states.add("DescribeAfterCooldown", describe(spec, "$store", "Archiving or unlisting the version in the store "
                + "during the cooldown vetoes it; assets added meanwhile are promoted with it.",
                "CheckAfterCooldown", null, failure));
        states.add("CheckAfterCooldown", choice(
                assign(rule(PUBLISHED, "DescribeInPrimary"), "revision", "$states.input.Revision", "aged", "true"),
                rule(EXTERNAL + " and $states.input.Status in ['Archived', 'Unlisted']", "Vetoed"),
                "NotPublishedInStore"));
        states.add("Vetoed", succeed("The version was archived or unlisted in the store during the cooldown."));
        states.add("Promote", promote(spec, failure));
        states.add("CheckCopied", choice(
                rule("$count($keys($states.input.FailedVersions)) = 0", success),
                assign(rule("$not($overwrite) and $not($rechecked) and "
                        + "$lookup($states.input.FailedVersions, $version).ErrorCode = 'ALREADY_EXISTS'",
                        "DescribeInPrimary"), "rechecked", "true"),
                failure,
                state("Choice", "An absent FailedVersions counts as empty. A version that reached " + primary
                        + " meanwhile is described again, once, rather than reported.")));
        spec.notificationTopicArn().ifPresent(topic -> {
            states.add("NotifyPromoted", notification(topic, spec, "mlregistry airlock: version promoted",
                    "promoted", "Promoted"));
            states.add("NotifyFailure", notification(topic, spec, "mlregistry airlock: promotion failed",
                    "failed", "PromotionFailed"));
        });
        states.add("Promoted", succeed("The version is in the primary repository."));
        JsonObject fail = state("Fail", "The execution history, the log group and, with a topic, the notification say why.");
        fail.addProperty("Error", FAILURE_ERROR);
        fail.addProperty("Cause", "The version could not be promoted from the store to " + primary + ".");
        states.add("PromotionFailed", fail);

        JsonObject definition = new JsonObject();
        definition.addProperty("Comment", "mlregistry cooldown airlock: copies a public package version from "
                + String.join(", ", spec.storeRepositories()) + " to " + primary
                + " once it has waited " + spec.cooldown() + " in the store (" + spec.domainName() + ")");
        definition.addProperty("QueryLanguage", "JSONata");
        definition.addProperty("TimeoutSeconds", spec.cooldownSeconds() + Airlock.EXECUTION_SLACK.getSeconds());
        definition.addProperty("StartAt", "CheckEvent");
        definition.add("States", states);
        return definition;
    }

    private static JsonObject checkEvent(AirlockSpec spec) {
        String detail = "$states.input.detail.";
        String condition = detail + "domainName = " + literal(spec.domainName())
                + " and " + detail + "domainOwner = " + literal(spec.domainOwner())
                + " and " + detail + "repositoryName in " + literals(spec.storeRepositories())
                + " and " + detail + "packageFormat in " + literals(spec.formats())
                + " and " + detail + "packageVersionState = 'Published'"
                + " and $type(" + detail + "packageVersion) = 'string'";
        JsonObject assign = new JsonObject();
        assign.addProperty("store", expression(detail + "repositoryName"));
        assign.addProperty("version", expression(detail + "packageVersion"));
        // A namespace (npm scope, Maven group) is sent only when the event has one: PyPI has none.
        assign.addProperty("coordinates", expression("$merge([{'Domain': " + literal(spec.domainName())
                + ", 'DomainOwner': " + literal(spec.domainOwner())
                + ", 'Format': " + detail + "packageFormat, 'Package': " + detail + "packageName}, "
                + detail + "packageNamespace ? {'Namespace': " + detail + "packageNamespace} : {}])"));
        // Every variable has a value before any state reads it.
        assign.add("revision", JsonNull.INSTANCE);
        assign.add("firstRevision", JsonNull.INSTANCE);
        assign.addProperty("aged", false);
        assign.addProperty("overwrite", false);
        assign.addProperty("rechecked", false);
        JsonObject matches = rule(condition, "DescribeInStore");
        matches.add("Assign", assign);
        return choice(matches, null, "NotForTheAirlock", state("Choice",
                "Only published versions of the airlocked formats in the stores of this domain; anything else ends here."));
    }

    /**
     * Describes the version in a repository; {@code notFound}, when given, is where a repository
     * that does not hold it goes instead of the failure.
     */
    private static JsonObject describe(AirlockSpec spec, String repository, String comment, String next, String notFound,
            String failure) {
        JsonObject task = state("Task", comment);
        task.addProperty("Resource", integration(spec, DESCRIBE));
        task.addProperty("Arguments", expression("$merge([$coordinates, {'Repository': " + repository
                + ", 'PackageVersion': $version}])"));
        task.addProperty("Output", expression("$states.result.PackageVersion"));
        task.add("Retry", retry());
        JsonArray catchers = new JsonArray();
        if (notFound != null) {
            catchers.add(catcher(List.of(NOT_FOUND), notFound));
        }
        catchers.add(catcher(List.of("States.ALL"), failure));
        task.add("Catch", catchers);
        task.addProperty("Next", next);
        return task;
    }

    private static JsonObject promote(AirlockSpec spec, String failure) {
        JsonObject task = state("Task", "Copies exactly the revision the store held after the cooldown; overwrites "
                + "only a version the airlock itself promoted.");
        task.addProperty("Resource", integration(spec, COPY));
        task.addProperty("Arguments", expression("$merge([$coordinates, {'SourceRepository': $store, 'DestinationRepository': "
                + literal(spec.primaryRepository())
                + ", 'VersionRevisions': {$version: $revision}, 'AllowOverwrite': $overwrite, 'IncludeFromUpstream': false}])"));
        task.addProperty("Output", expression("$states.result"));
        task.add("Retry", retry());
        JsonArray catchers = new JsonArray();
        catchers.add(catcher(List.of("States.ALL"), failure));
        task.add("Catch", catchers);
        task.addProperty("Next", "CheckCopied");
        return task;
    }

    private static JsonObject notification(String topicArn, AirlockSpec spec, String subject, String outcome, String next) {
        JsonObject task = state("Task", null);
        task.addProperty("Resource", integration(spec, SNS_PUBLISH));
        JsonObject arguments = new JsonObject();
        arguments.addProperty("TopicArn", topicArn);
        arguments.addProperty("Subject", subject);
        arguments.addProperty("Message", expression("$string({'outcome': '" + outcome + "', 'domain': "
                + literal(spec.domainName()) + ", 'store': $store, 'destination': " + literal(spec.primaryRepository())
                + ", 'package': $coordinates.Package, 'namespace': $coordinates.Namespace, 'version': $version,"
                + " 'revision': $revision, 'firstRevision': $firstRevision, 'waited': $aged, 'overwrote': $overwrite,"
                + " 'details': $states.input})"));
        task.add("Arguments", arguments);
        task.add("Retry", retry(List.of("States.TaskFailed"), 3));
        task.addProperty("Next", next);
        return task;
    }

    /** A service integration's resource, {@code arn:<partition>:states:::<integration>}. */
    static String integration(AirlockSpec spec, String integration) {
        return "arn:" + spec.partition() + ":states:::" + integration;
    }

    private static JsonArray retry() {
        return retry(RETRIED_ERRORS, 8);
    }

    private static JsonArray retry(List<String> errors, int attempts) {
        JsonObject retrier = new JsonObject();
        retrier.add("ErrorEquals", strings(errors));
        retrier.addProperty("IntervalSeconds", 5);
        retrier.addProperty("MaxAttempts", attempts);
        retrier.addProperty("BackoffRate", 2.0);
        JsonArray retry = new JsonArray();
        retry.add(retrier);
        return retry;
    }

    private static JsonObject catcher(List<String> errors, String next) {
        JsonObject catcher = new JsonObject();
        catcher.add("ErrorEquals", strings(errors));
        catcher.addProperty("Output", expression("$states.errorOutput"));
        catcher.addProperty("Next", next);
        return catcher;
    }

    private static JsonObject choice(JsonObject first, JsonObject second, String fallback) {
        return choice(first, second, fallback, state("Choice", null));
    }

    private static JsonObject choice(JsonObject first, JsonObject second, String fallback, JsonObject choice) {
        JsonArray choices = new JsonArray();
        choices.add(first);
        if (second != null) {
            choices.add(second);
        }
        choice.add("Choices", choices);
        choice.addProperty("Default", fallback);
        return choice;
    }

    private static JsonObject rule(String condition, String next) {
        JsonObject rule = new JsonObject();
        rule.addProperty("Condition", expression(condition));
        rule.addProperty("Next", next);
        return rule;
    }

    /** Adds a Choice rule's {@code Assign}: variable names and JSONata expressions, in pairs. */
    private static JsonObject assign(JsonObject rule, String... pairs) {
        JsonObject assign = new JsonObject();
        for (int i = 0; i < pairs.length; i += 2) {
            assign.addProperty(pairs[i], expression(pairs[i + 1]));
        }
        rule.add("Assign", assign);
        return rule;
    }

    private static JsonObject succeed(String comment) {
        return state("Succeed", comment);
    }

    private static JsonObject state(String type, String comment) {
        JsonObject state = new JsonObject();
        state.addProperty("Type", type);
        if (comment != null) {
            state.addProperty("Comment", comment);
        }
        return state;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static String expression(String jsonata) {
        return "{% " + jsonata + " %}";
    }

    /**
     * A JSONata string literal. Only names checked against AWS's patterns reach here (domain,
     * repository, account, format), none of which may hold a quote or a backslash; anything else is
     * a programming error rather than something to escape.
     */
    static String literal(String value) {
        if (value.indexOf('\'') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("value (" + Problems.show(value) + ") must not hold a quote or a backslash");
        }
        return "'" + value + "'";
    }

    private static String literals(List<String> values) {
        return values.stream().map(AirlockDefinition::literal).collect(Collectors.joining(", ", "[", "]"));
    }
}
