package io.github.broadside.publish;

import io.github.broadside.config.Origin;
import io.github.broadside.problem.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the files of {@code content/static/} from widening the site's Content-Security-Policy
 * silently. The policy is one for every page, so an HTML file there with a form posting to
 * {@code https://collect.example} would let every page post there, and a {@code data:} picture would
 * add {@code img-src data:} everywhere. A static file may only use what the generated site already
 * uses (its own origin, its form providers) or what {@code site.yml} allows
 * ({@code privacy: {allowOrigins: [...]}}, where {@code "data:"} allows {@code data:} pictures and
 * fonts); anything else is an error naming the file, its line and the key to add.
 *
 * <p>Third-party loads on opening are the privacy check's; this check adds what it leaves out: form
 * and fetch destinations, and {@code data:} addresses.
 */
final class StaticPolicyCheck {
    /** The value of {@code privacy.allowOrigins} that allows {@code data:} pictures and fonts. */
    static final String DATA = "data:";

    private final ContentSecurityPolicy generated;
    private final Set<String> allowed;
    private final Origin site;

    /**
     * @param generated the policy the generated site alone needs (pages, assets, form providers)
     * @param allowed   {@code privacy.allowOrigins} from site.yml
     * @param site      the site's own origin
     */
    StaticPolicyCheck(ContentSecurityPolicy generated, Collection<String> allowed, Origin site) {
        this.generated = generated;
        this.allowed = Set.copyOf(allowed);
        this.site = site;
    }

    /**
     * Whether {@code use}, made by a static file, leaves the policy as the generated site and
     * site.yml make it: it names no other origin and no {@code data:}, or one already in the
     * directive, or one site.yml allows.
     */
    boolean keeps(Use use) {
        Optional<String> source = source(use);
        if (source.isEmpty() || allowed.contains(source.get())) {
            return true;
        }
        List<String> present = generated.directives().getOrDefault(use.directive().cspName().orElse(""), List.of());
        return present.contains(source.get());
    }

    /** The policy source {@code use} needs ({@code https://x.example} or {@code data:}), empty for none. */
    private Optional<String> source(Use use) {
        if (use.directive().cspName().isEmpty()) {
            return Optional.empty();
        }
        String url = use.url().strip();
        Optional<String> origin = Origin.parse(url).filter(o -> !o.equals(site)).map(Origin::toString);
        if (origin.isPresent()) {
            return origin;
        }
        boolean data = url.regionMatches(true, 0, DATA, 0, DATA.length())
                && (use.directive() == Directive.IMG || use.directive() == Directive.FONT);
        return data ? Optional.of(DATA) : Optional.empty();
    }

    /**
     * An error for each use of a static file that would widen the policy and that the privacy
     * check does not already report (a third-party load on opening), at the static file's line.
     */
    List<Problem> check(Collection<Use> staticUses, Sources sources) {
        /** What a static file would widen the policy with: reported once per file, directive and source. */
        record Widening(String file, Directive directive, String source) {
        }
        Map<Widening, Use> found = new LinkedHashMap<>();
        for (Use use : staticUses) {
            if (keeps(use)) {
                continue;
            }
            String source = source(use).orElseThrow();
            if (!source.equals(DATA) && use.directive().onLoad()) {
                continue; // the privacy check's
            }
            found.putIfAbsent(new Widening(use.file(), use.directive(), source), use);
        }
        List<Problem> problems = new ArrayList<>();
        for (Use use : found.values()) {
            String source = source(use).orElseThrow();
            Sources.Location at = sources.locate(use.file(), use.url());
            String shown = use.url().length() > 60 ? use.url().substring(0, 57) + "..." : use.url();
            if (source.equals(DATA)) {
                String directive = use.directive().cspName().orElseThrow();
                problems.add(Problem.error(at.file(), at.line(), 0, "the static file " + use.file() + " uses a data: "
                                + "address (" + shown + "): publishing it would add data: to the Content-Security-"
                                + "Policy's " + directive + " on every page of the site",
                        "save the picture as a file in content/static/ and link to it, or allow data: addresses "
                                + "in site.yml: 'privacy: {allowOrigins: [\"data:\"]}'"));
            } else {
                String what = use.directive() == Directive.FORM ? "sends a form to " : "connects to ";
                problems.add(Problem.error(at.file(), at.line(), 0, "the static file " + use.file() + " " + what
                                + source + " (" + shown + "): publishing it would let every page of the site send "
                                + "forms and requests there (form-action and connect-src of the Content-Security-"
                                + "Policy), which no page or form provider of the site needs",
                        "remove it, or, if readers' data may go there, allow the origin in site.yml: "
                                + "'privacy: {allowOrigins: [" + source + "]}'"));
            }
        }
        return problems;
    }
}
