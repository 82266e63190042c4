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
 * The provider plugin's entry point: {@code java -jar mlregistry-provider.jar <engine address>}.
 * Serves the provider on a free loopback port and prints that port, alone, as the first line of
 * standard output, which is how the Pulumi engine learns where to connect.
 */
public final class Main {

    private Main() {
    }

    /**
     * Starts the provider and blocks until the engine ends the process.
     *
     * @param args the engine's address first, as the engine passes it; further arguments are ignored
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        String engine = args.length > 0 ? args[0] : "";
        Server server = start(engine);
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
     * Starts the provider on a free loopback port.
     *
     * @param engineAddress the engine's address
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static Server start(String engineAddress) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new RegistryProvider(engineAddress, version()))
                .build()
                .start();
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
