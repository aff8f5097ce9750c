package io.github.broadside;

import io.github.broadside.publish.AtomFeed;
import io.github.broadside.publish.Publisher;
import io.github.broadside.render.ShareImage;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what a build published for the summary printed at its end: per language the pages, feeds,
 * files and bytes (pages, feeds and share cards belong to the language whose folder they are in, or
 * to the default language at the root), then one line for the files every language shares (assets,
 * sitemap, robots.txt, _headers, _redirects, content/static/).
 */
final class BuildSummary {
    private BuildSummary() {
    }

    static List<LanguageSummary> of(Site site, Publisher.Result published) throws IOException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        site.languages().forEach(l -> counts.put(l.language(), new long[4]));
        counts.put(LanguageSummary.SHARED, new long[4]);
        for (io.github.broadside.render.Page file : published.files()) {
            count(counts, owner(site, file.path()), file.path(), file.size());
        }
        for (Map.Entry<String, Path> file : published.cached().entrySet()) {
            count(counts, owner(site, file.getKey()), file.getKey(), Files.size(file.getValue()));
        }
        for (Map.Entry<String, Path> file : published.staticFiles().entrySet()) {
            count(counts, LanguageSummary.SHARED, file.getKey(), Files.size(file.getValue()));
        }
        List<LanguageSummary> out = new ArrayList<>();
        counts.forEach((language, c) -> out.add(new LanguageSummary(language, (int) c[0], (int) c[1], (int) c[2],
                c[3])));
        return out;
    }

    private static void count(Map<String, long[]> counts, String owner, String path, long bytes) {
        long[] c = counts.computeIfAbsent(owner, k -> new long[4]);
        c[0] += path.endsWith(".html") ? 1 : 0;
        c[1] += path.endsWith("/" + AtomFeed.FILE) || path.equals(AtomFeed.FILE) ? 1 : 0;
        c[2]++;
        c[3] += bytes;
    }

    private static String owner(Site site, String path) {
        String bare = path.endsWith(".gz") ? path.substring(0, path.length() - 3) : path;
        boolean languageFile = bare.endsWith(".html") || bare.endsWith(AtomFeed.FILE)
                || bare.endsWith(ShareImage.CARD);
        if (!languageFile) {
            return LanguageSummary.SHARED;
        }
        int slash = bare.indexOf('/');
        String first = slash < 0 ? "" : bare.substring(0, slash);
        return site.language(first).filter(l -> !l.homePath().equals("/")).map(LanguageSite::language)
                .orElse(site.config().defaultLanguage());
    }
}
