package io.github.broadside.yaml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses a user may put in front matter or {@code site.yml} (links, donate buttons, images):
 * web addresses, {@code mailto:} and {@code tel:} for links, and paths on the site itself.
 *
 * <p>Templates escape these values, but escaping does not stop a {@code javascript:} or
 * {@code data:} address from running when clicked, so anything else is refused at the door with a
 * {@link io.github.broadside.problem.Problem} instead of reaching a page.
 */
public final class SafeUrl {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);

    /** What the address is used for, which decides the schemes it may have. */
    public enum Use {
        /** A link someone clicks: web pages, e-mail, phone numbers. */
        LINK(Set.of("http", "https", "mailto", "tel"), "an https:// or http:// address, mailto:, tel:"),
        /** A picture shown on the page: only web addresses and site paths. */
        IMAGE(Set.of("http", "https"), "an https:// or http:// address");

        private final Set<String> schemes;
        private final String allowed;

        Use(Set<String> schemes, String allowed) {
            this.schemes = schemes;
            this.allowed = allowed;
        }

        /** Says, for hints, what is accepted. */
        public String allowed() {
            return allowed + " or a path on this site such as /privacy/";
        }
    }

    private SafeUrl() {
    }

    /** Why {@code url} may not be used for {@code use}, or empty when it may. */
    public static Optional<String> problemWith(String url, Use use) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return Optional.of("the address '" + printable(url) + "' contains a space or a control character");
            }
        }
        if (url.contains("\\")) {
            return Optional.of("the address '" + url + "' contains a backslash");
        }
        if (url.startsWith("//")) {
            return Optional.of("the address '" + url + "' has no scheme (it starts with //)");
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.matches()) {
            return Optional.empty();
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!use.schemes.contains(name)) {
            return Optional.of("'" + name + ":' addresses are not allowed here ('" + url + "')");
        }
        if (name.equals("http") || name.equals("https")) {
            try {
                URI uri = new URI(url);
                if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
                    return Optional.of("the address '" + url + "' has no host name");
                }
            } catch (URISyntaxException e) {
                return Optional.of("the address '" + url + "' is not a valid web address (" + e.getReason() + ")");
            }
        }
        return Optional.empty();
    }

    private static String printable(String url) {
        return url.replaceAll("\\p{Cntrl}", "?");
    }
}
