package io.mlregistry.provider;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The provider plugin's entry point: {@code java -jar mlregistry-provider.jar [flags] <engine address>}.
 * Serves the provider on a free loopback port and prints that port, alone, as the first line of
 * standard output, which is how the Pulumi engine learns where to connect.
 *
 * <p>The engine passes its flags before its address ({@code --logtostderr}, {@code -v=<level>} with
 * {@code --logflow}, {@code --tracing <endpoint>}). A verbosity of 1 or more, or the environment
 * variable {@value #VERBOSE_VARIABLE} set to {@code true}, lets pulumi-java's stack traces of a
 * rejected registry reach the engine ({@link EngineRelay}).
 */
public final class Main {

    /** The environment variable that turns the stack traces of rejected registries on. */
    public static final String VERBOSE_VARIABLE = "MLREGISTRY_PROVIDER_VERBOSE";

    private Main() {
    }

    /**
     * What the engine passed on the command line.
     *
     * @param engineAddress the engine's gRPC address, the last argument; empty when there is none
     * @param verbose whether a verbosity of 1 or more was passed
     */
    record Arguments(String engineAddress, boolean verbose) {

        static Arguments parse(String[] args) {
            String engine = "";
            boolean verbose = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--tracing")) {
                    i++;
                } else if (arg.startsWith("-v=")) {
                    verbose = parseLevel(arg.substring(3)) > 0;
                } else if (!arg.startsWith("-")) {
                    engine = arg;
                }
            }
            return new Arguments(engine, verbose);
        }

        private static int parseLevel(String level) {
            try {
                return Integer.parseInt(level);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /**
     * Starts the provider and blocks until the engine ends the process.
     *
     * @param args the engine's flags, then its address, as the engine passes them
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Arguments arguments = Arguments.parse(args);
        Server server = start(arguments.engineAddress(),
                arguments.verbose() || Boolean.parseBoolean(System.getenv(VERBOSE_VARIABLE)));
        System.out.println(server.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdown().awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        server.awaitTermination();
    }

    /**
     * Starts the provider on a free loopback port, quiet about the stack traces of rejected registries.
     *
     * @param engineAddress the engine's address
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static Server start(String engineAddress) throws IOException {
        return start(engineAddress, false);
    }

    /**
     * Starts the provider on a free loopback port. The same server relays the engine's service to
     * the provider's inline deployments, so that one lifecycle covers both.
     *
     * @param engineAddress the engine's address; empty for none
     * @param verbose whether the stack traces of rejected registries reach the engine
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static Server start(String engineAddress, boolean verbose) throws IOException {
        RegistryProvider provider = new RegistryProvider(engineAddress, version());
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(provider);
        EngineRelay relay = engineAddress.isEmpty() ? null : new EngineRelay(engineAddress, verbose);
        if (relay != null) {
            builder.addService(relay);
        }
        Server server = builder.build().start();
        if (relay != null) {
            provider.relayEngineThrough("127.0.0.1:" + server.getPort());
        }
        return server;
    }

    /**
     * The package version, from the POM.
     *
     * @return the version, such as {@code 0.1.0}
     */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the provider jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
