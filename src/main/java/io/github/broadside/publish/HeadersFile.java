package io.github.broadside.publish;

import io.github.broadside.render.AssetUrls;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code _headers} file that Netlify and Cloudflare Pages read from the site root: the security
 * headers on every response, and a year-long, immutable cache for the fingerprinted assets.
 *
 * <p>HTML, feeds and cards get no Cache-Control here on purpose: both hosts already serve them with
 * {@code max-age=0, must-revalidate}, and a second Cache-Control rule for {@code /*} would be joined
 * with the assets' rule on Cloudflare ({@code no-cache, public, max-age=...}) instead of replaced.
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

    private HeadersFile() {
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
