package io.github.broadside.publish;

import io.github.broadside.config.Origin;
import io.github.broadside.problem.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails the build when a published page or stylesheet makes the reader's browser contact a third
 * party as the page opens: an image, script, stylesheet, web font, frame, video or preconnect on
 * another origin. Each such request tells that party who reads which campaign; the site must not make
 * one unless {@code site.yml} allows the origin ({@code privacy: {allowOrigins: [...]}}).
 *
 * <p>Links and form actions are not loads: the form provider is contacted only when a reader submits.
 */
final class PrivacyCheck {
    /** One third-party load written at one source line: reported once, naming the pages that make it. */
    private record ThirdPartyLoad(Sources.Location at, Directive directive, String url) {
    }

    private PrivacyCheck() {
    }

    /**
     * A problem for each third-party load not allowed, located at the source that caused it; a source
     * that many pages share (a template) gives one problem that counts the pages.
     */
    static List<Problem> check(Collection<Use> uses, LinkResolver resolver, Collection<String> allowed,
            Sources sources) {
        Map<ThirdPartyLoad, List<String>> found = new LinkedHashMap<>();
        for (Use use : uses) {
            if (!use.directive().onLoad() || !resolver.isThirdParty(use.url())) {
                continue;
            }
            Origin origin = Origin.parse(use.url()).orElseThrow();
            if (allowed.contains(origin.toString())) {
                continue;
            }
            Sources.Location at = sources.locate(use.file(), use.url());
            List<String> pages = found.computeIfAbsent(new ThirdPartyLoad(at, use.directive(), use.url()),
                    k -> new ArrayList<>());
            if (!pages.contains(use.file())) {
                pages.add(use.file());
            }
        }
        List<Problem> problems = new ArrayList<>();
        found.forEach((load, pages) -> {
            Sources.Location at = load.at();
            Directive directive = load.directive();
            String url = load.url();
            Origin origin = Origin.parse(url).orElseThrow();
            String who = pages.size() == 1 ? "the published file " + pages.get(0)
                    : pages.size() + " published files (" + pages.get(0) + ", ...)";
            problems.add(Problem.error(at.file(), at.line(), 0,
                    who + " load" + (pages.size() == 1 ? "s " : " ") + what(directive) + " from " + origin
                            + " when opened (" + url + "): that site learns who reads the page",
                    "serve the file from the site itself (put it in content/static/), or, if this third party is "
                            + "acceptable, allow it in site.yml: 'privacy: {allowOrigins: [" + origin + "]}'"));
        });
        return problems;
    }

    private static String what(Directive directive) {
        return switch (directive) {
            case IMG -> "an image";
            case SCRIPT -> "a script";
            case STYLE -> "a stylesheet";
            case FONT -> "a font";
            case FRAME -> "a frame";
            case MEDIA -> "audio or video";
            case OBJECT -> "an embedded object";
            case MANIFEST -> "a web app manifest";
            case PRECONNECT -> "a connection (preconnect, prefetch)";
            default -> "a resource";
        };
    }
}
