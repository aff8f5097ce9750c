package io.github.broadside.publish;

import io.github.broadside.problem.Problem;
import io.github.broadside.render.AssetUrls;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An address of the site's own that the published files use but that leads to no file, reported
 * at the source that wrote it. {@code check} finds the same addresses in the pages and reports them
 * as errors; it recognises the build's warning for one by this record, not by its wording.
 *
 * @param file     the source file that wrote the address (or the published file when none is found)
 * @param line     its line there, 0 when unknown
 * @param url      the address as written in the page
 * @param missing  the file of the site it would lead to; empty when it leads outside the base path
 * @param pages    the published files that use it, in the order found
 * @param basePath the site's base path, which the address falls outside of when {@code missing} is empty
 */
public record BrokenLink(String file, int line, String url, Optional<String> missing, List<String> pages,
        String basePath) {
    public BrokenLink {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(missing, "missing");
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a broken link is used by at least one page");
        }
        Objects.requireNonNull(basePath, "basePath");
    }

    /** The warning the build gives for it. */
    public Problem problem() {
        String who = pages.size() == 1 ? "the published file " + pages.get(0)
                : pages.size() + " published files (" + pages.get(0) + ", ...)";
        String uses = who + " use" + (pages.size() == 1 ? "s" : "") + " '" + url + "'";
        if (missing.isPresent()) {
            return Problem.warning(file, line, 0, uses + ", but the site has no " + missing.get(),
                    url.contains("/" + AssetUrls.FOLDER + "/")
                            ? "refer to theme assets with asset('name') in templates, which gives their "
                                    + "fingerprinted address"
                            : "fix the address, or add the page or file");
        }
        return Problem.warning(file, line, 0, uses + ", which is outside the site's base path " + basePath,
                "in Markdown, link to site pages from the root (/slug/); in templates, wrap addresses in "
                        + "url('/slug/') or asset('name')");
    }
}
