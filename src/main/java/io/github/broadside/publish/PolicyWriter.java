package io.github.broadside.publish;

import io.github.broadside.editor.DecapAdminPage;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes the site's Content-Security-Policy, derived from what the pages really use: the
 * {@code _headers} file (merged with the site's own), and a {@code <meta>} tag in each rendered page
 * for hosts that cannot send headers (GitHub Pages, GitLab Pages). Static files never widen the
 * policy silently: only what the generated site or {@code site.yml} allows ({@link StaticPolicyCheck}).
 */
final class PolicyWriter {
    private static final Pattern CHARSET = Pattern.compile("<meta charset=\"?[^\">]*\"?\\s*/?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

    private final Publisher.Inputs in;
    private final LinkResolver resolver;

    PolicyWriter(Publisher.Inputs in, LinkResolver resolver) {
        this.in = in;
        this.resolver = resolver;
    }

    /**
     * The policy derived from {@code uses}: what the generated pages use, and what the static files
     * use where {@link StaticPolicyCheck} lets them (the others are errors at their lines).
     */
    ContentSecurityPolicy derive(SiteAssembly.Assembled site, List<Use> uses, Sources sources, Problems problems) {
        Map<String, ?> statics = site.statics();
        ContentSecurityPolicy generatedPolicy = ContentSecurityPolicy.derive(
                uses.stream().filter(u -> !statics.containsKey(u.file())).toList(), resolver.siteOrigin(),
                in.extraOrigins());
        StaticPolicyCheck staticPolicy = new StaticPolicyCheck(generatedPolicy, in.site().config().allowedOrigins(),
                resolver.siteOrigin());
        staticPolicy.check(uses.stream().filter(u -> statics.containsKey(u.file())).toList(), sources)
                .forEach(problems::add);
        return ContentSecurityPolicy.derive(
                uses.stream().filter(u -> !statics.containsKey(u.file()) || staticPolicy.keeps(u)).toList(),
                resolver.siteOrigin(), in.extraOrigins());
    }

    /**
     * Writes {@code policy} into {@code site}: {@code _headers} (admitting the browser editor's page
     * when {@code cms:} is on), and the tag into each page of {@code metaAt} at its offset.
     */
    void write(SiteAssembly.Assembled site, ContentSecurityPolicy policy, Map<String, Integer> metaAt,
            Problems problems) throws IOException {
        // The browser editor's page needs more than the campaign pages: only the _headers policy admits it.
        ContentSecurityPolicy headerPolicy = in.site().config().browserEditor()
                .map(editor -> policy.admitting(DecapAdminPage.directives(editor))).orElse(policy);
        byte[] headers = HeadersFile.write(headerPolicy, in.site().config().basePath());
        if (site.ownHeaders().isPresent()) {
            headers = HeadersFile.merge(headers, in.text(site.ownHeaders().get()),
                    in.display().apply(site.ownHeaders().get()), problems);
        }
        Map<String, Page> files = site.files();
        files.put(HeadersFile.PATH, new Page(HeadersFile.PATH, headers));
        byte[] meta = ("\n<meta http-equiv=\"Content-Security-Policy\" content=\""
                + XmlWriter.escape(policy.meta(), true) + "\">").getBytes(StandardCharsets.UTF_8);
        // The tag is kept beside each page's bytes and placed when the page is read (see Page.withInsert):
        // one array shared by every page, and a compacted page is not deflated again.
        metaAt.forEach((path, at) -> files.put(path, files.get(path).withInsert(at, meta)));
    }

    /**
     * Where the policy tag goes: right after the charset declaration (or the {@code <head>} tag),
     * before anything the policy governs; -1 when the page has neither.
     */
    static int metaOffset(String html) {
        Matcher m = CHARSET.matcher(html);
        if (!m.find()) {
            m = HEAD.matcher(html);
            if (!m.find()) {
                return -1;
            }
        }
        return m.end();
    }
}
