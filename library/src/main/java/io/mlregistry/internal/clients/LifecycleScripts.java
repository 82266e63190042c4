package io.mlregistry.internal.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The scripts of the SageMaker lifecycle configurations, which point pip at the primary repository
 * when a Studio app (JupyterLab, Code Editor) or a notebook instance starts: each installs
 * {@code codeartifact-login}, a script that fetches a token and writes the user's
 * {@code ~/.config/pip/pip.conf} (mode 0600, replacing the file), and runs it. A notebook instance
 * also runs it every six hours from cron, since a token lasts twelve. No token is in a script;
 * each is fetched when the script runs, with the credentials of the app's or instance's role.
 *
 * <p>AWS's limits: a script is base64 text of at most 16384 characters and runs for at most five
 * minutes; a configuration's name is at most 63 characters of {@code [a-zA-Z0-9](-*[a-zA-Z0-9])*}.
 */
public final class LifecycleScripts {

    /** The Studio app types a configuration is created for, as {@code CreateStudioLifecycleConfig} names them. */
    public static final List<String> STUDIO_APP_TYPES = List.of("JupyterLab", "CodeEditor");
    /** The longest script AWS takes, in base64 characters. */
    public static final int SCRIPT_MAX = 16384;
    /** The longest configuration name AWS takes. */
    public static final int NAME_MAX = 63;

    static final String LOGIN = "codeartifact-login";

    private LifecycleScripts() {
    }

    /**
     * The script that renews the token: it fetches one and writes {@code ~/.config/pip/pip.conf}
     * of the user running it with pip's index URL and the token.
     */
    public static String loginScript(ClientSettings settings) {
        String url = settings.pypiIndexUrl();
        return "#!/bin/bash\n"
                + "# Points pip at CodeArtifact " + settings.domainName() + "/" + settings.repositoryName()
                + " with a new token, valid 12 hours (mlregistry).\n"
                + "set -euo pipefail\n"
                + "token=\"$(" + ClientConfigs.tokenFetch(settings) + ")\"\n"
                + "umask 077\n"
                + "mkdir -p \"$HOME/.config/pip\"\n"
                + "printf '[global]\\nindex-url = https://aws:%s@%s\\n' \"$token\" '"
                + url.substring("https://".length()) + "' >\"$HOME/.config/pip/pip.conf\"\n";
    }

    /**
     * The script of a Studio lifecycle configuration: run as the app's user when the app starts.
     *
     * @param appType {@code JupyterLab} or {@code CodeEditor}
     */
    public static String studio(ClientSettings settings, String appType) {
        String helper = "$HOME/.local/bin/" + LOGIN;
        return "#!/bin/bash\n"
                + "# mlregistry: when this " + appType + " app starts, points pip at CodeArtifact "
                + settings.domainName() + "/" + settings.repositoryName() + ".\n"
                + "# A token lasts 12 hours: run ~/.local/bin/" + LOGIN + " to renew it.\n"
                + "set -euo pipefail\n"
                + "mkdir -p \"$HOME/.local/bin\"\n"
                + "cat >\"" + helper + "\" <<'LOGIN'\n"
                + loginScript(settings)
                + "LOGIN\n"
                + "chmod 0700 \"" + helper + "\"\n"
                + "\"" + helper + "\"\n";
    }

    /** The {@code OnStart} script of a notebook instance's lifecycle configuration: run as root at every start. */
    public static String notebookOnStart(ClientSettings settings) {
        String helper = "/usr/local/bin/" + LOGIN;
        return "#!/bin/bash\n"
                + "# mlregistry: when this notebook instance starts, points ec2-user's pip at CodeArtifact "
                + settings.domainName() + "/" + settings.repositoryName() + ",\n"
                + "# and renews the token every 6 hours (a token lasts 12).\n"
                + "set -euo pipefail\n"
                + "cat >" + helper + " <<'LOGIN'\n"
                + loginScript(settings)
                + "LOGIN\n"
                + "chmod 0755 " + helper + "\n"
                + "sudo -u ec2-user -i " + helper + "\n"
                + "echo '0 */6 * * * ec2-user " + helper + "' >/etc/cron.d/" + LOGIN + "\n";
    }

    /** A script as the configurations take it: base64 of its UTF-8 bytes. */
    public static String base64(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A configuration's name, unique per account and region as the domain and repository are:
     * {@code <domain>-<repository>-<suffix>}, in lowercase (SageMaker lowercases the names in its ARNs), every run of characters other than letters and digits
     * as one {@code -}; a name over 63 characters keeps its start and gets 8 hexadecimal digits of the
     * SHA-256 of the whole in place of the rest.
     *
     * @param suffix {@code jupyterlab}, {@code codeeditor} or {@code notebook}
     */
    public static String configName(String domainName, String repositoryName, String suffix) {
        String base = (domainName + "-" + repositoryName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String name = base + "-" + suffix;
        if (name.length() <= NAME_MAX) {
            return name;
        }
        String hash = sha256(base).substring(0, 8);
        String head = base.substring(0, NAME_MAX - suffix.length() - hash.length() - 2).replaceAll("-+$", "");
        return head + "-" + hash + "-" + suffix;
    }

    /** A Studio configuration's name: {@link #configName} with the app type in lowercase. */
    public static String studioConfigName(String domainName, String repositoryName, String appType) {
        return configName(domainName, repositoryName, studioSuffix(appType));
    }

    /** The notebook-instance configuration's name: {@link #configName} with {@code notebook}. */
    public static String notebookConfigName(String domainName, String repositoryName) {
        return configName(domainName, repositoryName, "notebook");
    }

    /** The suffix of a Studio configuration's name and logical name: the app type in lowercase. */
    public static String studioSuffix(String appType) {
        return appType.toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
