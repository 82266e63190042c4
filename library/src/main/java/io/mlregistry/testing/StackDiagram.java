package io.mlregistry.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws a {@link StackRecording} as a Mermaid flowchart a team can paste into its docs: one box
 * per CodeArtifact domain holding its repositories, an arrow from each repository to its
 * upstreams in search order, the external connections (such as {@code public:pypi}) as round
 * nodes, the package groups with the repositories allowed to publish them, and the VPC endpoints,
 * one box per VPC, each pointing at the domain its policy admits (the S3 gateway endpoint at the
 * asset bucket). Domains the stack does not create are drawn dashed. The same program always gives the same text.
 */
public final class StackDiagram {

    private static final String DOMAIN = "aws:codeartifact/domain:Domain";
    private static final String REPOSITORY = "aws:codeartifact/repository:Repository";
    private static final String CLOUD_CONTROL = "aws:cloudcontrol/resource:Resource";
    private static final String STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";
    private static final Pattern DOMAIN_OF =
            Pattern.compile("arn:[^:]+:codeartifact:[^:]*:[^:]*:(?:domain|repository|package)/([^/]+).*");

    private StackDiagram() {
    }

    /**
     * The diagram.
     *
     * @param recording what a program did on the mock engine
     * @return Mermaid flowchart text, lines separated by {@code \n}, ending with a newline
     */
    public static String mermaid(StackRecording recording) {
        TreeSet<String> created = new TreeSet<>();
        recording.resources(DOMAIN).forEach(d -> d.input("domain").ifPresent(created::add));
        Map<String, TreeMap<String, RecordedResource>> repositories = new TreeMap<>();
        created.forEach(d -> repositories.put(d, new TreeMap<>()));
        for (RecordedResource repository : recording.resources(REPOSITORY)) {
            String domain = repository.input("domain").orElse("?");
            repository.input("repository").ifPresent(name ->
                    repositories.computeIfAbsent(domain, d -> new TreeMap<>()).putIfAbsent(name, repository));
        }
        Map<String, List<JsonObject>> groups = new TreeMap<>();
        for (RecordedResource resource : recording.resources(CLOUD_CONTROL)) {
            if ("AWS::CodeArtifact::PackageGroup".equals(resource.inputs().get("typeName"))) {
                resource.input("desiredState").flatMap(StackDiagram::parse).ifPresent(g ->
                        groups.computeIfAbsent(string(g.get("DomainName")), d -> new ArrayList<>()).add(g));
            }
        }
        groups.keySet().forEach(d -> repositories.computeIfAbsent(d, k -> new TreeMap<>()));

        StringBuilder out = new StringBuilder("flowchart LR\n");
        TreeSet<String> externals = new TreeSet<>();
        List<String> edges = new ArrayList<>();
        Map<String, String> groupIds = new LinkedHashMap<>();
        repositories.forEach((domain, repos) -> {
            String domainId = id("d", domain);
            out.append("  subgraph ").append(domainId).append("[\"domain ").append(domain)
                    .append(created.contains(domain) ? "" : " (not created by this stack)").append("\"]\n");
            repos.keySet().forEach(name -> out.append("    ").append(id("r", domain + "/" + name))
                    .append("[\"").append(name).append("\"]\n"));
            List<JsonObject> domainGroups = groups.getOrDefault(domain, List.of());
            domainGroups.stream().map(g -> string(g.get("Pattern"))).sorted().forEach(pattern -> {
                String groupId = id("g", domain + "/" + pattern);
                groupIds.put(domain + "/" + pattern, groupId);
                out.append("    ").append(groupId).append("{{\"package group ").append(pattern).append("\"}}\n");
            });
            out.append("  end\n");
            if (!created.contains(domain)) {
                out.append("  style ").append(domainId).append(" stroke-dasharray: 5 5\n");
            }
            repos.forEach((name, repository) -> {
                String from = id("r", domain + "/" + name);
                Object upstreams = repository.inputs().get("upstreams");
                if (upstreams instanceof List) {
                    int order = 1;
                    for (Object upstream : (List<?>) upstreams) {
                        if (upstream instanceof Map && ((Map<?, ?>) upstream).get("repositoryName") != null) {
                            String to = String.valueOf(((Map<?, ?>) upstream).get("repositoryName"));
                            edges.add("  " + from + " -->|" + order + "| " + id("r", domain + "/" + to));
                            order++;
                        }
                    }
                }
                Object external = repository.inputs().get("externalConnections");
                if (external instanceof Map && ((Map<?, ?>) external).get("externalConnectionName") != null) {
                    String connection = String.valueOf(((Map<?, ?>) external).get("externalConnectionName"));
                    externals.add(connection);
                    edges.add("  " + from + " --> " + id("x", connection));
                }
            });
            for (JsonObject group : domainGroups) {
                String groupId = groupIds.get(domain + "/" + string(group.get("Pattern")));
                publishers(group).forEach(repo ->
                        edges.add("  " + groupId + " -. publish .-> " + id("r", domain + "/" + repo)));
            }
        });
        recording.resources(STATE_MACHINE).forEach(machine -> machine.input("definition").flatMap(StackDiagram::parse)
                .ifPresent(definition -> airlockEdges(definition, edges)));
        vpcEndpoints(recording, out, edges);
        externals.forEach(x -> out.append("  ").append(id("x", x)).append("((\"").append(x).append("\"))\n"));
        edges.stream().sorted().forEach(edge -> out.append(edge).append('\n'));
        return out.toString();
    }

