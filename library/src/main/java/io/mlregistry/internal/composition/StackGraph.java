package io.mlregistry.internal.composition;

import com.pulumi.core.Output;
import io.mlregistry.internal.outputs.Known;
import io.mlregistry.internal.rules.Problems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The domains and repositories of one Pulumi program, as one graph, grown as each registry is
 * constructed: which registry creates each domain and each repository, what every primary
 * repository searches, the stores shared per domain and held back by airlocks, the package group
 * patterns. Every addition is checked against the graph as it stands, with its own edges and the
 * edges other registries drew to names it now creates, so that the order in which registries are
 * written does not change what is refused.
 *
 * <p>A name that no registry has created yet (an upstream or a package group's repository given
 * as a string) waits, while the program runs, for a later registry that creates it; when the
 * program's declarations are done ({@link #settle}) it is taken as the name of a repository
 * outside the stack, or refused where the stack creates the domain. Without a settlement
 * ({@link #waitForSettlement} never called) names are decided at once.
 */
public final class StackGraph {

    private final Set<String> names = new HashSet<>();
    private final Map<String, Domain> byKey = new HashMap<>();
    private final List<Domain> domains = new ArrayList<>();
    private final Map<Object, Located> primaries = new IdentityHashMap<>();
    private final List<Lookup> pending = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Shared<?>, Object> shared = new HashMap<>();
    private boolean waiting;
    private Optional<String> placeholderAccount = Optional.empty();

    /** A primary repository and the domain it is in. */
    private record Located(Domain domain, Repository repository) {
    }

    /** A name waiting for a registry that creates it. */
    private record Lookup(Domain domain, String name, String registry, String field, Purpose purpose,
            CompletableFuture<Output<String>> resolved) {
    }

    /**
     * What a name is looked up for: whether a name no registry creates is refused in a domain the
     * stack creates, and the rule a name from another domain breaks.
     */
    public enum Purpose {
        /** An upstream of a primary repository. */
        UPSTREAM(true, "an upstream must be in the same domain"),
        /** A repository an internal namespace lets publish. */
        PUBLISHER(true, "a package group names repositories of its own domain"),
        /** A repository a raw package group names, which is created as given. */
        RAW_PACKAGE_GROUP(false, "a package group names repositories of its own domain");

        private final boolean refusesUnknown;
        private final String rule;

        Purpose(boolean refusesUnknown, String rule) {
            this.refusesUnknown = refusesUnknown;
            this.rule = rule;
        }
    }

    /**
     * Where a registry's domain is in the graph.
     *
     * @param domain the domain, new or known
     * @param key the key the domain is kept under, when it can be found again by name
     * @param byName whether the registry joins it by name, without creating it
     */
    record Place(Domain domain, Optional<String> key, boolean byName) {
    }

    /**
     * How a registry names its domain.
     *
     * @param owner the registry it joins with {@code inDomainOf}
     * @param create whether it creates the domain
     * @param name the domain's name, when known now
     * @param ownerGiven whether {@code domainOwner} is set
     * @param ownerAccount the domain owner's account, when set and known now
     */
    public record DomainChoice(Optional<Node> owner, boolean create, Optional<String> name, boolean ownerGiven,
            Optional<String> ownerAccount) {
    }

    /** Starts the graph of one program, empty. */
    public StackGraph() {
    }

    /** Lets names not created yet wait until {@link #settle}, which the caller promises. */
    public synchronized void waitForSettlement() {
        waiting = true;
    }

    /**
     * The thing of a kind that every registry of the program shares, whatever its domain, such as
     * the VPCs in which a registry turned private DNS on: the first registry to ask creates it.
     *
     * @param kind what is shared
     * @param first creates it, for the first registry that asks
     * @return what the first registry created
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T share(Shared<T> kind, Supplier<T> first) {
        return (T) shared.computeIfAbsent(kind, k -> first.get());
    }

    /**
     * Records the account that stands for the deploying one in an offline preview: principals of
     * a domain it owns may be of the deploying account, whatever their account.
     *
     * @param account the placeholder account
     */
    public synchronized void placeholderAccount(String account) {
        this.placeholderAccount = Optional.of(account);
    }

    /** The account that stands for the deploying one, in an offline preview. */
    public synchronized Optional<String> placeholderAccount() {
        return placeholderAccount;
    }

    /**
     * Reports a second registry of the same name under a parent of the same type: the engine would
     * refuse their URNs.
     */
    synchronized void checkName(String registry, String parentType, Problems problems) {
        if (names.contains(parentType + "::" + registry)) {
            problems.addLine("registry " + registry + ": the name " + registry + " is already given to another registry "
                    + "of this stack; the engine refuses a duplicate URN: give each registry a distinct name");
        }
    }

    /** Records a registry's name once it is in the graph. */
    synchronized void claimName(String registry, String parentType) {
        names.add(parentType + "::" + registry);
    }

    /**
     * Finds the domain a registry creates or joins.
     *
     * @throws IllegalArgumentException for a domain created twice, or created after it was joined by name
     */
    synchronized Place place(String registry, DomainChoice choice) {
        if (choice.owner().isPresent()) {
            return new Place(choice.owner().get().domain(), Optional.empty(), false);
        }
        if (choice.name().isEmpty() || (choice.ownerGiven() && choice.ownerAccount().isEmpty())) {
            return new Place(new Domain(choice.name(), registry), Optional.empty(), false);
        }
        String name = choice.name().get();
        String key = name + "@" + choice.ownerAccount().orElse("");
        Domain known = byKey.get(key);
        if (!choice.create()) {
            return new Place(known != null ? known : new Domain(choice.name(), registry), Optional.of(key), true);
        }
        if (known == null) {
            return new Place(new Domain(choice.name(), registry), Optional.of(key), false);
        }
        Problems problems = new Problems();
        if (known.creator().isPresent()) {
            String first = known.creator().get().name();
            problems.add("registry " + registry + ": domainName", name, "is already created by registry " + first
                    + " in this stack; domain names are unique per account and region: join it with inDomainOf(" + first + ")");
        } else {
            String first = known.joinedByName().get(0);
            problems.add("registry " + registry + ": domainName", name, "is joined by registry " + first
                    + ", declared before " + registry + " with createDomain(false), whose repositories would not wait for "
                    + "the domain: declare " + registry + " first and give " + first + " inDomainOf(" + registry + ")");
        }
        throw new IllegalArgumentException(problems.lines().get(0));
    }

    /**
     * Adds a registry: checks its repositories, stores, patterns and edges against the graph and,
     * when none breaks a rule, records them.
     *
     * @return the registry's node, or empty when a rule is broken
     */
    synchronized Optional<Node> add(Place place, Addition addition, Problems problems) {
        int before = problems.lines().size();
        String registry = addition.registry();
        Domain domain = place.domain();
        List<Edge> edges = new ArrayList<>();
        for (Addition.Upstreaming upstream : addition.upstreams()) {
            Optional<String> target = upstream.name();
            Optional<Located> referenced = upstream.reference().map(primaries::get);
            if (referenced.isPresent() && referenced.get().domain() != domain) {
                Located other = referenced.get();
                problems.add("registry " + registry + ": " + upstream.field(), other.repository().name(),
                        "is the primary repository of registry " + other.repository().registry() + ", in "
                                + other.domain().label() + "; an upstream must be in the same domain, here "
                                + domain.shortName());
            }
            target = target.or(() -> referenced.map(located -> located.repository().name()));
            target.ifPresent(name -> edges.add(new Edge(registry, name, upstream.index(), upstream.field(),
                    upstream.shown().orElse(name))));
        }
        Repository primary = new Repository(addition.primary(), registry, "repositoryName", Optional.empty(), edges, new Slot<>());
        List<Repository> stores = new ArrayList<>();
        for (Addition.NewStore store : addition.stores()) {
            stores.add(new Repository(store.name(), registry, "upstreams[" + store.index() + "].storeRepositoryName",
                    Optional.of(store.connection()), List.of(), new Slot<>()));
            Repository shared = domain.stores().get(store.connection());
            if (shared != null && store.explicit() && !store.ownCache()) {
                problems.add("registry " + registry + ": upstreams[" + store.index() + "].storeRepositoryName", store.name(),
                        "would be a second cache of " + store.connection() + " in " + domain.label() + ", where registry "
                                + shared.registry() + "'s " + shared.name() + " caches it: share it with "
                                + "Upstream.externalConnection(\"" + store.connection() + "\"), or say a second cache is "
                                + "deliberate with Upstream.ownCache(\"" + store.connection() + "\", \"" + store.name() + "\")");
            }
        }
        Map<String, Repository> repositories = new LinkedHashMap<>(domain.repositories());
        for (Repository repository : stores) {
            claim(registry, domain, repository, repositories, problems);
        }
        claim(registry, domain, primary, repositories, problems);
        for (Addition.Pattern pattern : addition.patterns()) {
            String[] first = domain.patterns().get(pattern.pattern());
            if (first != null) {
                problems.add("registry " + registry + ": " + pattern.field() + ".pattern", pattern.pattern(),
                        "is already a package group of " + domain.label() + ", created by registry " + first[0]
                                + "; a pattern is unique in its domain");
            }
        }
        Map<String, List<String>> airlocks = new LinkedHashMap<>();
        domain.airlocks().forEach((store, holders) -> airlocks.put(store, new ArrayList<>(holders)));
        addition.holds().forEach(hold -> airlocks.computeIfAbsent(hold.store(), k -> new ArrayList<>()).add(registry));
        if (problems.lines().size() == before) {
            GraphRules.check(registry, primary, repositories, airlocks, problems);
        }
        if (problems.lines().size() > before) {
            return Optional.empty();
        }
        Node node = new Node(registry, domain, primary, stores);
        commit(place, addition, node, stores, airlocks);
        nodes.add(node);
        return Optional.of(node);
    }

    private static void claim(String registry, Domain domain, Repository repository, Map<String, Repository> repositories,
            Problems problems) {
        Repository first = repositories.putIfAbsent(repository.name(), repository);
        if (first != null && !first.registry().equals(registry)) {
            problems.add("registry " + registry + ": " + repository.field(), repository.name(), "is already created in "
                    + domain.label() + " by registry " + first.registry() + "; repository names are unique in a domain");
        }
    }

    private void commit(Place place, Addition addition, Node node, List<Repository> stores,
            Map<String, List<String>> airlocks) {
        Domain domain = place.domain();
        if (!domains.contains(domain)) {
            domains.add(domain);
        }
        place.key().ifPresent(key -> byKey.putIfAbsent(key, domain));
        if (addition.createsDomain()) {
            domain.creator(node);
            domain.othersCreateRepositories(addition.othersCreateRepositories());
        } else if (place.byName() && domain.creator().isEmpty()) {
            domain.joinedByName().add(addition.registry());
        }
        List<Repository> created = new ArrayList<>(stores);
        created.add(node.primary());
        for (int i = 0; i < stores.size(); i++) {
            if (!addition.stores().get(i).ownCache()) {
                domain.stores().putIfAbsent(stores.get(i).connection().orElseThrow(), stores.get(i));
            }
        }
        created.forEach(repository -> domain.repositories().put(repository.name(), repository));
        domain.airlocks().putAll(airlocks);
        addition.patterns().forEach(p -> domain.patterns().put(p.pattern(), new String[] {addition.registry(), p.field()}));
        for (Iterator<Lookup> it = pending.iterator(); it.hasNext(); ) {
            Lookup lookup = it.next();
            Repository found = lookup.domain() == domain ? domain.repositories().get(lookup.name()) : null;
            if (found != null) {
                lookup.resolved().complete(found.slot().output());
                it.remove();
            }
        }
    }

    /**
     * Records the primary repository's name output that {@code Upstream.repositoryOf} takes, so
     * that an upstream naming it is known to be that registry's.
     */
    public synchronized void bindPrimary(Node node, Output<String> repositoryName) {
        node.bindRepository(Optional.empty(), repositoryName);
        primaries.put(repositoryName, new Located(node.domain(), node.primary()));
    }

    /**
     * A repository of the registry's domain, named as a string: the output of the registry of the
     * stack that creates it, now or, while the program runs, once one does; else the name itself,
     * a repository outside the stack, unless the stack creates the domain, where no other
     * repository can be.
     *
     * @param node the registry naming it
     * @param field the input that names it
     * @param name the repository's name
     * @param purpose what it is named for
     * @param problems where an unknown name goes when it is decided at once
     * @return the name, as an output that waits for the repository
     */
    synchronized Output<String> repository(Node node, String field, String name, Purpose purpose, Problems problems) {
        Domain domain = node.domain();
        Repository found = domain.repositories().get(name);
        if (found != null) {
            return found.slot().output();
        }
        if (waiting) {
            CompletableFuture<Output<String>> resolved = new CompletableFuture<>();
            pending.add(new Lookup(domain, name, node.name(), field, purpose, resolved));
            return Slot.later(resolved);
        }
        if (refuses(domain, purpose)) {
            problems.addLine(unknown(node.name(), field, name, domain, purpose));
        }
        return Output.of(name);
    }

    /**
     * Whether a name no registry creates is refused: in a domain the stack creates, whose first
     * deployment holds no other repository, unless other accounts create repositories in it.
     */
    private static boolean refuses(Domain domain, Purpose purpose) {
        return purpose.refusesUnknown && domain.creator().isPresent() && !domain.othersCreateRepositories();
    }

    private String unknown(String registry, String field, String name, Domain domain, Purpose purpose) {
        StringBuilder line = new StringBuilder("registry " + registry + ": " + field + " (" + Problems.show(name)
                + ") names no repository of " + domain.label() + ": no registry of this stack creates one of that name (it has "
                + domain.repositoryList() + ")");
        for (Domain other : domains) {
            Repository there = other == domain ? null : other.repositories().get(name);
            if (there != null) {
                line.append("; registry ").append(there.registry()).append(" creates one in ").append(other.label())
                        .append(", and ").append(purpose.rule);
                break;
            }
        }
        return line.toString();
    }

    /**
     * Ends the waiting: every name still unknown is decided, and every slot a registry never bound
     * fails, so that nothing waits forever. After a failed program, what waited fails with its
     * failure.
     *
     * @param failure the program's failure, or null when its declarations completed
     */
    public synchronized void settle(Throwable failure) {
        waiting = false;
        for (Lookup lookup : pending) {
            if (failure != null) {
                lookup.resolved().completeExceptionally(failure);
            } else if (refuses(lookup.domain(), lookup.purpose())) {
                lookup.resolved().completeExceptionally(Known.failure(
                        unknown(lookup.registry(), lookup.field(), lookup.name(), lookup.domain(), lookup.purpose())));
            } else {
                lookup.resolved().complete(Output.of(lookup.name()));
            }
        }
        pending.clear();
        RuntimeException unbound = failure instanceof RuntimeException ? (RuntimeException) failure
                : new IllegalStateException("a registry of this stack failed before it created its repositories", failure);
        for (Domain domain : domains) {
            domain.domainNameSlot().fail(unbound);
            domain.repositories().values().forEach(repository -> repository.slot().fail(unbound));
        }
        nodes.forEach(node -> node.fail(unbound));
    }

    /**
     * Keeps what every output in the graph resolved to, so that a later deployment of the same
     * program can take them: the deployment that made them is ending.
     *
     * @param detacher reads a resolved output
     */
    public synchronized void detach(Detacher detacher) {
        for (Domain domain : domains) {
            domain.domainNameSlot().detach(detacher);
            domain.repositories().values().forEach(repository -> repository.slot().detach(detacher));
        }
        nodes.forEach(node -> node.detach(detacher));
    }
}
