package io.github.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.SampleProject;
import io.github.broadside.Pipeline;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.LanguageSite;
import io.github.broadside.site.Site;
import io.github.broadside.site.Term;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces serve renders after an edit are the very jobs of the full list, and nothing that shows a page is missed. */
class PageRendererJobsTest {
    @TempDir
    Path dir;
    Site site;
    PageRenderer renderer;
    Map<String, PageRenderer.Job> all = new LinkedHashMap<>();

    @BeforeEach
    void load() {
        SampleProject.copyInto(dir);
        Pipeline pipeline = new Pipeline(BuildOptions.defaults(dir));
        Problems problems = new Problems();
        site = pipeline.load(problems);
        Pipeline.Rendering rendering = pipeline.rendering(site.config(), problems).orElseThrow();
        renderer = pipeline.renderer(site, rendering, pipeline.forms(site, problems));
        renderer.jobs().forEach(job -> all.put(job.path(), job));
        assertThat(all).hasSizeGreaterThan(20);
    }

    @Test
    void aPagesOwnJobsAreTheFullListsJobsThatShowIt() {
        for (Campaign page : site.allPages()) {
            Set<String> own = new HashSet<>();
            for (PageRenderer.Job job : renderer.ownJobs(page)) {
                assertThat(job).isEqualTo(all.get(job.path()));
                own.add(job.path());
            }
            all.values().stream().filter(job -> job.campaign().filter(c -> c == page).isPresent())
                    .forEach(job -> assertThat(own).as(page.file()).contains(job.path()));
        }
    }

    @Test
    void aCampaignsListJobsAreTheFullListsJobsThatListIt() {
        for (LanguageSite lang : site.languages()) {
            for (Campaign campaign : site.allPages()) {
                Set<String> lists = new HashSet<>();
                for (PageRenderer.Job job : renderer.listJobs(lang, campaign)) {
                    assertThat(job).isEqualTo(all.get(job.path()));
                    lists.add(job.path());
                }
                for (PageRenderer.Job job : all.values()) {
                    if (job.language().equals(lang.language()) && shows(job, campaign)) {
                        assertThat(lists).as(campaign.file() + " in " + lang.language()).contains(job.path());
                    }
                }
            }
        }
    }

    /** Whether a page without a campaign of its own lists {@code campaign} through its variables. */
    private static boolean shows(PageRenderer.Job job, Campaign campaign) {
        Object campaigns = job.context().get("campaigns");
        Object term = job.context().get("term");
        Object terms = job.context().get("terms");
        return campaigns instanceof List<?> list && list.stream().anyMatch(c -> c == campaign)
                || term instanceof Term t && t.campaigns().stream().anyMatch(c -> c == campaign)
                || terms instanceof List<?> list2 && list2.stream()
                        .anyMatch(t -> ((Term) t).campaigns().stream().anyMatch(c -> c == campaign));
    }

    @Test
    void listPagesRecordWhatTheyReadOfCampaigns() {
        Set<String> reads = ConcurrentHashMap.newKeySet();
        List<PageRenderer.Job> lists = all.values().stream().filter(job -> job.campaign().isEmpty()).toList();
        assertThat(renderer.render(lists, 1, new Problems(), reads)).hasSameSizeAs(lists);
        // The default theme's cards: title, address, status, organization, date and summary; never the body.
        assertThat(reads).contains("title", "path", "status", "date", "summary").doesNotContain("body", "updates");
        Set<String> own = ConcurrentHashMap.newKeySet();
        List<PageRenderer.Job> pages = all.values().stream().filter(job -> job.campaign().isPresent()).toList();
        renderer.render(pages, 1, new Problems(), own);
        assertThat(own).as("a page's own campaign is not recorded").isEmpty();
    }

    @Test
    void campaignsDifferOnlyInWhatWasRead() {
        Campaign a = parse("summary: One", "Body");
        Campaign bodyEdited = parse("summary: One", "Another body");
        Campaign summaryEdited = parse("summary: Two", "Body");
        List<String> reads = List.of("title", "summary", "isoDate", "noSuchAttribute");
        assertThat(CampaignReads.differ(reads, a, bodyEdited)).isFalse();
        assertThat(CampaignReads.differ(reads, a, summaryEdited)).isTrue();
        assertThat(CampaignReads.differ(List.of("body"), a, bodyEdited)).isTrue();
        assertThat(CampaignReads.differ(List.of(CampaignReads.ANY), a, bodyEdited)).isTrue();
        assertThat(CampaignReads.differ(List.of(CampaignReads.ANY), a, parse("summary: One", "Body"))).isFalse();
    }

    private static Campaign parse(String frontMatter, String body) {
        return new CampaignParser("en").parse("content/en/a.md", "en", "a.md",
                "---\ntitle: A\ndate: 2020-01-01\n" + frontMatter + "\n---\n" + body + "\n", new Problems())
                .orElseThrow();
    }
}
