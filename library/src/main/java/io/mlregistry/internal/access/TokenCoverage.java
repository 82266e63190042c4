package io.mlregistry.internal.access;

import io.mlregistry.internal.rules.Problems;
import io.mlregistry.internal.rules.Rules;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Whether the principals of a registry that joins a domain another registry of the stack creates
 * can get an authorization token for it. Principals of the domain owner's account get one through
 * their identity policy; any other needs the domain policy, which only the domain's creator
 * writes, to grant it: as a reader, publisher or token account of the creator, through the
 * creator's organization, or through one of the creator's added statements that allows
 * {@code codeartifact:GetAuthorizationToken}.
 */
public final class TokenCoverage {

    private static final String TOKEN_ACTION = "codeartifact:GetAuthorizationToken";

    private TokenCoverage() {
    }

    /**
     * What a domain policy grants tokens to.
     *
     * @param principals the principals and accounts granted, as {@link Policies#principalKey} gives them
     * @param organizations the organizations granted
     * @param unknowable whether a statement grants principals that cannot be told offline (an
     *     {@code Allow} to {@code *} under a condition other than an organization or an account),
     *     so that nothing can be refused
     */
    public record Grants(Set<String> principals, Set<String> organizations, boolean unknowable) {

        public Grants {
            principals = Set.copyOf(principals);
            organizations = Set.copyOf(organizations);
        }
    }

    /**
     * What the creator of a domain grants tokens to, from its access.
     *
     * @param creator the creator's access
     * @return the grants
     */
    public static Grants of(Policies.Access creator) {
        Set<String> principals = new LinkedHashSet<>();
        for (List<String> list : List.of(creator.readers(), creator.publishers(), creator.tokenAccounts())) {
            list.forEach(principal -> principals.add(Policies.principalKey(principal)));
        }
        Set<String> organizations = new LinkedHashSet<>();
        creator.organizationId().ifPresent(organizations::add);
        boolean unknowable = false;
        for (IamStatement statement : creator.domainStatements()) {
            if (!statement.effect().equals(IamEffect.ALLOW) || !grantsToken(statement)) {
                continue;
            }
            for (IamPrincipal principal : statement.principals()) {
                if (principal.id().equals("*")) {
                    unknowable |= !readConditions(statement, principals, organizations);
                } else if (principal.type().equals(IamPrincipalType.AWS)) {
                    principals.add(Policies.principalKey(principal.id()));
                }
            }
        }
        return new Grants(principals, organizations, unknowable);
    }

    /** Whether a statement's actions include getting a token. */
    private static boolean grantsToken(IamStatement statement) {
        if (!statement.notActions().isEmpty()) {
            return statement.notActions().stream().map(IamAction::value).noneMatch(TokenCoverage::matchesToken);
        }
        return statement.actions().stream().map(IamAction::value).anyMatch(TokenCoverage::matchesToken);
    }

    /** IAM action names are case-insensitive, {@code *} matches any run of characters and {@code ?} one. */
    static boolean matchesToken(String action) {
        String regex = Pattern.quote(action).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(TOKEN_ACTION).matches();
    }

    /**
     * Reads the organizations and accounts an {@code Allow} to {@code *} is limited to; returns
     * false when a condition limits it otherwise, or when there is no condition.
     */
    private static boolean readConditions(IamStatement statement, Set<String> principals, Set<String> organizations) {
        if (statement.conditions().isEmpty()) {
            return false;
        }
        for (IamCondition condition : statement.conditions()) {
            String operator = condition.operator().value();
            String key = condition.key().value().toLowerCase(java.util.Locale.ROOT);
            if (!operator.equals("StringEquals")) {
                return false;
            }
            if (key.equals("aws:principalorgid")) {
                organizations.add(condition.value());
            } else if (key.equals("aws:principalaccount")) {
                principals.add(Policies.principalKey(condition.value()));
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a joining registry's organization: its members read the registry's repository, so
     * the domain policy must grant that organization a token too.
     *
     * @param registry the joining registry's name
     * @param creator the name of the registry that creates the domain
     * @param domainName the domain's name, as messages show it
     * @param organizationId the joining registry's organization, when set
     * @param grants what the creator grants
     * @param problems where an uncovered organization goes
     */
    public static void checkOrganization(String registry, String creator, String domainName,
            Optional<String> organizationId, Grants grants, Problems problems) {
        if (organizationId.isEmpty() || grants.unknowable() || grants.organizations().contains(organizationId.get())) {
            return;
        }
        String org = organizationId.get();
        problems.add("registry " + registry + ": organizationId", org, "cannot get an authorization token for domain "
                + domainName + ": the domain policy of registry " + creator + " grants none to that organization; set "
                + "organizationId(" + org + ") on " + creator);
    }

    /**
     * Checks that every reader and publisher of a joining registry can get a token.
     *
     * @param registry the joining registry's name
     * @param creator the name of the registry that creates the domain
     * @param domainName the domain's name, as messages show it
     * @param domainAccount the account that owns the domain, whose principals are covered; empty when
     *     it is not known (a placeholder), which leaves every principal's account possibly the
     *     owner's
     * @param joiner the joining registry's access
     * @param grants what the creator grants
     * @param problems where uncovered principals go
     */
    public static void checkPrincipals(String registry, String creator, String domainName,
            Optional<String> domainAccount, Policies.Access joiner, Grants grants, Problems problems) {
        if (domainAccount.isEmpty() || grants.unknowable() || !grants.organizations().isEmpty()) {
            // Members of a granted organization get a token; membership cannot be checked offline.
            return;
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("readerPrincipals", joiner.readers());
        lists.put("publisherPrincipals", joiner.publishers());
        lists.forEach((field, principals) -> {
            for (int i = 0; i < principals.size(); i++) {
                String principal = principals.get(i);
                if (!Rules.isPrincipal(principal)) {
                    // A value the preview could not read: its account is unknown.
                    continue;
                }
                String account = Policies.accountOf(principal);
                if (account.equals(domainAccount.get()) || grants.principals().contains(Policies.principalKey(principal))
                        || grants.principals().contains("account:" + account)) {
                    continue;
                }
                problems.add("registry " + registry + ": " + field + "[" + i + "]", principal,
                        "cannot get an authorization token for domain " + domainName + ": the domain policy of registry "
                                + creator + " grants none to it or to account " + account + "; add " + account
                                + " to the tokenAccounts of " + creator);
            }
        });
    }
}
