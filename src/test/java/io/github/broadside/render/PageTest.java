package io.github.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.broadside.BuildOptions;
import io.github.broadside.Pipeline;
import io.github.broadside.SampleProject;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page keeps its bytes exactly, deflated in memory or not, and a compacted page of HTML is small. */
class PageTest {
    @Test
    void aCompactedPageGivesBackItsBytesExactly() {
        Random random = new Random(16);
        for (int size : new int[] {0, 1, Page.COMPACT_FROM - 1, Page.COMPACT_FROM, 8191, 8192, 8193, 300_000}) {
            byte[] noise = new byte[size];
            random.nextBytes(noise); // incompressible: the deflated form is a little larger, still exact
            byte[] text = "<p>Sign the petition – ¡Firma ya! وقّع الآن</p>\n".repeat(size / 40 + 1)
                    .substring(0, size).getBytes(StandardCharsets.UTF_8);
            for (byte[] bytes : new byte[][] {noise, text}) {
                Page page = Page.compact("a/index.html", bytes);
                assertThat(page.bytes()).as("%d bytes", size).isEqualTo(bytes);
                assertThat(page.bytes()).as("asked again").isEqualTo(bytes);
                assertThat(page.size()).isEqualTo(bytes.length);
                assertThat(page.compacted()).isEqualTo(bytes.length >= Page.COMPACT_FROM);
                assertThat(page).isEqualTo(new Page("a/index.html", bytes.clone()));
            }
        }
    }

    @Test
    void theSampleSitesRenderedPagesTakeAFractionOfTheirSizeInMemory(@TempDir Path dir) {
        SampleProject.copyInto(dir);
        Pipeline pipeline = new Pipeline(BuildOptions.defaults(dir));
        Problems problems = new Problems();
        Site site = pipeline.load(problems);
        Pipeline.Rendering rendering = pipeline.rendering(site.config(), problems).orElseThrow();
        List<Page> pages = pipeline.renderer(site, rendering, pipeline.forms(site, problems)).renderAll(1, problems);
        long size = pages.stream().mapToLong(Page::size).sum();
        long stored = pages.stream().mapToLong(Page::storedSize).sum();
        assertThat(pages).allMatch(Page::compacted, "every rendered page (all over 1 KB) compacted");
        System.out.printf("[measure] %d rendered pages: %,d bytes, %,d held%n", pages.size(), size, stored);
        assertThat(stored).as("bytes held for %d bytes of %d pages", size, pages.size()).isLessThan(size * 2 / 5);
    }

    @Test
    void anInsertIsPlacedWhereItWasAskedForWhenThePageIsRead() {
        byte[] head = "<!doctype html><html><head><meta charset=\"utf-8\">".getBytes(StandardCharsets.UTF_8);
        byte[] rest = "<title>Sign</title></head><body>¡Firma! ".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[head.length + rest.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(rest, 0, whole, head.length, rest.length);
        byte[] meta = "\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">"
                .getBytes(StandardCharsets.UTF_8);
        String expected = new String(head, StandardCharsets.UTF_8) + new String(meta, StandardCharsets.UTF_8)
                + new String(rest, StandardCharsets.UTF_8);
        for (Page page : List.of(new Page("a.html", whole), Page.compact("a.html", whole))) {
            Page inserted = page.withInsert(head.length, meta);
            assertThat(new String(inserted.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(inserted.size()).isEqualTo(whole.length + meta.length);
            assertThat(page.bytes()).as("the page it was made from is unchanged").isEqualTo(whole);
            assertThat(new String(page.withInsert(0, meta).bytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(meta, StandardCharsets.UTF_8) + new String(whole, StandardCharsets.UTF_8));
            assertThat(page.withInsert(whole.length, meta).bytes()).endsWith(meta);
            assertThatThrownBy(() -> inserted.withInsert(0, meta)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> page.withInsert(whole.length + 1, meta)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void pathsStayInsideTheSite() {
        for (String path : new String[] {"/index.html", "../x.html", "a\\b.html", ""}) {
            assertThatThrownBy(() -> Page.compact(path, new byte[2000])).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Page(path, new byte[1])).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
