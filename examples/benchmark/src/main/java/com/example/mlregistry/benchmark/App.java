package com.example.mlregistry.benchmark;

import com.pulumi.Context;
import com.pulumi.Pulumi;

/**
 * The benchmark's stack: {@code registries} (default 200) registries through the component. A real
 * `pulumi preview` of it measures what users feel; see ../../docs/performance.md.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** The stack's program; the benchmark and the offline preview run it on Pulumi's mock engine. */
    public static void stack(Context ctx) {
        Registries.component(ctx, ctx.config().getInteger("registries").orElse(200));
    }
}
