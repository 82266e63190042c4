package io.mlregistry.internal.airlock;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mlregistry.internal.rules.Problems;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The airlock's Step Functions state machine (a Standard workflow), written in the Amazon States
 * Language with JSONata expressions and AWS SDK service integrations only: no Lambda function.
 *
 * <p>An execution starts for every "CodeArtifact Package Version State Change" event of a store
 * repository and:
 * <ol>
 *   <li>checks the event names the airlock's domain, a store, an airlocked format and a published
 *       version (a hand-started execution with other input ends at once);</li>
 *   <li>describes the version in the store: only an {@code EXTERNAL} origin (ingested from a public
 *       registry) goes on, and only while the store still holds the revision the event named;</li>
 *   <li>waits the cooldown, counted from the start of the execution, which follows the ingestion;</li>
 *   <li>describes the version again: archived or unlisted is the veto, another revision means a later
 *       event's execution owns the version;</li>
 *   <li>copies exactly that revision to the primary repository ({@code versionRevisions}) and
 *       fails unless the copy reports no failed version;</li>
 *   <li>with a topic, publishes the promotion or the failure to SNS.</li>
 * </ol>
 *
 * <p>Why the wait is a fixed number of seconds rather than a timestamp computed from the version's
 * {@code publishedTime}: AWS documents that time as the ingestion (or last update) time for a
 * version from a public registry, never the upstream release, and it may fall before the event. A
 * wait started by the event is at least as long after the ingestion as the cooldown, needs no date
 * arithmetic, and cannot be shortened by whoever starts an execution: the first description fails
 * for a version or revision the store does not hold yet.
 */
public final class AirlockDefinition {

    static final String DESCRIBE = "aws-sdk:codeartifact:describePackageVersion";
    static final String COPY = "aws-sdk:codeartifact:copyPackageVersions";
    static final String SNS_PUBLISH = "sns:publish";

    /** Errors worth retrying, as Step Functions names them: the exception prefix of CodeArtifact is {@code Codeartifact}. */
    static final List<String> RETRIED_ERRORS = List.of(
            "Codeartifact.ThrottlingException",
            "Codeartifact.InternalServerException");

    static final String FAILURE_ERROR = "Airlock.PromotionFailed";

    private AirlockDefinition() {
    }

