package io.mlregistry.internal.resources;

import com.pulumi.deployment.Deployment;
import io.mlregistry.internal.composition.StackLedger;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** The ledger of the Pulumi program running now: one per deployment, weakly held. */
final class Stacks {

    private static final Map<Object, StackLedger> LEDGERS = Collections.synchronizedMap(new WeakHashMap<>());

    private Stacks() {
    }

    /** The ledger of the program running now. */
    static StackLedger current() {
        return LEDGERS.computeIfAbsent(Deployment.getInstance(), key -> new StackLedger());
    }
}
