package io.mlregistry.testing;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a plan that say how workloads reach the registries: the VPC endpoints (where they
 * are, who may reach them on HTTPS, what their policies admit) and the client configuration the
 * stack exports. EC2 resources of the stack are named by their logical names.
 */
final class WorkloadSections {

    static final String VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String AWS_CODEARTIFACT = "aws codeartifact ";
    private static final Pattern SERVICE = Pattern.compile("com\\.amazonaws\\.[^.]+\\.(.+)");
    private static final Pattern CODEARTIFACT_ARN = Pattern.compile("arn:[^:]+:codeartifact:[^:]*:[^:]*:(?:domain|repository|package)/([^/]+).*");

    private WorkloadSections() {
    }

    /** The VPC endpoints, by logical name; empty when the stack creates none. */
    static String vpcEndpoints(StackRecording recording) {
        List<RecordedResource> endpoints = recording.resources(VPC_ENDPOINT).stream()
                .sorted(Comparator.comparing(RecordedResource::name)).toList();
        if (endpoints.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("VPC endpoints (who may reach them: HTTPS from the sources of their security group):\n");
        for (RecordedResource endpoint : endpoints) {
            boolean gateway = !"Interface".equals(endpoint.inputs().get("vpcEndpointType"));
            out.append("    ").append(endpoint.name()).append(": ").append(service(endpoint))
                    .append(gateway ? " (Gateway)" : " (Interface)")
                    .append(" in VPC ").append(name(recording, endpoint.input("vpcId").orElse("?")));
            if (gateway) {
                out.append(", route tables ").append(names(recording, endpoint.inputs().get("routeTableIds")));
            } else {
                out.append(", subnets ").append(names(recording, endpoint.inputs().get("subnetIds")))
                        .append(", private DNS ").append(Boolean.TRUE.equals(endpoint.inputs().get("privateDnsEnabled"))
                                ? "on" : "off");
                out.append("\n        HTTPS from: ").append(sources(recording, endpoint));
            }
            out.append("\n        policy: ").append(policy(endpoint.input("policy").orElse(null))).append('\n');
        }
        for (RecordedResource policy : recording.resources(Access.REPOSITORY_POLICY)) {
            for (JsonObject statement : Access.statements(policy.input("policyDocument"))) {
                if ("Deny".equals(statement.has("Effect") ? statement.get("Effect").getAsString() : null)
                        && statement.toString().contains("aws:SourceVpce")) {
                    out.append("    ").append(policy.input("domain").orElse("?")).append('/')
                            .append(policy.input("repository").orElse("?")).append(": ")
                            .append(String.join(", ", Access.strings(statement.get("Action"))))
                            .append(" only through ").append(required(recording, statement))
                            .append(statement.toString().contains("aws:PrincipalArn") ? " (publishers exempt)" : "")
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The endpoints a deny statement's {@code aws:SourceVpce} condition names, by their logical names. */
    private static String required(StackRecording recording, JsonObject statement) {
        JsonObject condition = statement.getAsJsonObject("Condition");
        List<String> names = new ArrayList<>();
        if (condition != null && condition.has("StringNotEquals")) {
            Access.strings(condition.getAsJsonObject("StringNotEquals").get("aws:SourceVpce"))
                    .forEach(id -> names.add(name(recording, id)));
        }
        return names.isEmpty() ? "no endpoint" : String.join(", ", names);
    }

    /**
     * The client configuration the stack exports: files (outputs of several lines), commands (that
     * run {@code aws codeartifact}) and maps of commands or environment variables.
     */
    static String clientConfiguration(StackRecording recording) {
        StringBuilder body = new StringBuilder();
        new TreeMap<>(recording.outputs()).forEach((name, value) -> {
            if (recording.secretOutputs().contains(name)) {
                return;
            }
            if (value instanceof String && isClientText((String) value)) {
                String text = (String) value;
                if (text.contains("\n")) {
                    body.append("    ").append(name).append(":\n");
                    text.lines().forEach(line -> body.append("        ").append(line).append('\n'));
                } else {
                    body.append("    ").append(name).append(": ").append(text).append('\n');
                }
            } else if (value instanceof Map && isClientMap((Map<?, ?>) value)) {
                new TreeMap<>((Map<?, ?>) value).forEach((key, item) ->
                        body.append("    ").append(name).append('.').append(key).append(": ").append(item).append('\n'));
            }
        });
        if (body.length() == 0) {
            return "";
        }
        return "Client configuration (the token, ${CODEARTIFACT_AUTH_TOKEN}, is fetched on the client and never stored):\n"
                + body;
    }

    /** Map outputs of URLs, such as the dual-stack or VPC URLs, as {@code name.key: url} lines. */
    static Map<String, Object> urlMaps(StackRecording recording) {
        Map<String, Object> urls = new TreeMap<>();
        recording.outputs().forEach((name, value) -> {
            if (value instanceof Map && !((Map<?, ?>) value).isEmpty() && !recording.secretOutputs().contains(name)
                    && ((Map<?, ?>) value).values().stream().allMatch(v -> v instanceof String && ((String) v).startsWith("https://"))) {
                ((Map<?, ?>) value).forEach((key, url) -> urls.put(name + "." + key, url));
            }
        });
        return urls;
    }

    private static boolean isClientText(String text) {
        return text.contains("\n") || text.contains(AWS_CODEARTIFACT);
    }

    private static boolean isClientMap(Map<?, ?> map) {
        if (map.isEmpty() || !map.values().stream().allMatch(v -> v instanceof String)) {
            return false;
        }
        boolean commands = map.values().stream().allMatch(v -> ((String) v).contains(AWS_CODEARTIFACT));
        boolean environment = map.keySet().stream().allMatch(k -> String.valueOf(k).matches("[A-Z][A-Z0-9_]*"));
        return commands || environment;
    }

    private static String service(RecordedResource endpoint) {
        String service = endpoint.input("serviceName").orElse("?");
        Matcher matcher = SERVICE.matcher(service);
        return matcher.matches() ? matcher.group(1) : service;
    }

    /** The logical name of an EC2 resource of the stack, else its ID. */
    private static String name(StackRecording recording, String id) {
        return recording.ec2Name(id).orElse(id);
    }

    private static String names(StackRecording recording, Object ids) {
        if (!(ids instanceof List) || ((List<?>) ids).isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        ((List<?>) ids).forEach(id -> names.add(name(recording, String.valueOf(id))));
        return String.join(", ", names);
    }

    /** The sources the ingress rules on the endpoint's security groups admit. */
    private static String sources(StackRecording recording, RecordedResource endpoint) {
        Object groups = endpoint.inputs().get("securityGroupIds");
        List<?> groupIds = groups instanceof List ? (List<?>) groups : List.of();
        Set<String> sources = new LinkedHashSet<>();
        recording.resources(INGRESS_RULE).stream()
                .filter(rule -> groupIds.contains(rule.inputs().get("securityGroupId")))
                .sorted(Comparator.comparing(RecordedResource::name))
                .forEach(rule -> {
                    rule.input("referencedSecurityGroupId").ifPresent(sg -> sources.add("security group " + name(recording, sg)));
                    rule.input("cidrIpv4").ifPresent(cidr -> sources.add("CIDR " + cidr));
                    rule.input("cidrIpv6").ifPresent(cidr -> sources.add("CIDR " + cidr));
                });
        return sources.isEmpty() ? "nothing (no ingress rule)" : String.join(", ", sources);
    }

    /** A policy's statement IDs and what they name: CodeArtifact domains, other resources as given. */
    private static String policy(String document) {
        if (document == null) {
            return "none (the service's full-access default)";
        }
        List<String> sids = new ArrayList<>();
        Set<String> scope = new LinkedHashSet<>();
        for (JsonObject statement : Access.statements(java.util.Optional.of(document))) {
            sids.add(statement.has("Sid") ? statement.get("Sid").getAsString() : "(no Sid)");
            for (String resource : Access.strings(statement.get("Resource"))) {
                Matcher codeartifact = CODEARTIFACT_ARN.matcher(resource);
                if (codeartifact.matches()) {
                    scope.add("domain " + codeartifact.group(1));
                } else if (!resource.equals("*")) {
                    scope.add(resource);
                }
            }
        }
        return String.join(", ", sids) + (scope.isEmpty() ? "" : " on " + String.join(", ", scope));
    }
}
