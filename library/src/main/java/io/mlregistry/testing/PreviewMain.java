package io.mlregistry.testing;

import com.pulumi.test.TestOptions;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints, offline, what a Pulumi Java stack would create: its real program runs on Pulumi's mock
 * engine with {@link AwsMocks} in placeholder mode, every {@link DeployRule} is checked, and
 * {@link StackPreview} renders the result. Nothing reaches AWS, and no Pulumi CLI is needed.
 *
 * <p>Usage: {@code PreviewMain [options] <program class> [<stack>] [<region>]}. The program class
 * has a {@code public static void stack(com.pulumi.Context)} method, or only a
 * {@code main(String[])} that calls {@code Pulumi.run}. The project name comes from
 * {@code Pulumi.yaml} and the configuration from {@code Pulumi.<stack>.yaml} in the project
 * directory (the working directory unless {@code --dir}); the region from the stack's
 * {@code aws:region}, else the third argument, else {@code <region>}. Options:
 * <ul>
 * <li>{@code --stack NAME}: the stack, default {@code dev};</li>
 * <li>{@code --config KEY=VALUE}: a configuration value, repeatable, over the stack file's; a key
 *     without a namespace belongs to the project; values of secret keys are shown as
 *     {@code [secret]};</li>
 * <li>{@code --dir PATH}: the project directory;</li>
 * <li>{@code --policies}: print policy documents in full;</li>
 * <li>{@code --format text|json|mermaid}: the plan (default), JSON for machines, or a Mermaid
 *     diagram of domains, repositories, upstreams, external connections and package groups;</li>
 * <li>{@code --verbose}: on failure, also the stack traces and the engine's log.</li>
 * </ul>
 * Exit status 0 on success; 1 when the program fails or the stack breaks a deploy-time rule (the
 * problems on standard error, one line each); 2 for bad usage.
 */
public final class PreviewMain {

    private static final String USAGE = "usage: PreviewMain [--stack NAME] [--config KEY=VALUE]... [--dir PATH]"
            + " [--policies] [--format text|json|mermaid] [--verbose] <program class> [<stack>] [<region>]";
    private static final Pattern MISSING_CONFIG = Pattern.compile("Missing required configuration variable '([^']+)'");

    private PreviewMain() {
    }