    /** The state machine definition, pretty-printed JSON. */
    public static String json(AirlockSpec spec) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(definition(spec));
    }

    /** The state machine definition as a JSON tree. */
    public static JsonObject definition(AirlockSpec spec) {
        boolean notify = spec.notificationTopicArn().isPresent();
        String failure = notify ? "NotifyFailure" : "PromotionFailed";
        String success = notify ? "NotifyPromoted" : "Promoted";

        JsonObject states = new JsonObject();
        states.add("CheckEvent", checkEvent(spec));
        states.add("NotForTheAirlock", succeed("The input is not an airlocked version's event."));
        states.add("DescribeInStore", describe(spec, "Promote only what came from a public registry, at the revision the event named.",
                "CheckOrigin", failure));
        states.add("CheckOrigin", choice(
                rule(published("EXTERNAL"), "Cooldown"),
                rule("$states.input.Origin.OriginType = 'EXTERNAL'", "ChangedSinceEvent"),
                "NotFromAPublicRegistry"));
        states.add("NotFromAPublicRegistry", succeed(
                "Published to the domain, not ingested from a public registry: such versions never wait."));
        states.add("ChangedSinceEvent", succeed(
                "The store holds another revision or status than the event named; the event of that change starts its own execution."));
        JsonObject wait = state("Wait", "The cooldown, counted from the event of the ingestion.");
        wait.addProperty("Seconds", spec.cooldownSeconds());
        wait.addProperty("Next", "DescribeAfterCooldown");
        states.add("Cooldown", wait);
        states.add("DescribeAfterCooldown", describe(spec, "Archiving or unlisting the version in the store during the cooldown vetoes it.",
                "CheckStillPublished", failure));
        states.add("CheckStillPublished", choice(
                rule(published("EXTERNAL"), "Promote"),
                rule("$states.input.Revision = $revision", "Vetoed"),
                "ChangedSinceEvent"));
        states.add("Vetoed", succeed("The version was archived or unlisted in the store during the cooldown."));
        states.add("Promote", promote(spec, failure));
        states.add("CheckCopied", choice(
                rule("$type($states.input.FailedVersions) = 'object' and $count($keys($states.input.FailedVersions)) = 0", success),
                null,
                failure));
        spec.notificationTopicArn().ifPresent(topic -> {
            states.add("NotifyPromoted", notification(topic, spec, "mlregistry airlock: version promoted",
                    "promoted", "Promoted"));
            states.add("NotifyFailure", notification(topic, spec, "mlregistry airlock: promotion failed",
                    "failed", "PromotionFailed"));
        });
        states.add("Promoted", succeed("The version is in the primary repository."));
        JsonObject fail = state("Fail", "The execution history and, with a topic, the notification say why.");
        fail.addProperty("Error", FAILURE_ERROR);
        fail.addProperty("Cause", "The version could not be promoted from the store to " + spec.primaryRepository() + ".");
        states.add("PromotionFailed", fail);

        JsonObject definition = new JsonObject();
        definition.addProperty("Comment", "mlregistry cooldown airlock: copies a public package version from "
                + String.join(", ", spec.storeRepositories()) + " to " + spec.primaryRepository()
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
                + " and $type(" + detail + "packageVersion) = 'string'"
                + " and $type(" + detail + "packageVersionRevision) = 'string'";
        JsonObject assign = new JsonObject();
        assign.addProperty("store", expression(detail + "repositoryName"));
        assign.addProperty("version", expression(detail + "packageVersion"));
        assign.addProperty("revision", expression(detail + "packageVersionRevision"));
        // A namespace (npm scope, Maven group) is sent only when the event has one: PyPI has none.
        assign.addProperty("coordinates", expression("$merge([{'Domain': " + literal(spec.domainName())
                + ", 'DomainOwner': " + literal(spec.domainOwner())
                + ", 'Format': " + detail + "packageFormat, 'Package': " + detail + "packageName}, "
                + detail + "packageNamespace ? {'Namespace': " + detail + "packageNamespace} : {}])"));
        JsonObject matches = rule(condition, "DescribeInStore");
        matches.add("Assign", assign);
        return choice(matches, null, "NotForTheAirlock", state("Choice",
                "Only published versions of the airlocked formats in the stores of this domain; anything else ends here."));
    }

    private static String published(String origin) {
        return "$states.input.Origin.OriginType = '" + origin + "' and $states.input.Status = 'Published'"
                + " and $states.input.Revision = $revision";
    }

    private static JsonObject describe(AirlockSpec spec, String comment, String next, String failure) {
        JsonObject task = state("Task", comment);
        task.addProperty("Resource", integration(spec, DESCRIBE));
        task.addProperty("Arguments", expression("$merge([$coordinates, {'Repository': $store, 'PackageVersion': $version}])"));
        task.addProperty("Output", expression("$states.result.PackageVersion"));
        task.add("Retry", retry());
        task.add("Catch", catchAll(failure));
        task.addProperty("Next", next);
        return task;
    }

    private static JsonObject promote(AirlockSpec spec, String failure) {
        JsonObject task = state("Task", "Copies exactly the revision that waited; a version already in "
                + spec.primaryRepository() + " is never overwritten.");
        task.addProperty("Resource", integration(spec, COPY));
        task.addProperty("Arguments", expression("$merge([$coordinates, {'SourceRepository': $store, 'DestinationRepository': "
                + literal(spec.primaryRepository())
                + ", 'VersionRevisions': {$version: $revision}, 'AllowOverwrite': false, 'IncludeFromUpstream': false}])"));
        task.addProperty("Output", expression("$states.result"));
        task.add("Retry", retry());
        task.add("Catch", catchAll(failure));
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
                + " 'revision': $revision, 'details': $states.input})"));
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

    private static JsonArray catchAll(String next) {
        JsonObject catcher = new JsonObject();
        catcher.add("ErrorEquals", strings(List.of("States.ALL")));
        catcher.addProperty("Output", expression("$states.errorOutput"));
        catcher.addProperty("Next", next);
        JsonArray catchers = new JsonArray();
        catchers.add(catcher);
        return catchers;
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
