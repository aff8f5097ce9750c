package io.github.broadside.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.util.ArrayList;
import java.util.List;
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
}
