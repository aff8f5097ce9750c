package io.github.broadside.check;

import io.github.broadside.BuildOptions;
import io.github.broadside.Pipeline;
import io.github.broadside.content.Campaign;
import io.github.broadside.site.TranslationReport;
import io.github.broadside.problem.Problem;
import io.github.broadside.editor.DecapAdminPage;
import io.github.broadside.publish.BrokenLink;
import io.github.broadside.publish.SiteWriter;
import io.github.broadside.problem.Problems;
import io.github.broadside.problem.Severity;
import io.github.broadside.site.Site;
import io.github.broadside.site.SitePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code broadside:check}: everything the build validates, run into a temporary folder so that
 * {@code site/} is never touched, and then checks of the pages as built: every internal link and
 * {@code #anchor} leads somewhere, every image exists and has a text alternative, nothing is loaded
 * from another site when a page opens (signers' privacy), every form posts to a configured
 * provider, and a note on translation coverage (stale translations are build warnings).
 *
 * <p>Problems found in a built page are reported at the line of the source file (the page's
 * Markdown file, else {@code site.yml}) that holds the offending address when it can be found
 * there, else at the page's address.
 */
public final class SiteCheck {
    private final BuildOptions options;

    public SiteCheck(BuildOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What check found: the problems (sorted, errors first) and notes such as translation coverage. */
    public record Report(List<Problem> problems, List<String> notes, int pagesChecked) {
        public Report {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public long count(Severity severity) {
            return problems.stream().filter(p -> p.severity() == severity).count();
        }

        /** Whether the check fails when problems of {@code failOn} severity or worse fail it. */
        public boolean fails(Severity failOn) {
            return problems.stream().anyMatch(p -> p.severity().compareTo(failOn) >= 0);
        }
    }

    public Report run() throws IOException {
        Path work = Files.createTempDirectory("broadside-check");
        try {
            return run(work.resolve("site"));
        } finally {
            SiteWriter.deleteTree(work);
        }
    }

    private Report run(Path output) throws IOException {
        Problems problems = new Problems();
        List<String> notes = new ArrayList<>();
        // One run of the stages: the pages are checked against the very model they were built from.
        Pipeline.Outcome outcome = new Pipeline(options.toBuilder().output(output).build()).build();
        if (outcome instanceof Pipeline.Failed failed) {
            problems.addAll(failed.problems());
            notes.add("Links, images and forms were not checked: the build has errors. Fix them and check again.");
            translationNote(failed.site(), notes);
            return new Report(problems.sorted(), notes, 0);
        }
        Pipeline.Built built = (Pipeline.Built) outcome;
        PageChecks checks = new PageChecks(built.site(), output, problems);
        int pages = checks.run();
        // The build warns about an address check reports as an error: keep one, the error.
        Set<Problem> covered = new HashSet<>();
        built.brokenLinks().stream().filter(checks::covers).forEach(link -> covered.add(link.problem()));
        // And about a page's missing picture, which check reports as an error at the same image: line.
        io.github.broadside.content.ImagePaths.missing(built.site().allPages(),
                p -> Files.isRegularFile(output.resolve(p).normalize()) && output.resolve(p).normalize()
                        .startsWith(output), options.display(options.contentDir().resolve("static")),
                built.site().config()::relativeUrl).stream().filter(checks::coversLine).forEach(covered::add);
        built.result().warnings().stream().filter(w -> !covered.contains(w)).forEach(problems::add);
        translationNote(built.site(), notes);
        return new Report(problems.sorted(), notes, pages);
    }

    /**
     * Translation coverage as a note. Stale translations are already among the build's problems
     * (warnings, or errors with failOnStale), found by the same translation graph the pages use.
     */
    private static void translationNote(Site site, List<String> notes) {
        if (site.languages().size() < 2) {
            return;
        }
        List<String> table = TranslationReport.of(site).table();
        notes.add("Translations: " + table.get(table.size() - 1) + " (./mvnw broadside:translations shows the table)");
        for (TranslationReport.Partial partial : TranslationReport.partial(site)) {
            notes.add("Partly untranslated, shown in the source's words: " + partial.format());
        }
    }

    /** The checks over the built pages of one run. */
    private final class PageChecks {
        private final Site site;
        private final Path output;
        private final Problems problems;
        private final URI base;
        private final Map<String, Campaign> sources = new HashMap<>();
        private final Map<String, Set<String>> anchors = new HashMap<>();
        private final Map<FindingKey, Finding> findings = new LinkedHashMap<>();

        PageChecks(Site site, Path output, Problems problems) {
            this.site = site;
            this.output = output;
            this.problems = problems;
            this.base = site.config().baseUrl();
            site.allPages().forEach(c -> sources.put(c.path(), c));
        }

        int run() throws IOException {
            List<Path> html;
            try (Stream<Path> walk = Files.walk(output)) {
                html = walk.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
            }
            // The browser editor's page is the staff's, not a campaign page: it loads Decap CMS from its
            // pinned release by design (docs/editing-in-the-browser.md), as the build's privacy check allows.
            if (site.config().browserEditor().isPresent()) {
                Path editor = output.resolve(DecapAdminPage.PAGE);
                html = html.stream().filter(p -> !p.equals(editor)).toList();
            }
            for (Path file : html) {
                String relative = output.relativize(file).toString().replace('\\', '/');
                Document page = Jsoup.parse(file.toFile(), "UTF-8", base.resolve(relative).toString());
                String address = SitePath.of(relative);
                checkPage(address, page);
            }
            for (Finding finding : findings.values()) {
                String message = finding.message + (finding.pages.size() > 1
                        ? " (on " + finding.pages.size() + " pages)" : "");
                problems.add(new Problem(finding.file, finding.line, 0, finding.severity, message, finding.hint));
            }
            return html.size();
        }

        private void checkPage(String address, Document page) {
            for (Element link : page.select("a[href], area[href]")) {
                checkLink(address, link.attr("href"));
            }
            for (Element img : page.select("img")) {
                String src = img.attr("src");
                if (!img.hasAttr("alt")) {
                    report(address, src, Severity.ERROR, "the image " + src + " has no text alternative",
                            "describe the picture for people who cannot see it ('imageAlt:', or ![description](...) "
                                    + "in Markdown)");
                } else if (img.attr("alt").isBlank() && !decorative(img)) {
                    report(address, src, Severity.WARNING, "the image " + src + " has an empty text alternative",
                            "an empty alt is only right for purely decorative pictures; describe it otherwise");
                }
                checkResource(address, src, "image");
            }
            for (Element element : page.select("script[src], iframe[src], video[src], audio[src], source[src], "
                    + "link[rel~=stylesheet][href], link[rel~=icon][href]")) {
                String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                checkResource(address, url, element.tagName());
            }
            for (Element form : page.select("form")) {
                String action = form.attr("action").strip();
                if (action.isEmpty() || action.equals("#")) {
                    report(address, "", Severity.ERROR, "a form on " + address + " has no address to send to",
                            "configure a form provider for the site (see the forms documentation)");
                } else if (!form.attr("method").equalsIgnoreCase("post") && !isInternal(resolve(address, action))) {
                    report(address, action, Severity.WARNING, "the form sending to " + action + " does not use POST",
                            "signers' details would end up in the address bar and server logs; use method=\"post\"");
                }
            }
        }

        private void checkLink(String address, String href) {
            String raw = href.strip();
            String lower = raw.toLowerCase(Locale.ROOT);
            if (raw.isEmpty() || lower.startsWith("mailto:") || lower.startsWith("tel:") || lower.startsWith("sms:")) {
                return;
            }
            if (lower.startsWith("javascript:")) {
                report(address, raw, Severity.ERROR, "a link runs script (" + raw + ")",
                        "links must work with JavaScript off: link to a page instead");
                return;
            }
            Optional<URI> target = resolve(address, raw);
            if (target.isEmpty()) {
                report(address, raw, Severity.ERROR, "the link " + raw + " is not a valid address",
                        "check for spaces or stray characters in the link");
                return;
            }
            if (!isInternal(target)) {
                return; // other sites are not fetched: check runs offline
            }
            Optional<String> file = outputFile(target.get());
            if (file.isEmpty()) {
                report(address, raw, Severity.ERROR, "the link " + raw + " leads to no page of this site",
                        "fix the address, or create the page it should lead to");
                return;
            }
            String fragment = target.get().getRawFragment();
            if (fragment != null && !fragment.isEmpty() && file.get().endsWith(".html")) {
                String id = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
                if (!anchorsOf(file.get()).contains(id)) {
                    report(address, raw, Severity.ERROR, "the link " + raw + " points to #" + id
                            + ", which is not on that page",
                            "use the id of a heading on the target page (headings get ids from their text)");
                }
            }
        }

        /** A picture the theme marks as decoration (a card's picture beside its title), where alt="" is right. */
        private static boolean decorative(Element img) {
            return img.attr("aria-hidden").equals("true") || img.attr("role").equals("presentation")
                    || img.attr("role").equals("none");
        }

        private void checkResource(String address, String url, String what) {
            if (url.isBlank() || url.startsWith("data:")) {
                return;
            }
            Optional<URI> target = resolve(address, url);
            if (target.isEmpty()) {
                report(address, url, Severity.ERROR, "the " + what + " address " + url + " is not valid", "fix it");
            } else if (!isInternal(target)) {
                report(address, url, Severity.ERROR, "the " + what + " " + url + " is loaded from another site",
                        "every visitor's browser would contact that site when the page opens; copy the file into "
                                + "content/static/ and link to it there");
            } else if (outputFile(target.get()).isEmpty()) {
                String inside = Optional.ofNullable(target.get().getPath()).orElse("/");
                String basePath = site.config().basePath();
                String file = inside.startsWith(basePath) ? inside.substring(basePath.length()) : "";
                report(address, url, Severity.ERROR, "the " + what + " " + url + " does not exist",
                        file.isEmpty() || file.endsWith("/")
                                ? "put the file in content/static/ (e.g. content/static/images/) and check the spelling"
                                : "put the file at " + options.display(options.contentDir()) + "/static/" + file
                                        + ", or fix the address");
            }
        }

        private Optional<URI> resolve(String address, String url) {
            try {
                return Optional.of(base.resolve(address.substring(1)).resolve(new URI(url.replace(" ", "%20"))));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private boolean isInternal(Optional<URI> target) {
            if (target.isEmpty()) {
                return false;
            }
            URI uri = target.get();
            return Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getHost(), base.getHost())
                    && uri.getPort() == base.getPort() && uri.getRawPath() != null
                    && (uri.getRawPath() + "/").startsWith(site.config().basePath());
        }

        /** The built file an internal address serves, as a path relative to the output folder. */
        private Optional<String> outputFile(URI target) {
            String path = Optional.ofNullable(target.getPath()).orElse("/");
            String basePath = site.config().basePath();
            if (!(path + "/").startsWith(basePath)) {
                return Optional.empty();
            }
            String inside = path.length() >= basePath.length() ? path.substring(basePath.length()) : "";
            if (inside.contains("..")) {
                return Optional.empty();
            }
            // A folder address without its slash is served by the folder's index page too.
            List<String> candidates = inside.isEmpty() || inside.endsWith("/")
                    ? List.of(SitePath.file(inside)) : List.of(inside, SitePath.file(inside + "/"));
            for (String candidate : candidates) {
                Path file = output.resolve(candidate).normalize();
                if (file.startsWith(output) && Files.isRegularFile(file)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        /** Whether check found something at the source line of {@code problem}. */
        boolean coversLine(Problem problem) {
            return problem.line() > 0 && findings.values().stream()
                    .anyMatch(f -> f.file.equals(problem.file()) && f.line == problem.line());
        }

        /** Whether a finding of check is about the same address, at the same source line, as {@code link}. */
        boolean covers(BrokenLink link) {
            return link.line() > 0 && findings.values().stream().anyMatch(f -> f.file.equals(link.file())
                    && f.line == link.line() && !f.value.isEmpty() && f.value.equals(link.url().strip()));
        }

        private Set<String> anchorsOf(String file) {
            return anchors.computeIfAbsent(file, f -> {
                Set<String> ids = new HashSet<>();
                try {
                    Document page = Jsoup.parse(output.resolve(f).toFile(), "UTF-8");
                    page.select("[id]").forEach(e -> ids.add(e.id()));
                    page.select("a[name]").forEach(e -> ids.add(e.attr("name")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return ids;
            });
        }

        /** Records a finding at the source line holding {@code value}, merging repeats across pages. */
        private void report(String address, String value, Severity severity, String message, String hint) {
            Location location = locate(address, value);
            findings.computeIfAbsent(new FindingKey(location, message),
                    k -> new Finding(location.file, location.line, severity, message, hint, value)).pages.add(address);
        }

        private Location locate(String address, String value) {
            List<String> candidates = new ArrayList<>();
            Campaign campaign = sources.get(address);
            if (campaign != null && !value.isEmpty()) {
                // The page's picture: at the image: line that wrote it (the source's, when inherited).
                Optional<io.github.broadside.content.Image> image = campaign.image()
                        .filter(i -> !i.file().isEmpty() && site.config().relativeUrl(i.src()).equals(value));
                if (image.isPresent()) {
                    return new Location(image.get().file(), image.get().line());
                }
            }
            if (campaign == null && !value.isEmpty()) {
                // A list page's card showing a campaign's picture: at that campaign's image: line.
                Optional<io.github.broadside.content.Image> shown = site.languages().stream()
                        .flatMap(l -> l.campaigns().stream()).flatMap(c -> c.image().stream())
                        .filter(i -> !i.file().isEmpty() && site.config().relativeUrl(i.src()).equals(value))
                        .findFirst();
                if (shown.isPresent()) {
                    return new Location(shown.get().file(), shown.get().line());
                }
            }
            if (campaign != null) {
                candidates.add(campaign.file());
            }
            candidates.add(options.display(options.contentDir()) + "/site.yml");
            if (!value.isEmpty()) {
                String basePath = site.config().basePath();
                List<String> spellings = new ArrayList<>(List.of(value));
                if (value.startsWith(basePath) && basePath.length() > 1) {
                    spellings.add("/" + value.substring(basePath.length()));
                }
                for (String file : candidates) {
                    int line = lineOf(options.projectDir().resolve(file), spellings);
                    if (line > 0) {
                        return new Location(file, line);
                    }
                }
            }
            return campaign != null ? new Location(campaign.file(), 0) : new Location(address, 0);
        }

        private static int lineOf(Path file, List<String> spellings) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    for (String spelling : spellings) {
                        if (lines.get(i).contains(spelling)) {
                            return i + 1;
                        }
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
            return 0;
        }
    }

    /** A place in a source file; line 0 when the text was not found in it. */
    private record Location(String file, int line) {
    }

    /** What makes two findings one: the same message at the same source line (found on several pages). */
    private record FindingKey(Location at, String message) {
    }

    private static final class Finding {
        final String file;
        final int line;
        final Severity severity;
        final String message;
        final String hint;
        final String value;
        final Set<String> pages = new java.util.TreeSet<>();

        Finding(String file, int line, Severity severity, String message, String hint, String value) {
            this.file = file;
            this.line = line;
            this.severity = severity;
            this.message = message;
            this.hint = hint;
            this.value = value;
        }
    }
}
