package io.mlregistry.testing;

import com.pulumi.Context;
import com.pulumi.test.TestOptions;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Consumer;

/**
 * Prints, offline, what a Pulumi Java stack would create: its real program runs on Pulumi's mock
 * engine with {@link AwsMocks} in placeholder mode, and {@link StackPreview} renders the result.
 * Nothing reaches AWS, and no Pulumi CLI is needed.
 *
 * <p>Usage: {@code PreviewMain <program class> [<stack name>] [<region>]}, where the program class
 * has a {@code public static void stack(com.pulumi.Context)} method (the one its {@code main}
 * passes to {@code Pulumi.run}). Exit status 0 on success, 1 when the program fails (its error on
 * standard error, one line per problem), 2 for bad usage.
 */
public final class PreviewMain {

    private PreviewMain() {
    }

    /**
     * Runs the preview and exits with its status.
     *
     * @param args the program class, then optionally the stack name and region
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the preview.
     *
     * @param args the program class, then optionally the stack name and region
     * @param out where the plan goes
     * @param err where errors go
     * @return the exit status: 0 success, 1 the program failed, 2 bad usage
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 3) {
            err.println("usage: PreviewMain <program class with static stack(Context)> [<stack>] [<region>]");
            return 2;
        }
        Consumer<Context> program;
        try {
            program = program(args[0]);
        } catch (IllegalArgumentException e) {
            err.println("preview: " + e.getMessage());
            return 2;
        }
        String stack = args.length > 1 ? args[1] : "dev";
        String region = args.length > 2 ? args[2] : Placeholders.REGION;
        AwsMocks mocks = AwsMocks.builder().accountId(Placeholders.ACCOUNT_ID).region(region).placeholders(true).build();
        StackRecording recording = StackRecording.run(mocks,
                TestOptions.builder().projectName(projectName(args[0])).stackName(stack).preview(true).build(), program);
        if (!recording.exceptions().isEmpty()) {
            err.println("preview: the program failed:");
            recording.exceptions().stream()
                    .map(PreviewMain::rootMessage)
                    .distinct()
                    .forEach(message -> message.lines().forEach(line -> err.println("  " + line)));
            return 1;
        }
        out.println("Offline plan of " + args[0] + ", stack " + stack + ", on the Pulumi mock engine.");
        out.println("Nothing was sent to AWS. <placeholders> are assigned by AWS or Pulumi at deploy time.");
        out.println();
        out.print(Placeholders.show(StackPreview.render(recording)));
        return 0;
    }

    private static Consumer<Context> program(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the classpath");
        }
        Method stack;
        try {
            stack = type.getMethod("stack", Context.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no public static void stack(com.pulumi.Context)");
        }
        if (!Modifier.isStatic(stack.getModifiers())) {
            throw new IllegalArgumentException(className + ".stack(Context) must be static");
        }
        return ctx -> {
            try {
                stack.invoke(null, ctx);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The innermost message: what the program said, without the engine's wrapping. */
    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static String projectName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : simple;
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }
}
