package io.mlregistry.internal.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlregistry.internal.GoldenFiles;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lifecycle scripts: golden files (which the build checks with shellcheck when CI turns it on),
 * AWS's limits on scripts and names, and what each script does.
 */
class LifecycleScriptsTest {

    static ClientSettings settings(String variant) {
        return ClientConfigsTest.settings(variant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "vpc"})
    void scripts_matchTheirGoldens(String variant) {
        GoldenFiles.assertMatches("lifecycle-" + variant + "-codeartifact-login.sh", LifecycleScripts.loginScript(settings(variant)));
        GoldenFiles.assertMatches("lifecycle-" + variant + "-studio-jupyterlab.sh",
                LifecycleScripts.studio(settings(variant), "JupyterLab"));
        GoldenFiles.assertMatches("lifecycle-" + variant + "-studio-codeeditor.sh",
                LifecycleScripts.studio(settings(variant), "CodeEditor"));
        GoldenFiles.assertMatches("lifecycle-" + variant + "-notebook-on-start.sh",
                LifecycleScripts.notebookOnStart(settings(variant)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "vpc"})
    void scripts_embedTheLoginScript_andWriteNoToken(String variant) {
        String login = LifecycleScripts.loginScript(settings(variant));
        for (String script : new String[] {LifecycleScripts.studio(settings(variant), "JupyterLab"),
                LifecycleScripts.notebookOnStart(settings(variant))}) {
            assertThat(script).startsWith("#!/bin/bash\n").contains("<<'LOGIN'\n" + login + "LOGIN\n");
            assertThat(script).doesNotContain("eyJ");
        }
        assertThat(login).contains("token=\"$(" + ClientConfigs.tokenFetch(settings(variant)) + ")\"")
                .contains(settings(variant).pypiIndexUrl().substring("https://".length()))
                .contains("umask 077");
    }

    @Test
    void notebookOnStart_runsTheLoginAsEc2User_andRenewsItFromCron() {
        String script = LifecycleScripts.notebookOnStart(settings("standard"));
        assertThat(script).contains("sudo -u ec2-user -i /usr/local/bin/codeartifact-login\n")
                .endsWith("echo '0 */6 * * * ec2-user /usr/local/bin/codeartifact-login' >/etc/cron.d/codeartifact-login\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "vpc"})
    void base64_isWhatAwsTakes_withinItsLimit(String variant) {
        for (String script : new String[] {LifecycleScripts.studio(settings(variant), "CodeEditor"),
                LifecycleScripts.notebookOnStart(settings(variant))}) {
            String encoded = LifecycleScripts.base64(script);
            assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo(script);
            assertThat(encoded.length()).isLessThanOrEqualTo(LifecycleScripts.SCRIPT_MAX);
        }
    }

    @Test
    void base64_ofTheLongestDomainAndRepository_isWithinTheLimit() {
        String domain = "a" + "b".repeat(48) + "c";
        String repository = "R" + "e".repeat(99);
        ClientSettings longest = new ClientSettings("arn:aws-us-gov:codeartifact:us-gov-west-1:111122223333:domain/" + domain,
                repository, "arn:aws-us-gov:codeartifact:us-gov-west-1:111122223333:repository/" + domain + "/" + repository,
                ClientConfigsTest.VPC.vpc());
        assertThat(LifecycleScripts.base64(LifecycleScripts.notebookOnStart(longest)).length())
                .isLessThanOrEqualTo(LifecycleScripts.SCRIPT_MAX);
    }

    @ParameterizedTest(name = "{0}/{1} {2}")
    @CsvSource({
            "ml-platform, ml-models, jupyterlab, ml-platform-ml-models-jupyterlab",
            "ml-platform, ML.Models_v2, codeeditor, ml-platform-ml-models-v2-codeeditor",
            "ml, -x-, notebook, ml-x-notebook"})
    void configName_isDomainAndRepositoryInLowercase_nonAlphanumericRunsAsOneHyphen(
            String domain, String repository, String suffix, String name) {
        assertThat(LifecycleScripts.configName(domain, repository, suffix)).isEqualTo(name);
    }

    @Test
    void configName_tooLong_keepsItsStartAndAHashOfTheWhole() {
        String domain = "a" + "b".repeat(48) + "c";
        String name = LifecycleScripts.configName(domain, "ml-models", "jupyterlab");

        assertThat(name).hasSize(LifecycleScripts.NAME_MAX).startsWith("abbb").endsWith("-jupyterlab")
                .matches("[a-z0-9]+-[0-9a-f]{8}-jupyterlab")
                .isNotEqualTo(LifecycleScripts.configName(domain, "ml-models2", "jupyterlab"));
    }

    @Test
    void configNames_ofEveryShape_followAwsRule() {
        Stream.of("ml", "a" + "b".repeat(48) + "c", "x-y").forEach(domain ->
                Stream.of("ab", "Ab.c_d-e", "R" + "e".repeat(99), "a.-_b").forEach(repository -> {
                    for (String suffix : new String[] {"jupyterlab", "codeeditor", "notebook"}) {
                        assertThat(LifecycleScripts.configName(domain, repository, suffix))
                                .hasSizeLessThanOrEqualTo(LifecycleScripts.NAME_MAX)
                                .matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
                    }
                }));
    }

    @Test
    void studioAndNotebookNames_carryTheirSuffixes() {
        assertThat(LifecycleScripts.STUDIO_APP_TYPES).containsExactly("JupyterLab", "CodeEditor");
        assertThat(LifecycleScripts.studioConfigName("ml-platform", "ml-models", "CodeEditor"))
                .isEqualTo("ml-platform-ml-models-codeeditor");
        assertThat(LifecycleScripts.notebookConfigName("ml-platform", "ml-models")).isEqualTo("ml-platform-ml-models-notebook");
    }

    @Test
    void configName_ofExactly63Characters_isKeptAsItIs() {
        String repository = "r".repeat(63 - "ml-".length() - "-notebook".length());
        String name = LifecycleScripts.configName("ml", repository, "notebook");

        assertThat(name).hasSize(63).isEqualTo("ml-" + repository + "-notebook");
    }
}
