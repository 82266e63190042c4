package io.mlregistry.internal.airlock;

import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of the cooldown airlock, kept apart from the public {@code Cooldown} value because every
 * field of an Args type becomes a schema input.
 *
 * <p>Why the longest cooldown is 364 days and not the 365 of Step Functions' Wait limit: a Standard
 * workflow runs for at most one year in all, and the airlock's execution holds the wait plus the two
 * descriptions, the copy and their retries. {@link AirlockDefinition} gives every execution a
 * timeout of the cooldown plus {@link #EXECUTION_SLACK}, which stays within the year.
 */
public final class Airlock {

    public static final Duration MIN_COOLDOWN = Duration.ofHours(1);
    public static final Duration MAX_COOLDOWN = Duration.ofDays(364);
    /** Time an execution may take beyond its wait: retries of throttled calls, the notification. */
    public static final Duration EXECUTION_SLACK = Duration.ofDays(1);

    /** How long the workflow's log group keeps its events when no retention is named: as long as Step Functions keeps an execution's history. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 90;

    /**
     * The retention periods CloudWatch Logs accepts ({@code PutRetentionPolicy}'s {@code retentionInDays}),
     * and 0, which Pulumi's {@code LogGroup} takes as "never expire" (no retention policy).
     */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /**
     * Where the workflows' log groups live: under {@code /aws/vendedlogs/}, which AWS advises for
     * Step Functions so that CloudWatch Logs' account-wide resource policy does not outgrow its
     * 5,120-character limit.
     */
    public static final String LOG_GROUP_PREFIX = "/aws/vendedlogs/states/";

    /** A log group name's characters (CloudWatch Logs' {@code LogGroupName}). */
    public static final String LOG_GROUP_NAME_RULE = "[0-9A-Za-z_./#-]+";

    /**
     * The longest {@code namePrefix} the provider's {@code aws_cloudwatch_log_group} accepts
     * ({@code validLogGroupNamePrefix}); it appends a unique suffix, and a name is at most 512 characters.
     */
    public static final int LOG_GROUP_PREFIX_MAX = 483;

    private static final Pattern LOG_GROUP_NAME = Pattern.compile(LOG_GROUP_NAME_RULE);

    /** The cooldown's formats when none are named. */
    public static final List<String> DEFAULT_FORMATS = List.of("pypi");

    /**
     * The formats a public registry serves through a CodeArtifact external connection, in the order
     * {@link io.mlregistry.internal.rules.Rules#EXTERNAL_CONNECTIONS} lists their connections; only these can be airlocked.
     */
    public static final List<String> AIRLOCK_FORMATS = List.of("npm", "pypi", "maven", "nuget", "ruby", "cargo");

    private Airlock() {
    }

    /**
     * Adds one line per broken rule of a cooldown to {@code problems}, each naming the field under
     * {@code cooldown.}.
     *
     * @param duration the duration as given, an ISO-8601 text such as {@code PT72H}; null counts as missing
     * @param formats the formats as given; null means {@link #DEFAULT_FORMATS}
     * @param problems where the lines go
     */
    public static void check(String duration, List<String> formats, Problems problems) {
        if (duration == null) {
            problems.addLine("cooldown.duration is required");
        } else {
            checkDuration(duration, problems);
        }
        if (formats == null) {
            return;
        }
        if (formats.isEmpty()) {
            problems.addLine("cooldown.formats must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (String format : formats) {
            if (format == null) {
                problems.addLine("cooldown.formats must not hold null");
            } else if (!AIRLOCK_FORMATS.contains(format)) {
                problems.add("cooldown.formats", format, "must be one of " + String.join(", ", AIRLOCK_FORMATS));
            } else if (!seen.add(format)) {
                problems.add("cooldown.formats", format, "is listed twice");
            }
        }
    }

    /**
     * Adds the lines of the broken rules of the workflow's logs: the retention, when given, and the
     * key, when known.
     *
     * @param retentionDays {@code cooldown.logRetentionDays} as given, or null
     * @param keyArn {@code cooldown.logKmsKeyArn} when known, or null
     * @param problems where the lines go
     */
    public static void checkLogs(Integer retentionDays, String keyArn, Problems problems) {
        if (retentionDays != null && !LOG_RETENTION_DAYS.contains(retentionDays)) {
            problems.add("cooldown.logRetentionDays", String.valueOf(retentionDays), "must be one of "
                    + LOG_RETENTION_DAYS.stream().skip(1).map(String::valueOf).collect(Collectors.joining(", "))
                    + " (the periods CloudWatch Logs accepts), or 0 to keep the logs forever");
        }
        if (keyArn != null) {
            logKmsKeyArn(keyArn, problems);
        }
    }

    /** The rule of {@code cooldown.logKmsKeyArn}, for a value known now or once it resolves. */
    public static void logKmsKeyArn(String keyArn, Problems problems) {
        if (keyArn == null || !Rules.isKmsKeyArn(keyArn)) {
            problems.add("cooldown.logKmsKeyArn", String.valueOf(keyArn), Rules.KMS_KEY_ARN_MESSAGE);
        }
    }

    /**
     * The name prefix of a registry's workflow log group, {@code /aws/vendedlogs/states/<name>-cooldown-}:
     * the provider appends a unique suffix.
     *
     * @param componentName the component's logical name
     * @return the prefix
     * @throws IllegalArgumentException if the name holds a character a log group name may not,
     *     or makes the prefix longer than the provider allows
     */
    public static String logGroupPrefix(String componentName) {
        String prefix = LOG_GROUP_PREFIX + componentName + "-cooldown-";
        Problems problems = new Problems();
        if (!LOG_GROUP_NAME.matcher(componentName).matches()) {
            problems.add("name", componentName, "must match " + LOG_GROUP_NAME_RULE + " with a cooldown: it names the "
                    + "airlock's CloudWatch Logs group " + prefix + "<suffix>");
        } else if (prefix.length() > LOG_GROUP_PREFIX_MAX) {
            problems.add("name", componentName, "must be at most "
                    + (LOG_GROUP_PREFIX_MAX - LOG_GROUP_PREFIX.length() - "-cooldown-".length())
                    + " characters with a cooldown: it names the airlock's CloudWatch Logs group");
        }
        problems.throwIfAny();
        return prefix;
    }

    private static void checkDuration(String text, Problems problems) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            problems.add("cooldown.duration", text, "must be an ISO-8601 duration such as PT72H or P3D");
            return;
        }
        if (duration.getNano() != 0) {
            problems.add("cooldown.duration", text, "must be a whole number of seconds");
        } else if (!isValidCooldown(duration)) {
            problems.add("cooldown.duration", text, "must be between 1 hour and 364 days");
        }
    }

    /** Whether a cooldown lies within {@link #MIN_COOLDOWN} and {@link #MAX_COOLDOWN}, both included. */
    public static boolean isValidCooldown(Duration duration) {
        return duration.compareTo(MIN_COOLDOWN) >= 0 && duration.compareTo(MAX_COOLDOWN) <= 0;
    }
}
