package io.mlregistry.internal.airlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Airlock configurations shared by the airlock tests. */
final class AirlockFixtures {

    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ml-platform-airlock";

    private AirlockFixtures() {
    }

    /** The reference: PyPI only, 72 hours, no topic. */
    static AirlockSpec pypi() {
        return new AirlockSpec("aws", "us-east-1", "123456789012", "ml-platform", "123456789012",
                List.of("pypi-store"), "ml-models", List.of("pypi"), Duration.ofHours(72), Optional.empty());
    }

    /** Two stores, two formats, a week, notifications. */
    static AirlockSpec pypiAndNpmWithTopic() {
        return new AirlockSpec("aws", "us-east-1", "123456789012", "ml-platform", "123456789012",
                List.of("pypi-store", "npmjs-store"), "ml-models", List.of("pypi", "npm"), Duration.ofDays(7),
                Optional.of(TOPIC));
    }

    /** A named configuration, for parameterized tests and the ASL validation files. */
    record Case(String name, AirlockSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The definitions the build validates against the Amazon States Language: each shape once (every
     * format with and without a topic, every partition), since validating all of {@link #grid()}
     * would cost several seconds of every build.
     */
    static List<Case> aslSample() {
        List<Case> grid = grid();
        List<Case> cases = new ArrayList<>(grid.subList(0, 2));
        for (Case c : grid.subList(2, grid.size())) {
            AirlockSpec spec = c.spec();
            boolean everyFormat = spec.partition().equals("aws") && spec.cooldown().equals(Airlock.MAX_COOLDOWN)
                    && spec.storeRepositories().size() == 3;
            boolean everyPartition = !spec.partition().equals("aws") && spec.formats().equals(List.of("pypi"))
                    && spec.cooldown().equals(Airlock.MIN_COOLDOWN) && spec.storeRepositories().size() == 1;
            if (everyFormat || everyPartition) {
                cases.add(c);
            }
        }
        return cases;
    }

    /**
     * Every partition, every airlocked format, the shortest and the longest cooldown, with and
     * without a topic, one and three stores.
     */
    static List<Case> grid() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("reference-pypi", pypi()));
        cases.add(new Case("pypi-npm-topic", pypiAndNpmWithTopic()));
        String[][] places = {{"aws", "eu-west-1"}, {"aws-cn", "cn-north-1"}, {"aws-us-gov", "us-gov-west-1"}};
        for (String[] place : places) {
            for (String format : Airlock.AIRLOCK_FORMATS) {
                for (Duration cooldown : List.of(Airlock.MIN_COOLDOWN, Airlock.MAX_COOLDOWN)) {
                    for (int stores : List.of(1, 3)) {
                        for (boolean topic : List.of(false, true)) {
                            List<String> storeNames = new ArrayList<>();
                            for (int i = 0; i < stores; i++) {
                                storeNames.add(format + "-store" + (i == 0 ? "" : "-" + i));
                            }
                            Optional<String> topicArn = topic
                                    ? Optional.of("arn:" + place[0] + ":sns:" + place[1] + ":210987654321:airlock-events")
                                    : Optional.empty();
                            String name = String.join("-", place[0], format, cooldown.toString(), stores + "stores",
                                    topic ? "topic" : "quiet");
                            cases.add(new Case(name, new AirlockSpec(place[0], place[1], "210987654321", "ml-platform",
                                    "123456789012", storeNames, "ml-models", List.of(format), cooldown, topicArn)));
                        }
                    }
                }
            }
        }
        return cases;
    }
}
