package io.github.broadside.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteLinkerTest {
    private final Problems problems = new Problems();
    private final List<Campaign> parsed = new ArrayList<>();

    private SiteLinkerTest add(String language, String file, String frontMatter) {
        Problems own = new Problems();
        new CampaignParser("en").parse("content/" + language + "/" + file, language, file,
                "---\n" + frontMatter + "\n---\nBody\n", own).ifPresent(parsed::add);
        assertThat(own.sorted()).as("problems parsing " + file).isEmpty();
        return this;
    }

    private Site link(SiteConfig config, List<String> languages) {
        return SiteLinker.link(config, languages, parsed, problems);
    }

    private Site link() {
        return link(SiteConfigLoader.defaults(), List.of("en"));
    }

    private static List<String> slugs(List<Campaign> campaigns) {
        return campaigns.stream().map(Campaign::slug).toList();
    }

    @Test
    void homeListsActiveCampaignsFirstThenTheRestNewestFirst() {
        add("en", "old-active.md", "title: B\ndate: 2016-01-07")
                .add("en", "new-active.md", "title: A\ndate: 2019-07-04")
                .add("en", "closed.md", "title: C\ndate: 2020-01-01\nstatus: closed")
                .add("en", "won.md", "title: D\ndate: 2018-01-01\nstatus: won")
                .add("en", "same-day-z.md", "title: Z\ndate: 2017-01-01")
                .add("en", "same-day-a.md", "title: Y\ndate: 2017-01-01")
                .add("en", "privacy.md", "title: Privacy\nkind: page");
        LanguageSite en = link().language("en").orElseThrow();
        assertThat(slugs(en.campaigns()))
                .containsExactly("new-active", "same-day-a", "same-day-z", "old-active", "closed", "won");
        assertThat(slugs(en.activeCampaigns())).containsExactly("new-active", "same-day-a", "same-day-z", "old-active");
        assertThat(slugs(en.pastCampaigns())).containsExactly("closed", "won");
        assertThat(slugs(en.pages())).containsExactly("privacy");
        assertThat(en.homePath()).isEqualTo("/");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void draftsAreLeftOutUnlessAskedFor() {
        add("en", "a.md", "title: A\ndate: 2024-01-01").add("en", "b.md", "title: B\ndate: 2024-01-01\ndraft: true");
        assertThat(slugs(link().language("en").orElseThrow().campaigns())).containsExactly("a");
        Site withDrafts = link(SiteConfigLoader.defaults().withDrafts(true), List.of("en"));
        assertThat(slugs(withDrafts.language("en").orElseThrow().campaigns())).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void duplicateSlugIsAnErrorNamingBothFiles() {
        add("en", "a.md", "title: A\ndate: 2024-01-01\nslug: stop-the-raids")
                .add("en", "b.md", "title: B\ndate: 2024-01-01\nslug: stop-the-raids");
        link();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.location()).isEqualTo("content/en/b.md:1:1");
            assertThat(p.message()).isEqualTo("the slug 'stop-the-raids' is already used by content/en/a.md");
            assertThat(p.hint()).contains("slug:");
        });
    }

    @Test
    void aPageAndACampaignCannotShareASlugEither() {
        add("en", "privacy.md", "title: A\ndate: 2024-01-01").add("en", "sub/privacy.md", "title: P\nkind: page");
        link();
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message()).contains("already used"));
    }

    @Test
    void sameSlugInTwoLanguagesIsFine() {
        add("en", "a.md", "title: A\ndate: 2024-01-01").add("es", "a.md", "title: A\ndate: 2024-01-01");
        Site site = link(SiteConfigLoader.defaults(), List.of("es", "en"));
        assertThat(problems.sorted()).isEmpty();
        assertThat(site.languages()).extracting(LanguageSite::language).containsExactly("en", "es");
        assertThat(site.language("es").orElseThrow().homePath()).isEqualTo("/es/");
        assertThat(site.language("es").orElseThrow().campaigns().get(0).path()).isEqualTo("/es/a/");
        assertThat(site.allPages()).hasSize(2);
    }

    @Test
    void reservedSlugsAndLanguageNamesAreErrors() {
        add("en", "tags.md", "title: A\ndate: 2024-01-01").add("en", "x.md", "title: B\ndate: 2024-01-01\nslug: es")
                .add("en", "assets.md", "title: C\nkind: page");
        link(SiteConfigLoader.defaults(), List.of("en", "es"));
        List<Problem> all = problems.sorted();
        assertThat(all).extracting(Problem::file)
                .containsExactly("content/en/assets.md", "content/en/tags.md", "content/en/x.md");
        assertThat(all).allSatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("is reserved");
        });
    }

    @Test
    void termsGroupSpellingsBySlugAndListTheirCampaigns() {
        add("en", "a.md", "title: A\ndate: 2024-01-02\ntags: [Asylum, detention]\ncategories: [Action Alerts]")
                .add("en", "b.md", "title: B\ndate: 2024-01-01\ntags: [asylum, asylum]")
                .add("en", "p.md", "title: P\nkind: page\ntags: [ignored]");
        LanguageSite en = link().language("en").orElseThrow();
        assertThat(en.tags()).extracting(Term::slug).containsExactly("asylum", "detention");
        Term asylum = en.tags().get(0);
        assertThat(asylum.name()).isEqualTo("Asylum");
        assertThat(asylum.path()).isEqualTo("/tags/asylum/");
        assertThat(slugs(asylum.campaigns())).containsExactly("a", "b");
        assertThat(en.categories()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Action Alerts");
            assertThat(t.path()).isEqualTo("/categories/action-alerts/");
        });
    }

    @Test
    void defaultLanguageComesFirst() {
        add("fr", "a.md", "title: A\ndate: 2024-01-01").add("ar", "a.md", "title: A\ndate: 2024-01-01")
                .add("en", "a.md", "title: A\ndate: 2024-01-01");
        Site site = link(SiteConfigLoader.defaults(), List.of("ar", "en", "fr"));
        assertThat(site.languages()).extracting(LanguageSite::language).containsExactly("en", "ar", "fr");
        assertThat(site.language("de")).isEmpty();
    }

    private static Campaign parse(String language, String file, String frontMatter, String body) {
        Problems own = new Problems();
        return new CampaignParser("en").parse("content/" + language + "/" + file, language, file,
                "---\n" + frontMatter + "\n---\n" + body + "\n", own).orElseThrow(() -> new AssertionError(own.sorted()));
    }

    /** What a site shows, compared field by field: records compare their lists of campaigns deeply. */
    private static void assertSameSite(Site patched, Site linked) {
        assertThat(patched.languages()).isEqualTo(linked.languages());
        assertThat(patched.allPages()).isEqualTo(linked.allPages());
        assertThat(patched.translations().all()).isEqualTo(linked.translations().all());
        assertThat(patched.translations().stale()).isEqualTo(linked.translations().stale());
        for (Campaign page : linked.allPages()) {
            assertThat(patched.alternatesOf(page.path(), page.language()))
                    .isEqualTo(linked.alternatesOf(page.path(), page.language()));
            assertThat(patched.translations().published(page.contentPath()))
                    .containsSame(patched.allPages().stream().filter(c -> c.file().equals(page.file())).findFirst()
                            .orElseThrow());
        }
    }

    @Test
    void replacingPagesThatLinkAlikeGivesTheSiteLinkingGives() {
        Campaign a = parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [Asylum]", "Body A");
        Campaign b = parse("en", "b.md", "title: B\ndate: 2019-01-01\ntags: [asylum, raids]", "Body B");
        Campaign c = parse("en", "c.md", "title: C\ndate: 2018-01-01\ntags: [raids]", "Body C");
        SiteConfig config = SiteConfigLoader.defaults();
        List<String> languages = List.of("en");
        Site before = SiteLinker.link(config, languages, List.of(a, b, c), new Problems());
        // a's body changes and it moves below b, whose spelling then names the tag; c is renamed in
        // place and leaves the tag "raids" (b stays in it) for a new one.
        Campaign a2 = parse("en", "a.md", "title: A\ndate: 2018-06-01\ntags: [Asylum]", "Body A, edited");
        Campaign c2 = parse("en", "c.md", "title: C, renamed\ndate: 2018-01-01\ntags: [new]", "Body C");
        assertThat(SiteLinker.linksAlike(a, a2)).isTrue();
        assertThat(SiteLinker.sameListPlace(a, a2)).isFalse();
        assertThat(SiteLinker.linksAlike(c, c2)).isTrue();
        Map<Campaign, Campaign> replacements = new IdentityHashMap<>();
        replacements.put(a, a2);
        replacements.put(c, c2);
        List<Campaign> now = List.of(a2, b, c2);
        Site patched = SiteLinker.replace(before, replacements, List.of(a2, c2),
                path -> now.stream().filter(p -> p.contentPath().equals(path)).findFirst()).orElseThrow();
        Site linked = SiteLinker.link(config, languages, now, new Problems());
        assertSameSite(patched, linked);
        assertThat(linked.language("en").orElseThrow().tags().get(0).name()).isEqualTo("asylum");
        assertThat(patched.language("en").orElseThrow().tags().get(0).name()).isEqualTo("asylum");
    }

    @Test
    void aLanguageThatLosesItsLastTagIsLinkedAgainNotPatched() {
        Campaign a = parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [x]", "Body");
        Campaign a2 = parse("en", "a.md", "title: A\ndate: 2020-01-01", "Body");
        Site before = SiteLinker.link(SiteConfigLoader.defaults(), List.of("en"), List.of(a), new Problems());
        Map<Campaign, Campaign> replacements = new IdentityHashMap<>();
        replacements.put(a, a2);
        assertThat(SiteLinker.replace(before, replacements, List.of(a2), path -> Optional.of(a2))).isEmpty();
    }

    @Test
    void pagesLinkAlikeUnlessWhatLinkingReadsChanged() {
        Campaign a = parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [x]", "Body");
        assertThat(SiteLinker.linksAlike(a, parse("en", "a.md", "title: B\ndate: 2021-01-01\ntags: [x]\n"
                + "summary: S", "Other body"))).isTrue();
        assertThat(SiteLinker.linksAlike(a, parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [y]", "Body")))
                .isTrue();
        assertThat(SiteLinker.linksAlike(a, parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [x]\n"
                + "slug: other", "Body"))).isFalse();
        assertThat(SiteLinker.linksAlike(a, parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [x]\n"
                + "aliases: [/old/]", "Body"))).isFalse();
        assertThat(SiteLinker.sameListPlace(a, parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [x]\n"
                + "summary: S", "Other body"))).isTrue();
        assertThat(SiteLinker.sameListPlace(a, parse("en", "a.md", "title: A\ndate: 2020-01-01\ntags: [x]\n"
                + "status: won", "Body"))).isFalse();
    }
}
