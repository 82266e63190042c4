package io.mlregistry.internal.airlock;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * The EventBridge event pattern of the airlock's rule: CodeArtifact's "CodeArtifact Package Version
 * State Change" events for a published version of an airlocked format in a store repository of the
 * domain, created or updated (a new asset changes the revision, and that revision waits anew).
 *
 * <p>Field names and values are those of AWS's event format: {@code source} {@code aws.codeartifact};
 * {@code detail.domainName}, {@code domainOwner}, {@code repositoryName}, {@code packageFormat},
 * {@code packageVersionState} ({@code Unfinished}, {@code Published}, {@code Unlisted},
 * {@code Archived}, {@code Disposed}) and {@code operationType} ({@code Created}, {@code Updated},
 * {@code Deleted}). The event carries no origin: the workflow reads it with DescribePackageVersion.
 */
public final class AirlockEventPattern {

    public static final String SOURCE = "aws.codeartifact";
    public static final String DETAIL_TYPE = "CodeArtifact Package Version State Change";

    private AirlockEventPattern() {
    }

    /** The pattern as compact JSON, the form {@code aws.cloudwatch.EventRule#eventPattern} takes. */
    public static String json(AirlockSpec spec) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(pattern(spec));
    }

    /** The pattern as a JSON tree. */
    public static JsonObject pattern(AirlockSpec spec) {
        JsonObject detail = new JsonObject();
        detail.add("domainName", values(List.of(spec.domainName())));
        detail.add("domainOwner", values(List.of(spec.domainOwner())));
        detail.add("repositoryName", values(spec.storeRepositories()));
        detail.add("packageFormat", values(spec.formats()));
        detail.add("packageVersionState", values(List.of("Published")));
        detail.add("operationType", values(List.of("Created", "Updated")));
        JsonObject pattern = new JsonObject();
        pattern.add("source", values(List.of(SOURCE)));
        pattern.add("detail-type", values(List.of(DETAIL_TYPE)));
        pattern.add("detail", detail);
        return pattern;
    }

    private static JsonArray values(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
