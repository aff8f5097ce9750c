package io.github.broadside.publish;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.render.Page;
import io.github.broadside.site.Site;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code _redirects} file (Netlify, Cloudflare Pages, GitLab Pages): a permanent redirect from
 * each earlier address of a page ({@code aliases:} in front matter) to its address now. Hosts without
 * redirect rules get the HTML redirect page the render stage writes at the same address.
 *
 * <p>Cloudflare and GitLab follow the rule; Netlify serves the redirect page instead, because a file
 * at the address comes first there (Netlify's force flag, {@code 301!}, would be an invalid rule on
 * Cloudflare). The page's refresh and canonical link make browsers and search engines move on.
 */
final class Redirects {
    static final String PATH = "_redirects";

    private Redirects() {
    }

    /** The file, or empty when no page has an alias. */
    static Optional<Page> write(Site site) {
        SiteConfig config = site.config();
        Map<String, String> rules = new TreeMap<>();
        for (Campaign campaign : site.allPages()) {
            for (String alias : campaign.aliases()) {
                rules.put(SitemapWriter.ascii(config.relativeUrl(alias)),
                        SitemapWriter.ascii(config.relativeUrl(campaign.path())));
            }
        }
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("# Written by Broadside from 'aliases:' in front matter.\n");
        rules.forEach((from, to) -> text.append(from).append(' ').append(to).append(" 301\n"));
        return Optional.of(new Page(PATH, text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
