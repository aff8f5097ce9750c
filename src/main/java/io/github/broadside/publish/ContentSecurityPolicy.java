package io.github.broadside.publish;

import io.github.broadside.config.Origin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The site's Content-Security-Policy, derived from what its published files really use.
 *
 * <p>Everything starts from {@code default-src 'self'}: scripts, styles, fonts and images come from
 * the site itself, with no {@code 'unsafe-inline'} anywhere (the pages carry no inline script or
 * style, and the build refuses any that do). A third-party origin is added to a directive only when a
 * page really uses it that way (an allowed image host to {@code img-src}). {@code form-action} and
 * {@code connect-src} list the origins the site's forms post to (the form providers) and the extra
 * origins given by the caller; nothing else may receive a form or a fetch. Plugins, {@code <base>}
 * and framing by other sites are refused.
 */
public final class ContentSecurityPolicy {
    static final String SELF = "'self'";
    static final String NONE = "'none'";
    /** Directives a {@code <meta http-equiv>} policy cannot carry: browsers ignore them there. */
    private static final Set<String> HEADER_ONLY = Set.of("frame-ancestors", "report-uri", "sandbox");
    /** Always written, in this order, so that a reader sees the whole policy. */
    private static final List<String> ORDER = List.of("default-src", "script-src", "style-src", "img-src",
            "font-src", "connect-src", "form-action", "media-src", "frame-src", "manifest-src", "worker-src", "object-src",
            "base-uri", "frame-ancestors", "upgrade-insecure-requests");

    private final Map<String, List<String>> directives;

    private ContentSecurityPolicy(Map<String, List<String>> directives) {
        this.directives = directives;
    }

    /**
     * Derives the policy.
     *
     * @param uses         every address the published files use
     * @param site         the site's own origin (from its base URL): addresses there are {@code 'self'}
     * @param extraOrigins origins that must receive forms and fetches although no page names them
     *                     (a form provider whose script endpoint differs from its form action)
     */
    public static ContentSecurityPolicy derive(Collection<Use> uses, Origin site, Set<String> extraOrigins) {
        Objects.requireNonNull(site, "site");
        Map<String, TreeSet<String>> extra = new TreeMap<>();
        TreeSet<String> formOrigins = new TreeSet<>();
        for (String origin : extraOrigins) {
            Origin.parse(origin).ifPresent(o -> formOrigins.add(o.toString()));
        }
        for (Use use : uses) {
            Optional<String> name = use.directive().cspName();
            if (name.isEmpty()) {
                continue;
            }
            String url = use.url().strip();
            Optional<String> source = Origin.parse(url).filter(o -> !o.equals(site)).map(Origin::toString);
            if (source.isEmpty() && url.regionMatches(true, 0, "data:", 0, 5)
                    && (use.directive() == Directive.IMG || use.directive() == Directive.FONT)) {
                source = Optional.of("data:");
            }
            if (source.isEmpty()) {
                continue;
            }
            if (use.directive() == Directive.FORM || use.directive() == Directive.CONNECT) {
                formOrigins.add(source.get());
            } else {
                extra.computeIfAbsent(name.get(), k -> new TreeSet<>()).add(source.get());
            }
        }
        Map<String, List<String>> directives = new LinkedHashMap<>();
        directives.put("default-src", List.of(SELF));
        for (String name : List.of("script-src", "style-src", "img-src", "font-src")) {
            directives.put(name, withSelf(extra.get(name)));
        }
        directives.put("connect-src", withSelf(formOrigins));
        directives.put("form-action", withSelf(formOrigins));
        for (String name : List.of("media-src", "frame-src", "manifest-src")) {
            if (extra.containsKey(name)) {
                directives.put(name, withSelf(extra.get(name)));
            }
        }
        directives.put("object-src", extra.containsKey("object-src") ? withSelf(extra.get("object-src"))
                : List.of(NONE));
        directives.put("base-uri", List.of(NONE));
        directives.put("frame-ancestors", List.of(NONE));
        if (site.scheme().equals("https")) {
            directives.put("upgrade-insecure-requests", List.of());
        }
        return new ContentSecurityPolicy(directives);
    }

    private static List<String> withSelf(Collection<String> sources) {
        List<String> out = new ArrayList<>();
        out.add(SELF);
        if (sources != null) {
            out.addAll(new TreeSet<>(sources));
        }
        return List.copyOf(out);
    }

    /**
     * This policy with {@code sources} admitted as well, directive by directive (a directive this
     * policy leaves to {@code default-src} starts from {@code 'self'}); {@code 'none'} gives way to any
     * source. For a header that covers a page with a wider policy of its own (the browser editor's):
     * browsers enforce the header and the page's {@code <meta>} policy both, so pages whose meta policy
     * is this one are held to it still.
     */
    public ContentSecurityPolicy admitting(Map<String, List<String>> sources) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        directives.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        sources.forEach((name, added) -> {
            List<String> list = out.computeIfAbsent(name, k -> new ArrayList<>(List.of(SELF)));
            for (String source : added) {
                if (!list.contains(source) && !source.equals(NONE)) {
                    list.remove(NONE);
                    list.add(source);
                }
            }
        });
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (String name : ORDER) {
            if (out.containsKey(name)) {
                ordered.put(name, List.copyOf(out.get(name)));
            }
        }
        return new ContentSecurityPolicy(ordered);
    }

    /** Directive name to its sources, in the order they are written. */
    public Map<String, List<String>> directives() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        directives.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** The value of the {@code Content-Security-Policy} header. */
    public String header() {
        return write(false);
    }

    /** The policy for a {@code <meta http-equiv>} tag: the header without what meta policies ignore. */
    public String meta() {
        return write(true);
    }

    private String write(boolean meta) {
        List<String> parts = new ArrayList<>();
        for (String name : ORDER) {
            List<String> sources = directives.get(name);
            if (sources == null || (meta && HEADER_ONLY.contains(name))) {
                continue;
            }
            parts.add(sources.isEmpty() ? name : name + " " + String.join(" ", sources));
        }
        return String.join("; ", parts);
    }

    /** Parses a policy into directive name to sources (the way a browser splits it), for checks. */
    public static Map<String, List<String>> parse(String policy) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String part : policy.split(";")) {
            String[] tokens = part.strip().split("\\s+");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                continue;
            }
            out.putIfAbsent(tokens[0].toLowerCase(java.util.Locale.ROOT),
                    List.of(tokens).subList(1, tokens.length));
        }
        return out;
    }

    @Override
    public String toString() {
        return header();
    }
}
