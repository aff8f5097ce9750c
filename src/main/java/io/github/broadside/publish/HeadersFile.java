package io.github.broadside.publish;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.AssetUrls;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code _headers} file that Netlify and Cloudflare Pages read from the site root: the security
 * headers on every response, and a year-long, immutable cache for the fingerprinted assets.
 *
 * <p>HTML, feeds and cards get no Cache-Control here on purpose: both hosts already serve them with
 * {@code max-age=0, must-revalidate}, and a second Cache-Control rule for {@code /*} would be joined
 * with the assets' rule on Cloudflare ({@code no-cache, public, max-age=...}) instead of replaced.
 *
 * <p>A site's own {@code content/static/_headers} is merged, never published instead: its rules
 * follow the generated ones. Both hosts apply every rule that matches a path and join two values of
 * one header, so a rule could only weaken or break the security headers (an {@code X-Frame-Options}
 * of {@code DENY, SAMEORIGIN}, a second policy), or detach them ({@code ! X-Frame-Options} on
 * Cloudflare): a rule that names one of them is an error.
 */
public final class HeadersFile {
    /** Where the file is published. */
    public static final String PATH = "_headers";
    /** The referrer leaves only the site's origin, never the campaign a signer was reading. */
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    /** Powerful browser features no campaign page needs. */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), browsing-topics=(), camera=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
    /** Cache lifetime of fingerprinted assets: a changed file gets a new name, so a year is safe. */
    public static final String ASSET_CACHE = "public, max-age=31536000, immutable";

    /** The headers written for every page, which a site's own rules may not set or detach (lower case). */
    static final Set<String> SECURITY_HEADERS = Set.of("content-security-policy", "referrer-policy",
            "x-content-type-options", "x-frame-options", "permissions-policy");

    private HeadersFile() {
    }

    /**
     * The generated file followed by the site's own rules ({@code user}, the text of
     * {@code content/static/_headers}, shown in problems as {@code shown}); problems go to
     * {@code problems}: a header line before any path, or a rule naming a security header.
     */
    public static byte[] merge(byte[] generated, String user, String shown, Problems problems) {
        Objects.requireNonNull(generated, "generated");
        String path = null;
        String[] lines = user.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                path = text;
                continue;
            }
            int colon = text.indexOf(':');
            String name = (text.startsWith("!") ? text.substring(1) : colon < 0 ? text : text.substring(0, colon))
                    .strip();
            if (path == null) {
                problems.add(Problem.error(shown, i + 1, 0, "the header '" + name + "' comes before any path",
                        "start each rule with its path on a line of its own (/downloads/*), then its headers "
                                + "indented below it"));
            } else if (SECURITY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(Problem.error(shown, i + 1, 0, "the rule for " + path + (text.startsWith("!")
                                ? " removes " : " sets ") + name + ", which Broadside writes for every page; "
                                + "Netlify and Cloudflare Pages join two values of one header, which weakens or "
                                + "breaks it",
                        "remove this line: the security headers are the same on every page (docs/security.md); "
                                + "to let pages use another site, allow it in site.yml with "
                                + "'privacy: {allowOrigins: [...]}'"));
            }
        }
        String text = new String(generated, StandardCharsets.UTF_8) + "\n# From " + shown + ":\n" + user
                + (user.endsWith("\n") ? "" : "\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file's text.
     *
     * @param basePath the site's base path ({@code /} or {@code /repo/}), which the rules start with
     */
    public static byte[] write(ContentSecurityPolicy policy, String basePath) {
        Objects.requireNonNull(policy, "policy");
        String text = "# Written by Broadside for Netlify and Cloudflare Pages; see docs/publishing.md.\n"
                + basePath + "*\n"
                + "  Content-Security-Policy: " + policy.header() + "\n"
                + "  Referrer-Policy: " + REFERRER_POLICY + "\n"
                + "  X-Content-Type-Options: nosniff\n"
                + "  X-Frame-Options: DENY\n"
                + "  Permissions-Policy: " + PERMISSIONS_POLICY + "\n"
                + basePath + AssetUrls.FOLDER + "/*\n"
                + "  Cache-Control: " + ASSET_CACHE + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