    /**
     * Runs the preview and exits with its status.
     *
     * @param args the options, the program class, then optionally the stack name and region
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the preview.
     *
     * @param args the options, the program class, then optionally the stack name and region
     * @param out where the plan goes
     * @param err where errors go
     * @return the exit status: 0 success, 1 the program failed or breaks a deploy-time rule, 2 bad usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage().startsWith("usage") ? e.getMessage() : "preview: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        StackConfig config;
        ProgramLoader.Program program;
        try {
            config = StackConfig.read(options.dir, projectName(options.programClass), options.stack, options.config);
            program = ProgramLoader.load(options.programClass, Thread.currentThread().getContextClassLoader());
        } catch (IllegalArgumentException e) {
            err.println("preview: " + e.getMessage());
            return 2;
        } catch (RuntimeException | LinkageError e) {
            // main threw before calling Pulumi.run, or a class of the program failed to initialize.
            return failed(List.of(e), List.of(), options, new Masker(List.of()), err);
        }
        String region = config.region().orElse(options.region != null ? options.region : Placeholders.REGION);
        AwsMocks mocks = AwsMocks.builder().accountId(Placeholders.ACCOUNT_ID).region(region).placeholders(true).build();
        StackRecording recording = StackRecording.run(mocks,
                TestOptions.builder().projectName(config.project).stackName(options.stack).preview(true)
                        .resourceTransformations(program.transformations()).build(),
                config.values, config.secretKeys, program.stack());
        Masker masker = new Masker(config.secretValues());
        if (!recording.exceptions().isEmpty()) {
            return failed(recording.exceptions(), recording.log(), options, masker, err);
        }
        List<String> problems = recording.deployProblems();
        if (!problems.isEmpty()) {
            err.println("preview: pulumi up would fail:");
            problems.forEach(p -> err.println("  " + masker.show(p)));
            return 1;
        }
        switch (options.format) {
            case "json":
                out.print(masker.show(StackPreview.json(recording)));
                break;
            case "mermaid":
                out.print(masker.show(StackDiagram.mermaid(recording)));
                break;
            default:
                out.print(masker.show(header(options, config) + StackPreview.render(recording, options.policies)));
        }
        return 0;
    }

    private static String header(Options options, StackConfig config) {
        StringBuilder text = new StringBuilder("Offline plan of project ").append(config.project).append(", stack ")
                .append(options.stack).append(" (").append(options.programClass).append("), on the Pulumi mock engine.\n")
                .append("Nothing was sent to AWS. <placeholders> are assigned by AWS or Pulumi at deploy time.\n");
        if (!config.values.isEmpty()) {
            text.append("Config:");
            config.values.forEach((key, value) -> text.append(' ').append(key).append('=')
                    .append(config.secretKeys.contains(key) ? "[secret]" : value));
            text.append('\n');
        }
        if (!config.encrypted.isEmpty()) {
            text.append("Encrypted in ").append(config.stackFile.orElseThrow().getFileName())
                    .append(", read as <secret>: ").append(String.join(", ", config.encrypted))
                    .append(" (pass --config KEY=VALUE to preview with a value)\n");
        }
        return text.append('\n').toString();
    }

    private static int failed(
            List<? extends Throwable> exceptions, List<String> log, Options options, Masker masker, PrintStream err) {
        err.println("preview: the program failed:");
        Set<String> lines = new LinkedHashSet<>();
        for (Throwable exception : exceptions) {
            String message = rootMessage(exception);
            Matcher missing = MISSING_CONFIG.matcher(message);
            if (missing.find()) {
                String key = missing.group(1);
                message = "missing required configuration variable '" + key + "': set it in Pulumi." + options.stack
                        + ".yaml or pass --config " + key.substring(key.indexOf(':') + 1) + "=<value>";
            }
            message.lines().forEach(lines::add);
        }
        lines.forEach(line -> err.println("  " + masker.show(line)));
        if (options.verbose) {
            for (Throwable exception : exceptions) {
                StringWriter trace = new StringWriter();
                exception.printStackTrace(new PrintWriter(trace));
                err.print(masker.show(trace.toString()));
            }
            log.forEach(line -> err.println(masker.show(line)));
        }
        return 1;
    }

    /** The innermost message: what the program said, without the engine's wrapping. */
    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    /** The project name when there is no {@code Pulumi.yaml}: the last part of the class's package. */
    private static String projectName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : simple;
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** Shows placeholders by name and secret values as {@code [secret]}. */
    private static final class Masker {
        private final List<String> secrets;

        Masker(List<String> secrets) {
            this.secrets = secrets;
        }

        String show(String text) {
            String shown = text;
            for (String secret : secrets) {
                shown = shown.replace(secret, "[secret]");
            }
            return Placeholders.show(shown);
        }
    }

    /** The command line, parsed. */
    private static final class Options {
        String programClass;
        String stack = "dev";
        String region;
        Path dir = Path.of("");
        boolean policies;
        boolean verbose;
        String format = "text";
        final List<String> config = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            List<String> positional = new ArrayList<>();
            String stackOption = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--stack":
                        stackOption = value(args, ++i, arg);
                        break;
                    case "--config":
                        options.config.add(value(args, ++i, arg));
                        break;
                    case "--dir":
                        options.dir = Path.of(value(args, ++i, arg));
                        break;
                    case "--format":
                        options.format = value(args, ++i, arg);
                        if (!List.of("text", "json", "mermaid").contains(options.format)) {
                            throw new IllegalArgumentException("--format (" + options.format + ") must be text, json or mermaid");
                        }
                        break;
                    case "--policies":
                        options.policies = true;
                        break;
                    case "--verbose":
                        options.verbose = true;
                        break;
                    default:
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        positional.add(arg);
                }
            }
            if (positional.isEmpty() || positional.size() > 3) {
                throw new IllegalArgumentException(USAGE);
            }
            options.programClass = positional.get(0);
            if (positional.size() > 1) {
                options.stack = positional.get(1);
            }
            if (stackOption != null) {
                options.stack = stackOption;
            }
            if (positional.size() > 2) {
                options.region = positional.get(2);
            }
            return options;
        }

        private static String value(String[] args, int at, String option) {
            if (at >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[at];
        }
    }
}
