package io.mlregistry.internal.airlock;

import io.mlregistry.internal.rules.Problems;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
