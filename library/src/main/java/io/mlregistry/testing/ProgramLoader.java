package io.mlregistry.testing;

import com.pulumi.Context;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.resources.StackOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the stack of a program class: its {@code public static void stack(Context)}, or else the
 * {@code Consumer<Context>} its {@code main(String[])} passes to {@code Pulumi.run}. For the
 * latter the program's own classes (those from the same directory or jar) are loaded again with
 * every reference to {@code com.pulumi.Pulumi} pointed at {@link OfflinePulumi}: a rename of one
 * constant in the class file, nothing else changes.
 */
final class ProgramLoader {

    private static final String PULUMI = "com/pulumi/Pulumi";
    private static final String OFFLINE = OfflinePulumi.class.getName().replace('.', '/');
    private static final ThreadLocal<Program> CAPTURED = new ThreadLocal<>();

    /** A stack and the transformations its stack options add. */
    record Program(Consumer<Context> stack, List<ResourceTransformation> transformations) {
    }

    private ProgramLoader() {
    }

    static void capture(Consumer<Context> stack, StackOptions options) {
        CAPTURED.set(new Program(stack, options.resourceTransformations()));
    }

    /**
     * The program of a class.
     *
     * @throws IllegalArgumentException if there is no such class, or it has neither entry point
     */
    static Program load(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the classpath");
        }
        Method stack = method(type, "stack", Context.class);
        if (stack != null) {
            return new Program(ctx -> invoke(stack, ctx), List.of());
        }
        if (method(type, "main", String[].class) == null) {
            throw new IllegalArgumentException(className
                    + " has neither public static void stack(com.pulumi.Context) nor public static void main(String[])");
        }
        Method main;
        try {
            Class<?> rewritten = Class.forName(className, true, new Rewriting(loader, type));
            main = method(rewritten, "main", String[].class);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the classpath");
        }
        CAPTURED.remove();
        try {
            invoke(main, (Object) new String[0]);
            Program program = CAPTURED.get();
            if (program == null) {
                throw new IllegalArgumentException(className + ".main(String[]) returned without calling Pulumi.run");
            }
            return program;
        } finally {
            CAPTURED.remove();
        }
    }

    private static Method method(Class<?> type, String name, Class<?> parameter) {
        try {
            Method method = type.getMethod(name, parameter);
            return Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void invoke(Method method, Object argument) {
        try {
            method.invoke(null, argument);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the classes of the program's code source itself, rewritten; everything else from the parent. */
    private static final class Rewriting extends ClassLoader {
        private final String root;

        Rewriting(ClassLoader parent, Class<?> program) {
            super(parent);
            CodeSource source = program.getProtectionDomain().getCodeSource();
            String location = source == null || source.getLocation() == null ? "\0" : source.getLocation().toString();
            this.root = location.endsWith(".jar") ? "jar:" + location + "!/" : location;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    URL url = getParent().getResource(name.replace('.', '/') + ".class");
                    if (url != null && url.toString().startsWith(root)) {
                        byte[] bytes = rewrite(read(url));
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } else {
                        loaded = getParent().loadClass(name);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private static byte[] read(URL url) {
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The class file with the constant {@code com/pulumi/Pulumi} (the class name its calls to
     * {@code Pulumi.run} refer to) renamed. Code refers to constants by index, so a constant may
     * change length without moving anything that refers to it.
     */
    static byte[] rewrite(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 32);
        int count = u2(bytes, 8);
        int at = 10;
        out.write(bytes, 0, at);
        for (int index = 1; index < count; index++) {
            int tag = bytes[at] & 0xff;
            int size;
            switch (tag) {
                case 1:
                    size = 3 + u2(bytes, at + 1);
                    String text = new String(bytes, at + 3, size - 3, StandardCharsets.UTF_8);
                    if (text.equals(PULUMI)) {
                        byte[] renamed = OFFLINE.getBytes(StandardCharsets.UTF_8);
                        out.write(1);
                        out.write(renamed.length >> 8);
                        out.write(renamed.length & 0xff);
                        out.write(renamed, 0, renamed.length);
                        at += size;
                        continue;
                    }
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    size = 3;
                    break;
                case 15:
                    size = 4;
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    size = 5;
                    break;
                case 5: case 6:
                    size = 9;
                    index++;
                    break;
                default:
                    throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
            out.write(bytes, at, size);
            at += size;
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static int u2(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }
}
