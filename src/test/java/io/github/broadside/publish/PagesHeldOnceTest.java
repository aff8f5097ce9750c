package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.Pipeline;
import io.github.broadside.SampleProject;
import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.Page;
import io.github.broadside.site.Site;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish stage holds each page once. Every HTML page is published with the site's policy
 * spliced in, a new page; the rendered one must then be garbage even while the caller still has
 * the list it passed (the build's own frame does), or a large site needs twice the memory for its
 * pages: at 10,000 campaigns the live heap was 0.93 GB instead of half that, and a site made by
 * {@code init} went over 1 GiB of RSS.
 */
class PagesHeldOnceTest {
    @TempDir
    Path dir;

    @Test
    void renderedPagesAreNotKeptOnceTheirPublishedFormReplacesThem() throws Exception {
        SampleProject.copyInto(dir);
        Pipeline pipeline = new Pipeline(BuildOptions.builder(dir).output(dir.resolve("site")).build());
        Problems problems = new Problems();
        Site site = pipeline.load(problems);
        Pipeline.Rendering rendering = pipeline.rendering(site.config(), problems).orElseThrow();
        var forms = pipeline.forms(site, problems);
        List<Page> pages = pipeline.renderer(site, rendering, forms).renderAll(1, problems);
        assertThat(problems.hasErrors()).as("%s", problems.sorted()).isFalse();

        Map<String, WeakReference<Page>> rendered = new HashMap<>();
        for (Page page : pages) {
            rendered.put(page.path(), new WeakReference<>(page));
        }
        AssetFingerprinter.Result assets = new AssetFingerprinter(ProjectFiles.trusting(dir))
                .fingerprint(rendering.theme().assetFoldersParentFirst(), problems);
        Publisher.Result published = pipeline.publish(site, rendering, pages, assets, forms, problems);
        // the pages published in a new form (the policy added): their rendered Page objects are garbage now
        List<WeakReference<Page>> replaced = published.files().stream()
                .filter(file -> rendered.containsKey(file.path()) && rendered.get(file.path()).get() != file)
                .map(file -> rendered.get(file.path())).toList();
        assertThat(replaced).as("HTML pages published with the policy spliced in").hasSizeGreaterThan(20);

        long kept = replaced.size();
        for (int attempt = 0; attempt < 20 && kept > 0; attempt++) {
            System.gc();
            Thread.sleep(20);
            kept = replaced.stream().filter(ref -> ref.get() != null).count();
        }
        // `pages` is still in scope here, as it is in the build's frame
        assertThat(pages).isNotNull();
        assertThat(kept).as("rendered pages still reachable after publishing, of %d replaced", replaced.size()).isZero();
    }
}
