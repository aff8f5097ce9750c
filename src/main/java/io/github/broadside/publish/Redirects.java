package io.github.broadside.publish;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.content.Campaign;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import io.github.broadside.site.Site;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code _redirects} file (Netlify, Cloudflare Pages, GitLab Pages): a permanent redirect from
 * each earlier address of a page ({@code aliases:} in front matter) to its address now. Hosts without
 * redirect rules get the HTML redirect page the render stage writes at the same address.
 *
 * <p>Cloudflare and GitLab follow the rule; Netlify serves the redirect page instead, because a file
 * at the address comes first there (Netlify's force flag, {@code 301!}, would be an invalid rule on
 * Cloudflare). The page's refresh and canonical link make browsers and search engines move on.
 *
 * <p>A site's own {@code content/static/_redirects} is merged after the aliases' rules, never
 * published instead of them. Its rules may not start from an address the build publishes (by its
 * path, a {@code *} or a {@code :placeholder}): Cloudflare applies redirects before files, and Netlify
 * does with {@code !}, so such a rule would send a campaign's readers elsewhere.
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
        return Optional.of(new Page(PATH, text(rules).getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Map<String, String> rules) {
        StringBuilder text = new StringBuilder("# Written by Broadside from 'aliases:' in front matter.\n");
        rules.forEach((from, to) -> text.append(from).append(' ').append(to).append(" 301\n"));
        return text.toString();
    }

    /**
     * The aliases' rules followed by the site's own ({@code user}, the text of
     * {@code content/static/_redirects}, shown in problems as {@code shown}). A rule that starts from
     * an address of {@code published} (files in the site folder: {@code x/index.html}) is an error.
     */
    static Page merge(Site site, String user, Collection<String> published, String shown, Problems problems) {
        SiteConfig config = site.config();
        String[] lines = user.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String from = text.split("\\s+")[0];
            Optional<String> path = ownPath(from, config);
            if (path.isEmpty()) {
                continue;
            }
            Pattern rule = pattern(path.get());
            for (String file : published) {
                Optional<String> taken = addresses(config.basePath(), file).stream()
                        .filter(a -> rule.matcher(a).matches()).findFirst();
                if (taken.isPresent()) {
                    problems.add(Problem.error(shown, i + 1, 0, "the redirect from " + from + " starts at "
                                    + taken.get() + ", an address the site publishes (" + file + "); hosts that "
                                    + "apply redirects before files (Cloudflare Pages, Netlify with !) would send its "
                                    + "readers elsewhere",
                            "redirect only addresses the site no longer has; to move a page, add its old "
                                    + "address to 'aliases:' in its front matter"));
                    break;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        write(site).ifPresent(p -> text.append(new String(p.bytes(), StandardCharsets.UTF_8)).append('\n'));
        text.append("# From ").append(shown).append(":\n").append(user);
        if (!user.endsWith("\n")) {
            text.append('\n');
        }
        return new Page(PATH, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The path of a rule's source on this site; empty for a rule about another host. */
    private static Optional<String> ownPath(String from, SiteConfig config) {
        if (from.startsWith("/")) {
            return Optional.of(from);
        }
        if (!from.regionMatches(true, 0, "http://", 0, 7) && !from.regionMatches(true, 0, "https://", 0, 8)) {
            return Optional.of("/" + from);
        }
        try {
            URI uri = new URI(from.replace("*", "%2A"));
            String host = config.baseUrl().getHost();
            if (uri.getHost() == null || host == null || !uri.getHost().equalsIgnoreCase(host)) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(path.replace("%2A", "*"));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A rule's source as the hosts match it: {@code *} anything, {@code :name} one segment, no case. */
    private static Pattern pattern(String from) {
        StringBuilder regex = new StringBuilder();
        String source = from.length() > 1 && from.endsWith("/") ? from.substring(0, from.length() - 1) : from;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '*') {
                regex.append(".*");
                i++;
            } else if (c == ':' && i > 0 && source.charAt(i - 1) == '/') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '/') {
                    end++;
                }
                regex.append("[^/]+");
                i = end;
            } else {
                int end = i;
                while (end < source.length() && source.charAt(end) != '*'
                        && !(source.charAt(end) == ':' && end > 0 && source.charAt(end - 1) == '/')) {
                    end++;
                }
                regex.append(Pattern.quote(source.substring(i, end)));
                i = end;
            }
        }
        // Hosts treat /old and /old/ alike.
        return Pattern.compile(regex + "/?", Pattern.CASE_INSENSITIVE);
    }

    /** The addresses a published file answers: x/index.html at /x/index.html, /x/ and /x. */
    private static java.util.List<String> addresses(String basePath, String file) {
        String at = basePath + file;
        if (file.equals("index.html") || file.endsWith("/index.html")) {
            String folder = at.substring(0, at.length() - "index.html".length());
            return java.util.List.of(at, folder);
        }
        return java.util.List.of(at);
    }
}
