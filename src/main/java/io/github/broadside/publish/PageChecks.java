package io.github.broadside.publish;

import io.github.broadside.content.ImagePaths;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publish stage's checks of what the scan found, each problem at the source a user edits: no
 * inline code (the policy refuses it), the privacy check (nothing loaded from another site when a
 * page opens), a campaign's picture that has no file, and the site's own links that lead nowhere.
 */
final class PageChecks {
    private static final Pattern HANDLER = Pattern.compile("handler (on[a-z]+)=");

    /** One kind of inline code written at one source line: reported once, naming the files that have it. */
    private record InlineCode(Sources.Location at, String code) {
    }

    /** One broken address written at one source line, with what it resolves to. */
    private record BrokenAddress(Sources.Location at, String url, LinkResolver.Target target) {
    }

    private final Publisher.Inputs in;
    private final LinkResolver resolver;
    private final Sources sources;

    PageChecks(Publisher.Inputs in, LinkResolver resolver, Sources sources) {
        this.in = in;
        this.resolver = resolver;
        this.sources = sources;
    }

    /**
     * Adds the problems found in {@code scans} to {@code problems}; returns the site's own addresses
     * that lead nowhere (each also a warning among the problems).
     */
    List<BrokenLink> check(List<PageScan> scans, List<Use> uses, Map<String, Path> statics, PublishedPaths paths,
            Problems problems) throws IOException {
        inlineCode(scans, statics, problems);
        PrivacyCheck.check(uses, resolver, in.site().config().allowedOrigins(), sources).forEach(problems::add);
        // A page's picture that has no file is reported at its image: line (the rule serve uses too);
        // the link check then leaves those addresses alone.
        Site site = in.site();
        problems.addAll(ImagePaths.missing(site.allPages(), paths::exists, in.display().apply(in.staticDir()),
                site.config()::relativeUrl));
        Set<String> reported = new HashSet<>();
        site.allPages().forEach(c -> c.image().filter(i -> i.src().startsWith("/"))
                .ifPresent(i -> reported.add(ImagePaths.staticFile(i.src()))));
        reported.removeIf(paths::exists);
        List<BrokenLink> broken = brokenLinks(uses, paths, reported);
        broken.forEach(link -> problems.add(link.problem()));
        return broken;
    }

    /** An error per kind of inline code at its source line (the static file, or the template that writes it). */
    private void inlineCode(List<PageScan> scans, Map<String, Path> statics, Problems problems) throws IOException {
        Map<InlineCode, List<String>> inline = new TreeMap<>(Comparator
                .comparing((InlineCode c) -> c.at().file()).thenComparingInt(c -> c.at().line())
                .thenComparing(InlineCode::code));
        for (PageScan scan : scans) {
            for (String code : new TreeSet<>(scan.inlineCode())) {
                Path own = statics.get(scan.file());
                Sources.Location at = own != null
                        ? new Sources.Location(in.display().apply(own), Sources.lineOf(in.text(own), needle(code)))
                        : sources.inTemplates(needle(code))
                                .orElse(new Sources.Location(in.outputDisplay() + "/" + scan.file(), 0));
                inline.computeIfAbsent(new InlineCode(at, code), k -> new ArrayList<>()).add(scan.file());
            }
        }
        inline.forEach((found, pages) -> {
            String who = pages.size() == 1 ? "the published file " + pages.get(0)
                    : pages.size() + " published files (" + pages.get(0) + ", ...)";
            problems.add(Problem.error(found.at().file(), found.at().line(), 0, who + " ha"
                            + (pages.size() == 1 ? "s " : "ve ") + found.code()
                            + ", which the site's Content-Security-Policy refuses (no inline script or style)",
                    "move scripts to a .js file and styles to a .css file in the theme's assets/ folder, "
                            + "and use classes instead of style=\"\""));
        });
    }

    /** The text a template would contain to produce the inline code described by {@code code}. */
    private static String needle(String code) {
        if (code.contains("style=\"\" attribute")) {
            return "style=\"";
        }
        if (code.contains("<style>")) {
            return "<style";
        }
        if (code.contains("<script>")) {
            return "<script>";
        }
        if (code.contains("javascript:")) {
            return "javascript:";
        }
        if (code.contains("srcdoc=")) {
            return "srcdoc=";
        }
        Matcher handler = HANDLER.matcher(code);
        return handler.find() ? handler.group(1) + "=" : code;
    }

    /** The site's own addresses that lead to no file, or outside a sub-path site, each where it was written. */
    private List<BrokenLink> brokenLinks(List<Use> uses, PublishedPaths paths, Set<String> reported) {
        Map<BrokenAddress, List<String>> found = new LinkedHashMap<>();
        for (Use use : uses) {
            if (use.directive() == Directive.FORM || use.directive() == Directive.CONNECT
                    || use.directive() == Directive.PRECONNECT) {
                continue;
            }
            LinkResolver.Target target = resolver.resolve(use.file(), use.url());
            boolean broken = target instanceof LinkResolver.OutsideBase
                    || (target instanceof LinkResolver.Local local && !paths.exists(local.path())
                            && !reported.contains(local.path()));
            if (broken) {
                List<String> pages = found.computeIfAbsent(
                        new BrokenAddress(sources.locate(use.file(), use.url()), use.url(), target),
                        k -> new ArrayList<>());
                if (!pages.contains(use.file())) {
                    pages.add(use.file());
                }
            }
        }
        List<BrokenLink> out = new ArrayList<>();
        found.forEach((key, pages) -> out.add(new BrokenLink(key.at().file(), key.at().line(), key.url(),
                key.target() instanceof LinkResolver.Local local ? Optional.of(local.path()) : Optional.empty(),
                pages, in.site().config().basePath())));
        return out;
    }
}
