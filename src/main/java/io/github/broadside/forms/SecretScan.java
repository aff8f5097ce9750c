package io.github.broadside.forms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds credentials in form options before they reach a page. Everything a form provider is given
 * is published in the HTML of every page with that form, so a key, a token or a password there is
 * a leaked secret. Looked for: names that say "secret" (an option, a {@code hidden:} field, a
 * query parameter), a user name and password in a URL ({@code https://user:pass@host/}), and values
 * shaped like well-known tokens, from their issuers' documented formats: GitHub ({@code ghp_},
 * {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}), AWS access key ids
 * ({@code AKIA}/{@code ASIA} + 16), Slack ({@code xoxb-}, {@code xoxa-}, {@code xoxp-}, {@code xoxr-},
 * {@code xoxs-}), Stripe secret and restricted keys ({@code sk_live_}, {@code rk_live_}, and test
 * keys), HTTP {@code Basic}/{@code Bearer} credentials, and Action Network API keys (32 hex digits;
 * its public action ids are UUIDs with hyphens).
 */
final class SecretScan {
    static final String HINT = "remove it: this would be published in every page's HTML, where anyone can read "
            + "and misuse it; keep it in your provider's dashboard or your CI secrets (a form needs only the "
            + "provider's public form id; see docs/security.md)";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|token|api[-_]?key|private[-_]?key|authorization|credential).*");
    private static final Set<String> SECRET_PARAMETERS = Set.of("key", "token", "secret", "password", "passwd",
            "pwd", "api_key", "apikey", "api-key", "access_token", "auth", "auth_token", "client_secret",
            "signature", "sig");
    private static final List<Named> TOKENS = List.of(
            new Named("a GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})")),
            new Named("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Named("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{8,}")),
            new Named("a Stripe secret key", Pattern.compile("(?i)\\b(sk|rk)_(live|test)_[0-9a-z]{8,}")),
            new Named("an HTTP credential", Pattern.compile("(?i)\\b(basic|bearer)\\s+[A-Za-z0-9+/=._~-]{8,}")));
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{32}");

    private record Named(String what, Pattern pattern) {
    }

    private SecretScan() {
    }

    /** Why a field or option named {@code name} holds a secret, or empty. */
    static Optional<String> inName(String name) {
        return SECRET_NAME.matcher(name).matches()
                ? Optional.of("'" + name + "' is named like a secret (a key, token, password or credential)")
                : Optional.empty();
    }

    /** Why {@code value} is or holds a secret, or empty. */
    static Optional<String> inValue(String value) {
        String text = value.strip();
        for (Named token : TOKENS) {
            if (token.pattern().matcher(text).find()) {
                return Optional.of("the value looks like " + token.what());
            }
        }
        if (HEX_KEY.matcher(text).matches()) {
            return Optional.of("the value looks like an API key (32 hex digits, as Action Network's)");
        }
        int scheme = text.indexOf("://");
        if (scheme > 0) {
            try {
                URI uri = new URI(text);
                if (uri.getRawUserInfo() != null && !uri.getRawUserInfo().isEmpty()) {
                    return Optional.of("the address holds a user name or password (user:password@)");
                }
                if (uri.getRawQuery() != null) {
                    for (String pair : uri.getRawQuery().split("[&;]")) {
                        String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                        if (SECRET_PARAMETERS.contains(name) || SECRET_NAME.matcher(name).matches()) {
                            return Optional.of("the address passes a credential in its query ('" + name + "=')");
                        }
                    }
                }
            } catch (URISyntaxException e) {
                int at = text.indexOf('@', scheme);
                int slash = text.indexOf('/', scheme + 3);
                if (at > 0 && (slash < 0 || at < slash)) {
                    return Optional.of("the address holds a user name or password (user:password@)");
                }
            }
        }
        return Optional.empty();
    }
}
