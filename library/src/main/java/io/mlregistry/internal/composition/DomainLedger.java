package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import io.mlregistry.internal.privateaccess.SharedEndpoints;
import io.mlregistry.internal.rules.Problems;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the registries of one stack create in one CodeArtifact domain: which registry created each
 * repository, and the store repositories the domain's creator made for each external connection,
 * which registries joining the domain share, as they share the VPC endpoints one of them created in
 * a VPC and the domain's asset bucket. Repository names are unique per domain, so a second
 * claim of a name is a deployment that would fail half way; it is refused while the program runs.
 */
public final class DomainLedger {

    private final String shownDomain;
    private final Map<String, String> creators = new HashMap<>();
    private final Map<String, String> storeNames = new HashMap<>();
    private final Map<String, Output<String>> storeOutputs = new HashMap<>();
    private final Map<String, String> airlocks = new HashMap<>();
    private final Map<Object, SharedEndpoints> vpcEndpoints = new HashMap<>();
    private Output<String> assetBucket;

    /**
     * Starts the ledger of one domain.
     *
     * @param shownDomain how messages name the domain, such as {@code domain ml-platform}
     */
    public DomainLedger(String shownDomain) {
        this.shownDomain = shownDomain;
    }

    /**
     * Records that {@code registry} creates the repository {@code name}, reporting a clash with the
     * registry that already creates it.
     *
     * @param registry the creating registry's name
     * @param field the input that names the repository, such as {@code repositoryName}
     * @param name the repository's name
     * @param problems where a clash goes
     */
    public synchronized void claim(String registry, String field, String name, Problems problems) {
        String first = creators.putIfAbsent(name, registry);
        if (registry.equals(first)) {
            if (!problems.lines().contains(twice(registry))) {
                problems.addLine(twice(registry));
            }
        } else if (first != null) {
            problems.add("registry " + registry + ": " + field, name,
                    "is already created in " + shownDomain + " by registry " + first
                            + "; repository names are unique in a domain");
        }
    }

    /** The problem of one component name given to two registries of a stack. */
    static String twice(String registry) {
        return "registry " + registry + " is declared twice in this stack; the engine refuses a duplicate URN: "
                + "give each registry a distinct name";
    }

    /**
     * Records a store the domain's creator made, for registries joining the domain to share.
     *
     * @param connection the external connection it holds
     * @param name its name
     * @param output its name as the repository's output, which orders the deployment
     */
    public synchronized void shareStore(String connection, String name, Output<String> output) {
        storeNames.putIfAbsent(connection, name);
        storeOutputs.putIfAbsent(connection, output);
    }

    /**
     * Records that a registry's cooldown airlock holds back the shared store of a connection, so
     * that no registry joining the domain searches it directly.
     */
    public synchronized void airlock(String connection, String registry) {
        airlocks.putIfAbsent(connection, registry);
    }

    /** The registry whose cooldown airlock holds back the shared store of a connection, if any. */
    public synchronized Optional<String> airlockedBy(String connection) {
        return Optional.ofNullable(airlocks.get(connection));
    }

    /** The names of the stores the domain's creator made, by external connection. */
    public synchronized Map<String, String> sharedStoreNames() {
        return Map.copyOf(storeNames);
    }

    /** The shared store's name as its repository's output, when the domain's creator made one. */
    public synchronized Optional<Output<String>> sharedStore(String connection) {
        return Optional.ofNullable(storeOutputs.get(connection));
    }

    /**
     * Records the CodeArtifact endpoints a registry created in a VPC, for the registries of this
     * domain that name the same VPC to share: a VPC takes one endpoint with private DNS per service.
     *
     * @param vpc the VPC, as {@code Sameness.key} keys it
     * @param endpoints the endpoints
     */
    public synchronized void shareVpcEndpoints(Object vpc, SharedEndpoints endpoints) {
        vpcEndpoints.putIfAbsent(vpc, endpoints);
    }

    /** The endpoints a registry of this domain created in a VPC, if any. */
    public synchronized Optional<SharedEndpoints> vpcEndpoints(Object vpc) {
        return Optional.ofNullable(vpcEndpoints.get(vpc));
    }

    /**
     * Records the S3 bucket that holds the domain's package assets, as the domain created in this
     * stack reports it.
     */
    public synchronized void shareAssetBucket(Output<String> bucketArn) {
        if (assetBucket == null) {
            assetBucket = bucketArn;
        }
    }

    /** The domain's asset bucket, when a registry of this stack created the domain. */
    public synchronized Optional<Output<String>> assetBucket() {
        return Optional.ofNullable(assetBucket);
    }
}
