package io.mlregistry;

import com.google.common.collect.ImmutableList;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.airlock.Airlock;
import io.mlregistry.internal.plan.RegistryInputs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cooldown airlock (experimental): a version that a public registry serves reaches the primary
 * repository only after it has waited this long in its store repository, enforced by AWS (an
 * EventBridge rule and a Step Functions workflow) rather than by each client.
 *
 * <p>Created with {@link #of(Duration)}; {@link #formats(String...)} names the package formats it
 * holds back, PyPI when none are named. With a cooldown, the primary repository no longer lists the
 * airlocked formats' stores as upstreams: a new version enters a store when something requests it
 * through the store's own endpoint, and the workflow copies it to the primary repository once it
 * has aged. Packages published to the primary repository (internal namespaces) never wait.
 *
 * <p>The values are checked when the Args are built: the duration must be a whole number of
 * seconds between 1 hour and 364 days (Step Functions runs a Standard workflow for at most a year,
 * the wait included); formats must be among {@code npm}, {@code pypi}, {@code maven},
 * {@code nuget}, {@code ruby} and {@code cargo}, each once.
 */
public final class Cooldown extends ResourceArgs {

    @Import(name = "duration", required = true)
    private final String duration;

    @Import(name = "formats")
    private final List<String> formats;

    @Import(name = "notifications")
    private final Boolean notifications;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private Cooldown() {
        this(null, null, null);
    }

    private Cooldown(String duration, List<String> formats, Boolean notifications) {
        this.duration = duration;
        this.formats = formats;
        this.notifications = notifications;
    }

    /**
     * A cooldown of the given length for PyPI packages.
     *
     * @param duration how long a new public version waits in its store; checked when the Args are built
     * @return the cooldown
     * @throws NullPointerException if {@code duration} is null
     */
    public static Cooldown of(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return new Cooldown(duration.toString(), null, null);
    }

    /**
     * The same cooldown for other package formats.
     *
     * @param formats the formats to hold back, replacing the default {@code pypi}
     * @return a copy with these formats
     * @throws NullPointerException if the array or an entry is null
     */
    public Cooldown formats(String... formats) {
        Objects.requireNonNull(formats, "formats");
        List<String> list = Arrays.asList(formats);
        for (int i = 0; i < list.size(); i++) {
            Objects.requireNonNull(list.get(i), "formats[" + i + "]");
        }
        return new Cooldown(duration, ImmutableList.copyOf(list), notifications);
    }

    /**
     * The same cooldown with or without an SNS topic told of every promotion and every failed one.
     * Default {@code true}: the topic is created (encrypted with the AWS-managed SNS key) and its
     * ARN is the registry's {@code cooldownTopicArn}; subscribe to it.
     *
     * @param notifications whether to create the topic
     * @return a copy with this setting
     */
    public Cooldown notifications(boolean notifications) {
        return new Cooldown(duration, formats, notifications);
    }

    /**
     * Whether the SNS topic is created.
     *
     * @return the value given, or {@code true}
     */
    public boolean notifications() {
        return notifications == null || notifications;
    }

    /**
     * The duration as an ISO-8601 text, such as {@code PT72H}: the form other languages pass.
     *
     * @return the duration as given
     */
    public String duration() {
        return duration;
    }

    /**
     * The package formats held back.
     *
     * @return the formats given, or {@code [pypi]} when none were
     */
    public List<String> formats() {
        return formats == null ? Airlock.DEFAULT_FORMATS : formats;
    }

    /**
     * The formats as given, without the default.
     *
     * @return the formats given, or empty when none were
     */
    public Optional<List<String>> formatsGiven() {
        return Optional.ofNullable(formats);
    }

    /** This cooldown as the planner reads it. */
    RegistryInputs.CooldownInput input() {
        return new RegistryInputs.CooldownInput(duration, formatsGiven(), notifications());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Cooldown)) {
            return false;
        }
        Cooldown that = (Cooldown) other;
        return Objects.equals(duration, that.duration) && Objects.equals(formats, that.formats)
                && notifications() == that.notifications();
    }

    @Override
    public int hashCode() {
        return Objects.hash(duration, formats, notifications());
    }

    @Override
    public String toString() {
        return "Cooldown.of(" + duration + ")"
                + (formats == null ? "" : ".formats(" + String.join(", ", formats) + ")")
                + (notifications() ? "" : ".notifications(false)");
    }
}
