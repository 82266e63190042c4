package io.mlregistry.internal.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The input rules of CodeArtifact and its neighbours, as AWS states them in its service model and
 * CloudFormation schemas. Kept apart from the Args classes because every field of those becomes a
 * schema input.
 */
public final class Rules {

    /** Domain name: 2-50 characters, as the CodeArtifact service model states it. */
    public static final String DOMAIN_NAME_RULE = "[a-z][a-z0-9-]{0,48}[a-z0-9]";
    /** Repository name: 2-100 characters, as the CodeArtifact service model states it. */
    public static final String REPOSITORY_NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{1,99}";

    /** The message for a domain name that breaks its rule: the length first, then the expression. */
    public static final String DOMAIN_NAME_MESSAGE = "must be 2-50 characters matching " + DOMAIN_NAME_RULE;
    /** The message for a repository name that breaks its rule: the length first, then the expression. */
    public static final String REPOSITORY_NAME_MESSAGE = "must be 2-100 characters matching " + REPOSITORY_NAME_RULE;

    /** IAM's limit on the name of a role or a user. */
    public static final int IAM_NAME_MAX = 64;

    /** CodeArtifact's {@code Description} shape, for repositories and package groups. */
    public static final int DESCRIPTION_MAX = 1000;
    /** IAM {@code CreatePolicy}'s {@code Description}. */
    public static final int IAM_POLICY_DESCRIPTION_MAX = 1000;
    /** KMS {@code CreateKey}'s {@code Description}. */
    public static final int KMS_KEY_DESCRIPTION_MAX = 8192;
    /** KMS {@code CreateAlias}'s {@code AliasName}. */
    public static final int KMS_ALIAS_NAME_MAX = 256;
    public static final int MAX_UPSTREAMS = 10;
    /**
     * The repositories CodeArtifact looks in for one request, the requested one included: "The
     * maximum number of repositories CodeArtifact looks in when a package version is requested is
     * 25" (user guide, "Requesting a package version with upstream repositories").
     */
    public static final int MAX_REPOSITORIES_SEARCHED = 25;
    public static final int MAX_TAGS = 50;
    public static final int TAG_KEY_MAX = 128;
    public static final int TAG_VALUE_MAX = 256;
    public static final int POLICY_DOCUMENT_MAX = 7168;

    /** The external connections CodeArtifact offers, in the order the AWS documentation lists them. */
    public static final List<String> EXTERNAL_CONNECTIONS = List.of(
            "public:npmjs",
            "public:pypi",
            "public:maven-central",
            "public:maven-googleandroid",
            "public:maven-gradleplugins",
            "public:maven-commonsware",
            "public:maven-clojars",
            "public:nuget-org",
            "public:ruby-gems-org",
            "public:crates-io");

    public static final String DEFAULT_DESCRIPTION = "Repository for ML Model Dependencies";
    public static final String DEFAULT_EXTERNAL_CONNECTION = "public:pypi";

    private static final Pattern DOMAIN_NAME = Pattern.compile(DOMAIN_NAME_RULE);
    private static final Pattern REPOSITORY_NAME = Pattern.compile(REPOSITORY_NAME_RULE);
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    /**
     * A KMS key ARN. Alias ARNs, bare key IDs and alias names are deliberately rejected: CodeArtifact
     * stores the key ARN, so anything else shows as a change on every preview.
     */
    /** The message for a key ARN that breaks {@link #isKmsKeyArn}. */
    public static final String KMS_KEY_ARN_MESSAGE = "must be a KMS key ARN arn:<partition>:kms:<region>:<account>:key/<key id>, "
            + "not an alias or a bare key ID";

    private static final Pattern KMS_KEY_ARN =
            Pattern.compile("arn:aws[a-z-]*:kms:[a-z]+(-[a-z]+)+-[0-9]+:[0-9]{12}:key/[A-Za-z0-9-]+");

