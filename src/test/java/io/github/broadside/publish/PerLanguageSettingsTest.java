package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.TestProject;
import io.github.broadside.config.LanguageSettings;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting {@code languages:} can override in site.yml reaches every file of that language:
 * pages (title, description, navigation, footer, switcher name), the Atom feed (title, subtitle,
 * author) and the home share card.
 */
class PerLanguageSettingsTest {
    @TempDir
    Path tmp;

    /** The fields this test covers; a new overridable field must be added here and checked below. */
    static final List<String> COVERED = List.of("tag", "line", "name", "title", "description", "navigation",
            "footerLinks");

    @Test
    void everyOverridableFieldIsCovered() {
        assertThat(Arrays.stream(LanguageSettings.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(COVERED);
    }

    @Test
    void everyFileOfALanguageReadsItsOwnSettings() throws Exception {
        TestProject project = TestProject.create(tmp)
                .write("content/site.yml", """
                        title: Sample campaigns
                        description: Campaigns in English.
                        baseUrl: https://test.example.org/
                        navigation:
                          - label: Campaigns
                            url: /
                        footer:
                          links:
                            - label: About us
                              url: https://example.org/about
                        languages:
                          en: English
                          es:
                            name: Castellano
                            title: Campañas de ejemplo
                            description: Campañas en castellano.
                            navigation:
                              - label: Campañas
                                url: /
                            footer:
                              links:
                                - label: Quiénes somos
                                  url: https://example.org/acerca
                        """)
                .campaign("a.md", "A campaign")
                .write("content/es/a.md", "---\ntitle: \"Una campaña\"\ndate: 2024-05-01\n---\nTexto.\n");
        project.build();
        Path site = project.site();

        String feed = Files.readString(site.resolve("es/feed.xml"));
        assertThat(feed).contains("<title>Campañas de ejemplo</title>", "<subtitle>Campañas en castellano.</subtitle>",
                "<name>Campañas de ejemplo</name>").doesNotContain("Sample campaigns", "Campaigns in English.");
        assertThat(Files.readString(site.resolve("feed.xml"))).contains("<title>Sample campaigns</title>");

        Document home = Jsoup.parse(site.resolve("es/index.html").toFile());
        assertThat(home.title()).isEqualTo("Campañas de ejemplo");
        assertThat(home.select("meta[name=description]").attr("content")).isEqualTo("Campañas en castellano.");
        assertThat(home.select("link[type=application/atom+xml]").attr("title")).isEqualTo("Campañas de ejemplo");
        assertThat(home.text()).contains("Campañas", "Quiénes somos").doesNotContain("About us");
        assertThat(Jsoup.parse(site.resolve("index.html").toFile()).text()).contains("Castellano");

        // The share card of each home page shows its own site title, so the two cards differ.
        assertThat(Files.readAllBytes(site.resolve("es/card.png")))
                .isNotEqualTo(Files.readAllBytes(site.resolve("card.png")));
    }
}
