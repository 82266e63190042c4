package io.mlregistry.internal.clients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration each client needs, as the text of its file, in the forms AWS's "Configure and
 * use" pages give (pip, twine, npm, Maven) and uv's own page ("Using uv with AWS CodeArtifact"). No
 * text holds a token: each names the environment variable {@value #TOKEN}, which
 * {@link #tokenCommand} sets, in the way its client reads it (npm and Maven expand it themselves;
 * pip's file needs {@code envsubst}; uv and twine read their own variables).
 */
public final class ClientConfigs {

    /** The environment variable every configuration takes the token from, as AWS's pages name it. */
    public static final String TOKEN = "CODEARTIFACT_AUTH_TOKEN";
    /** The name of the index, server and repository entries the configurations write. */
    static final String NAME = "codeartifact";

    private ClientConfigs() {
    }

    /** The {@code aws codeartifact} options that name the domain and its region. */
    private static String domainOptions(ClientSettings settings) {
        return "--domain " + settings.domainName() + " --domain-owner " + settings.domainOwner()
                + " --region " + settings.region();
    }

    /**
     * The command that fetches a token into {@value #TOKEN} and exports it, as AWS's "Pass an auth
     * token using an environment variable" does; through the api endpoint when private DNS is off.
     * Valid 12 hours by default.
     */
    public static String tokenCommand(ClientSettings settings) {
        // Assigned apart from the export, so that a failed call fails the command (shellcheck's SC2155).
        return TOKEN + "=\"$(" + tokenFetch(settings) + ")\"; export " + TOKEN;
    }

    /** The AWS CLI command that prints a token, as {@link #tokenCommand} and the lifecycle scripts run it. */
    static String tokenFetch(ClientSettings settings) {
        return "aws codeartifact get-authorization-token " + domainOptions(settings)
                + settings.apiEndpointUrl().map(url -> " --endpoint-url " + url).orElse("")
                + " --query authorizationToken --output text";
    }

    /**
     * The {@code aws codeartifact login} command of each tool it configures for this repository's
     * formats (pip and twine for PyPI, npm; Maven has none, AWS says). Empty when private DNS is off:
     * {@code login} writes the repository's own host, which clients in the VPC cannot reach then, and
     * AWS says to configure the client without it.
     */
    public static Map<String, String> loginCommands(ClientSettings settings) {
        if (settings.vpc().isPresent()) {
            return Map.of();
        }
        Map<String, String> commands = new LinkedHashMap<>();
        for (String tool : List.of("pip", "twine", "npm")) {
            commands.put(tool, "aws codeartifact login --tool " + tool + " " + domainOptions(settings)
                    + " --repository " + settings.repositoryName());
        }
        return commands;
    }

    /**
     * {@code pip.conf}, as AWS's pip page writes it, the token left as {@code ${CODEARTIFACT_AUTH_TOKEN}}:
     * pip does not read environment variables in its file, so fill it in with {@code envsubst}.
     */
    public static String pipConf(ClientSettings settings) {
        String url = settings.pypiIndexUrl();
        return "# pip.conf for CodeArtifact " + settings.domainName() + "/" + settings.repositoryName() + " (mlregistry).\n"
                + "# pip does not expand environment variables in this file: fill in the token with envsubst.\n"
                + "[global]\n"
                + "index-url = https://aws:${" + TOKEN + "}@" + url.substring("https://".length()) + "\n";
    }

    /**
     * uv's index table for {@code pyproject.toml}: the repository replaces PyPI as the default
     * index, and {@code uv publish --index codeartifact} uploads to it. The credentials come from
     * {@link #uvEnvironment}.
     */
    public static String uvIndex(ClientSettings settings) {
        return "[[tool.uv.index]]\n"
                + "name = \"" + NAME + "\"\n"
                + "url = \"" + settings.pypiIndexUrl() + "\"\n"
                + "publish-url = \"" + settings.repositoryUrl(ClientSettings.PYPI) + "\"\n"
                + "default = true\n";
    }

    /** The variables uv reads the index's credentials from: the user {@code aws}, the token as password. */
    public static String uvEnvironment(ClientSettings settings) {
        String index = "UV_INDEX_" + NAME.toUpperCase(Locale.ROOT);
        return "export " + index + "_USERNAME=aws\n"
                + "export " + index + "_PASSWORD=\"${" + TOKEN + "}\"\n";
    }

    /** {@code .npmrc}, as AWS's npm page writes it; npm expands {@code ${CODEARTIFACT_AUTH_TOKEN}} itself. */
    public static String npmrc(ClientSettings settings) {
        String url = settings.repositoryUrl("npm");
        return "registry=" + url + "\n"
                + url.substring("https:".length()) + ":_authToken=${" + TOKEN + "}\n";
    }

    /**
     * Maven's {@code settings.xml}: a server with the user {@code aws} and the token from the
     * environment, and an active profile with the repository, as AWS's mvn page has them (the two
     * ids must match). To publish, name the same id in the POM's {@code distributionManagement}.
     */
    public static String mavenSettings(ClientSettings settings) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Maven settings for CodeArtifact " + settings.domainName() + "/" + settings.repositoryName()
                + " (mlregistry).\n"
                + "     Maven reads the token from the environment variable " + TOKEN + ".\n"
                + "     To publish, use the id " + NAME + " in the POM's distributionManagement. -->\n"
                + "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\"\n"
                + "          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "          xsi:schemaLocation=\"http://maven.apache.org/SETTINGS/1.0.0 "
                + "https://maven.apache.org/xsd/settings-1.0.0.xsd\">\n"
                + "  <servers>\n"
                + "    <server>\n"
                + "      <id>" + NAME + "</id>\n"
                + "      <username>aws</username>\n"
                + "      <password>${env." + TOKEN + "}</password>\n"
                + "    </server>\n"
                + "  </servers>\n"
                + "  <profiles>\n"
                + "    <profile>\n"
                + "      <id>" + NAME + "</id>\n"
                + "      <repositories>\n"
                + "        <repository>\n"
                + "          <id>" + NAME + "</id>\n"
                + "          <url>" + settings.repositoryUrl("maven") + "</url>\n"
                + "        </repository>\n"
                + "      </repositories>\n"
                + "    </profile>\n"
                + "  </profiles>\n"
                + "  <activeProfiles>\n"
                + "    <activeProfile>" + NAME + "</activeProfile>\n"
                + "  </activeProfiles>\n"
                + "</settings>\n";
    }

    /**
     * twine's {@code .pypirc}, as AWS's twine page writes it but without the password: twine takes
     * it from {@code TWINE_PASSWORD}. Upload with {@code twine upload -r codeartifact dist/*}.
     */
    public static String pypirc(ClientSettings settings) {
        return "# .pypirc for CodeArtifact " + settings.domainName() + "/" + settings.repositoryName() + " (mlregistry).\n"
                + "# twine reads the password from TWINE_PASSWORD: export TWINE_PASSWORD=\"$" + TOKEN + "\"\n"
                + "[distutils]\n"
                + "index-servers =\n"
                + "    " + NAME + "\n"
                + "\n"
                + "[" + NAME + "]\n"
                + "repository = " + settings.repositoryUrl(ClientSettings.PYPI) + "\n"
                + "username = aws\n";
    }

    /**
     * The environment of a SageMaker training or processing job that installs its
     * {@code requirements.txt} from the repository: {@code CA_REPOSITORY_ARN}, which
     * sagemaker-training-toolkit (and SDK v3's ModelTrainer and FrameworkProcessor) read. The job's
     * role needs the reader policy.
     */
    public static Map<String, String> sageMakerEnvironment(ClientSettings settings) {
        return Map.of("CA_REPOSITORY_ARN", settings.repositoryArn());
    }
}