    /** An AWS Organization ID, as AWS Organizations states it. */
    public static final String ORGANIZATION_ID_RULE = "o-[a-z0-9]{10,32}";
    /** The message for an organization ID that breaks its rule. */
    public static final String ORGANIZATION_ID_MESSAGE = "must be 12-34 characters matching " + ORGANIZATION_ID_RULE;
    private static final Pattern ORGANIZATION_ID = Pattern.compile(ORGANIZATION_ID_RULE);
    /** An IAM role or user ARN (with an optional path) or an account's root ARN. */
    private static final Pattern IAM_PRINCIPAL_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:(root|(role|user)/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64})");
    /** A role or user ARN of any name length, to tell a name too long from a malformed ARN. */
    private static final Pattern IAM_NAMED_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)");
    /** The characters IAM allows in tag keys and values, stricter than CodeArtifact's and KMS's. */
    private static final Pattern IAM_TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    /** Package formats, as the CodeArtifact service model lists them. */
    public static final List<String> PACKAGE_FORMATS =
            List.of("npm", "pypi", "maven", "nuget", "generic", "ruby", "swift", "cargo");
    /** Origin restriction modes, as the AWS::CodeArtifact::PackageGroup schema lists them. */
    public static final List<String> RESTRICTION_MODES = List.of("ALLOW", "BLOCK", "ALLOW_SPECIFIC_REPOSITORIES", "INHERIT");
    public static final int PACKAGE_GROUP_PATTERN_MIN = 2;
    public static final int PACKAGE_GROUP_PATTERN_MAX = 520;

    private static final Pattern NPM_SCOPE = Pattern.compile("[a-z0-9][a-z0-9._~-]*");
    private static final Pattern MAVEN_GROUP = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern NORMALIZED_PYPI_PREFIX = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*-?");

    private Rules() {
    }

    public static boolean isDomainName(String value) {
        return DOMAIN_NAME.matcher(value).matches();
    }

    public static boolean isRepositoryName(String value) {
        return REPOSITORY_NAME.matcher(value).matches();
    }

    public static boolean isAccountId(String value) {
        return ACCOUNT_ID.matcher(value).matches();
    }

    public static boolean isKmsKeyArn(String value) {
        return KMS_KEY_ARN.matcher(value).matches();
    }

    /**
     * Whether the value holds a character of Unicode category C (control, format, surrogate,
     * private use, unassigned): the {@code \\P{C}} patterns of the service model forbid them.
     */
    public static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Rules::isControl);
    }

    /** Whether the code point is of Unicode category C. */
    public static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }

    public static boolean isOrganizationId(String value) {
        return ORGANIZATION_ID.matcher(value).matches();
    }

    /** Whether the value names an IAM principal: a 12-digit account ID or a root, role or user ARN. */
    public static boolean isPrincipal(String value) {
        return isAccountId(value) || IAM_PRINCIPAL_ARN.matcher(value).matches();
    }

    /** Whether the value names a whole account: a 12-digit account ID or an account's root ARN. */
    public static boolean isAccountPrincipal(String value) {
        return isAccountId(value) || (IAM_PRINCIPAL_ARN.matcher(value).matches() && value.endsWith(":root"));
    }

    /** The partition of a principal ARN, or empty for an account ID. */
    public static Optional<String> principalPartition(String principal) {
        return isAccountId(principal)
                ? Optional.empty()
                : Optional.of(principal.split(":", 3)[1]);
    }

    /**
     * What is wrong with a principal that is not valid, when a rule more specific than the general
     * form applies: a role or user name over IAM's {@value #IAM_NAME_MAX} characters.
     */
    public static Optional<String> principalProblem(String principal) {
        java.util.regex.Matcher arn = IAM_NAMED_ARN.matcher(principal);
        if (arn.matches() && arn.group(2).length() > IAM_NAME_MAX) {
            return Optional.of("must name a " + arn.group(1) + " of at most " + IAM_NAME_MAX
                    + " characters, IAM's limit (this one has " + arn.group(2).length() + ")");
        }
        return Optional.empty();
    }

    /** Whether IAM accepts the text as a tag key or value: letters, digits, spaces and {@code _.:/=+-@}. */
    public static boolean isIamTagText(String value) {
        return IAM_TAG_TEXT.matcher(value).matches();
    }

    /** Whether the text has whitespace or a control character, which package group patterns may not. */
    public static boolean hasWhitespaceOrControl(String value) {
        return hasControlCharacter(value) || value.codePoints().anyMatch(Character::isWhitespace);
    }

    public static boolean isNpmScope(String value) {
        return NPM_SCOPE.matcher(value).matches();
    }

    public static boolean isMavenGroup(String value) {
        return MAVEN_GROUP.matcher(value).matches();
    }

    /** Whether a PyPI name prefix is already in the normalized form CodeArtifact matches on. */
    public static boolean isNormalizedPypiPrefix(String value) {
        return NORMALIZED_PYPI_PREFIX.matcher(value).matches();
    }

    /** PEP 503 normalization, which CodeArtifact applies to Python names: lowercase, runs of -_. become -. */
    public static String normalizePypiName(String value) {
        return value.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** Whether AWS reserves this tag key for itself; the check is case-insensitive, as AWS's is. */
    public static boolean isReservedTagKey(String key) {
        return key.regionMatches(true, 0, "aws:", 0, 4);
    }

    /**
     * The package format an external connection serves: {@code public:pypi} serves {@code pypi},
     * every {@code public:maven-*} connection {@code maven}, {@code public:crates-io} {@code cargo}.
     */
    public static String formatOf(String externalConnection) {
        switch (externalConnection) {
            case "public:npmjs":
                return "npm";
            case "public:pypi":
                return "pypi";
            case "public:nuget-org":
                return "nuget";
            case "public:ruby-gems-org":
                return "ruby";
            case "public:crates-io":
                return "cargo";
            default:
                return externalConnection.startsWith("public:maven-") ? "maven" : "unknown";
        }
    }

    /**
     * The store repository name the component gives an external connection when the caller names
     * none: {@code public:pypi} becomes {@code pypi-store}.
     */
    public static String defaultStoreName(String externalConnection) {
        String bare = externalConnection.startsWith("public:")
                ? externalConnection.substring("public:".length())
                : externalConnection;
        return bare + "-store";
    }
}
