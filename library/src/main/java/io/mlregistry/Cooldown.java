package io.mlregistry;

import com.google.common.collect.ImmutableList;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import io.mlregistry.internal.airlock.Airlock;
import io.mlregistry.internal.outputs.Known;
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
 * <p>The workflow logs its errors (level {@code ERROR}, without execution data) to a CloudWatch Logs
 * group of its own, {@code /aws/vendedlogs/states/<name>-cooldown-<suffix>}, kept
 * {@link #logRetentionDays(int) 90 days} by default and encrypted by CloudWatch Logs, or with
 * {@link #logKmsKeyArn(String) a key of yours}.
 *
 * <p>The values are checked when the Args are built: the duration must be a whole number of
 * seconds between 1 hour and 364 days (Step Functions runs a Standard workflow for at most a year,
 * the wait included); formats must be among {@code npm}, {@code pypi}, {@code maven},
 * {@code nuget}, {@code ruby} and {@code cargo}, each once; the retention must be one CloudWatch
 * Logs accepts; the key must be a key ARN.
 */
public final class Cooldown extends ResourceArgs {

    @Import(name = "duration", required = true)
    private final String duration;

    @Import(name = "formats")
    private final List<String> formats;

    @Import(name = "notifications")
    private final Boolean notifications;

    @Import(name = "logRetentionDays")
    private final Integer logRetentionDays;

    @Import(name = "logKmsKeyArn")
    private final Output<String> logKmsKeyArn;

    /** For Pulumi's deserializer, which fills the fields reflectively. */
    private Cooldown() {
        this(null, null, null, null, null);
    }

    private Cooldown(String duration, List<String> formats, Boolean notifications, Integer logRetentionDays,
            Output<String> logKmsKeyArn) {
        this.duration = duration;
        this.formats = formats;
        this.notifications = notifications;
        this.logRetentionDays = logRetentionDays;
        this.logKmsKeyArn = logKmsKeyArn;
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
        return new Cooldown(duration.toString(), null, null, null, null);
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
        return new Cooldown(duration, ImmutableList.copyOf(list), notifications, logRetentionDays, logKmsKeyArn);
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
        return new Cooldown(duration, formats, notifications, logRetentionDays, logKmsKeyArn);
    }

    /**
     * The same cooldown with the workflow's log group keeping its events this many days. Default
     * 90, as long as Step Functions keeps an execution's history. One of the periods CloudWatch
     * Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
     * 2192, 2557, 2922, 3288, 3653), or 0 to keep the events forever; checked when the Args are
     * built. Changing it updates the log group in place.
     *
     * @param days the retention in days
     * @return a copy with this retention
     */
    public Cooldown logRetentionDays(int days) {
        return new Cooldown(duration, formats, notifications, days, logKmsKeyArn);
    }

    /**
     * The same cooldown with the workflow's log group encrypted with a KMS key of yours rather
     * than by CloudWatch Logs itself. The key must be a symmetric key in the registry's region
     * whose key policy lets {@code logs.<region>.amazonaws.com} use it (see the security guide);
     * the ARN is checked when the Args are built. Changing it re-associates the log group's key.
     *
     * @param keyArn the key's ARN, {@code arn:<partition>:kms:<region>:<account>:key/<key id>}
     * @return a copy with this key
     * @throws NullPointerException if {@code keyArn} is null
     */
    public Cooldown logKmsKeyArn(String keyArn) {
        Objects.requireNonNull(keyArn, "keyArn");
        return logKmsKeyArn(Output.of(keyArn));
    }

    /**
     * {@link #logKmsKeyArn(String)} for a key that another resource creates; its ARN is checked
     * when it resolves.
     *
     * @param keyArn the key's ARN, as an output
     * @return a copy with this key
     * @throws NullPointerException if {@code keyArn} is null
     */
    public Cooldown logKmsKeyArn(Output<String> keyArn) {
        Objects.requireNonNull(keyArn, "keyArn");
        return new Cooldown(duration, formats, notifications, logRetentionDays, keyArn);
    }

    /**
     * How long the workflow's log group keeps its events.
     *
     * @return the days given, or 90
     */
    public int logRetentionDays() {
        return logRetentionDays == null ? Airlock.DEFAULT_LOG_RETENTION_DAYS : logRetentionDays;
    }

    /**
     * The key that encrypts the workflow's log group.
     *
     * @return the key given, or empty when CloudWatch Logs encrypts the group itself
     */
    public Optional<Output<String>> logKmsKeyArn() {
        return Optional.ofNullable(logKmsKeyArn);
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
        return new RegistryInputs.CooldownInput(duration, formatsGiven(), notifications(),
                Optional.ofNullable(logRetentionDays), logKmsKeyArn());
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
                && notifications() == that.notifications() && logRetentionDays() == that.logRetentionDays()
                // Keys known now compare by ARN; outputs of resources only by identity.
                && Known.sameValue(logKmsKeyArn, that.logKmsKeyArn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(duration, formats, notifications(), logRetentionDays(), Known.valueHash(logKmsKeyArn));
    }

    @Override
    public String toString() {
        return "Cooldown.of(" + duration + ")"
                + (formats == null ? "" : ".formats(" + String.join(", ", formats) + ")")
                + (notifications() ? "" : ".notifications(false)")
                + (logRetentionDays == null ? "" : ".logRetentionDays(" + logRetentionDays + ")")
                + (logKmsKeyArn == null ? "" : ".logKmsKeyArn(" + Known.value(logKmsKeyArn).orElse("output") + ")");
    }
}