    /**
     * The copies a cooldown airlock's workflow makes, drawn from its definition: from each store
     * to the primary repository, after the wait.
     */
    private static void airlockEdges(JsonObject definition, List<String> edges) {
        String text = definition.toString();
        Matcher domain = Pattern.compile("domainName = '([^']+)'").matcher(text);
        Matcher stores = Pattern.compile("repositoryName in \\[([^\\]]*)\\]").matcher(text);
        Matcher destination = Pattern.compile("'DestinationRepository': '([^']+)'").matcher(text);
        Matcher wait = Pattern.compile("\"Seconds\":([0-9]+)").matcher(text);
        if (!domain.find() || !stores.find() || !destination.find() || !wait.find()) {
            return;
        }
        long seconds = Long.parseLong(wait.group(1));
        String after = seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3_600 == 0 ? seconds / 3_600 + "h" : seconds + "s";
        for (String store : stores.group(1).split(",")) {
            String name = store.trim().replaceAll("^'|'$", "");
            edges.add("  " + id("r", domain.group(1) + "/" + name) + " -. copy after " + after + " .-> "
                    + id("r", domain.group(1) + "/" + destination.group(1)));
        }
    }

    /**
     * The VPC endpoints, one box per VPC (named as the stack names it): each interface endpoint
     * points at the domain its policy admits, the S3 gateway endpoint at the asset bucket.
     */
    private static void vpcEndpoints(StackRecording recording, StringBuilder out, List<String> edges) {
        Map<String, List<RecordedResource>> byVpc = new TreeMap<>();
        recording.resources(WorkloadSections.VPC_ENDPOINT).forEach(endpoint ->
                byVpc.computeIfAbsent(endpoint.input("vpcId").orElse("?"), v -> new ArrayList<>()).add(endpoint));
        byVpc.forEach((vpc, endpoints) -> {
            String vpcName = recording.ec2Name(vpc).orElse(vpc);
            out.append("  subgraph ").append(id("v", vpcName)).append("[\"VPC ").append(vpcName).append("\"]\n");
            endpoints.stream().sorted(java.util.Comparator.comparing(RecordedResource::name)).forEach(endpoint -> {
                String service = endpoint.input("serviceName").orElse("?").replaceFirst("^com\\.amazonaws\\.[^.]+\\.", "");
                String node = id("e", endpoint.name());
                out.append("    ").append(node).append("[/\"").append(service.equals("s3") ? "S3 gateway" : service)
                        .append(" endpoint\"/]\n");
                if ("s3".equals(service)) {
                    edges.add("  " + node + " --> s_assets");
                }
                Set<String> domains = new TreeSet<>();
                for (JsonObject statement : Access.statements(endpoint.input("policy"))) {
                    for (String resource : Access.strings(statement.get("Resource"))) {
                        Matcher domain = DOMAIN_OF.matcher(resource);
                        if (domain.matches()) {
                            domains.add(domain.group(1));
                        }
                    }
                }
                domains.forEach(domain -> edges.add("  " + node + " --> " + id("d", domain)));
            });
            out.append("  end\n");
        });
        if (edges.stream().anyMatch(edge -> edge.endsWith(" s_assets"))) {
            out.append("  s_assets[(\"CodeArtifact asset bucket (S3)\")]\n");
        }
    }

    private static List<String> publishers(JsonObject group) {
        List<String> repositories = new ArrayList<>();
        JsonElement origin = group.get("OriginConfiguration");
        if (origin == null || !origin.isJsonObject()) {
            return repositories;
        }
        JsonElement restrictions = origin.getAsJsonObject().get("Restrictions");
        if (restrictions == null || !restrictions.isJsonObject()) {
            return repositories;
        }
        JsonElement publish = restrictions.getAsJsonObject().get("Publish");
        if (publish != null && publish.isJsonObject() && publish.getAsJsonObject().has("Repositories")) {
            repositories.addAll(Access.strings(publish.getAsJsonObject().get("Repositories")));
        }
        return repositories;
    }

    /** A Mermaid node ID: a prefix and the name with every character outside [A-Za-z0-9] as {@code _}. */
    private static String id(String prefix, String name) {
        return prefix + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String string(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : "?";
    }

    private static Optional<JsonObject> parse(String json) {
        try {
            JsonElement parsed = JsonParser.parseString(json);
            return parsed.isJsonObject() ? Optional.of(parsed.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }
}
