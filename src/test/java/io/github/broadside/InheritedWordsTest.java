package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.check.SiteCheck;
import io.github.broadside.site.TranslationReport;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words a translation inherits from its source because it leaves the field out are marked with the
 * source's language on the page (screen readers pronounce them right) and listed as partly
 * untranslated by the translations report, check and the build's summary.
 */
class InheritedWordsTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            ---
            title: Stop the raids
            date: 2024-05-01
            action:
              type: letter
              label: Sign the letter
              cta: Add my name
              targets:
                - name: County Board
                  role: Board of Supervisors
              signatories:
                - name: Jane Doe
                  role: Pastor, First Church
            quote:
              text: Families belong together.
              author: Ana
            donate:
              url: /donate/
              label: Give to the fund
            ---
            Text.
            """;

    private TestProject pair() {
        TestProject project = TestProject.create(dir);
        project.write("content/site.yml", "title: T\nbaseUrl: https://test.example.org/\nforms: {provider: netlify}\n");
        project.write("content/en/raids.md", SOURCE);
        // The Spanish version translates the label and the target's role, and leaves the rest out.
        project.write("content/es/raids.md", """
                ---
                title: Alto a las redadas
                action:
                  label: Firma la carta
                  targets:
                    - role: Junta de Supervisores
                ---
                Texto.
                """);
        return project;
    }

    @Test
    void inheritedWordsCarryTheSourcesLanguageOnThePage() throws IOException {
        TestProject project = pair();
        project.build();
        Document es = Jsoup.parse(project.site().resolve("es/raids/index.html").toFile(), "UTF-8");
        assertThat(es.select("h2:contains(Firma la carta)").attr("lang")).isEmpty();
        Element role = es.selectFirst("span:containsOwn(Pastor, First Church)");
        assertThat(role).isNotNull();
        assertThat(role.attr("lang")).isEqualTo("en");
        assertThat(role.hasAttr("dir")).isFalse(); // both left to right
        assertThat(es.selectFirst("blockquote").attr("lang")).isEqualTo("en");
        assertThat(es.selectFirst("button:containsOwn(Add my name)").attr("lang")).isEqualTo("en");
        assertThat(es.selectFirst("a:containsOwn(Give to the fund)").attr("lang")).isEqualTo("en");
        assertThat(es.selectFirst(".target-role, span:containsOwn(Junta de Supervisores)").attr("lang")).isEmpty();
        // The original marks nothing.
        Document en = Jsoup.parse(project.site().resolve("raids/index.html").toFile(), "UTF-8");
        assertThat(en.select("[lang]").stream().filter(e -> !e.tagName().equals("html")
                && !e.hasAttr("hreflang"))).isEmpty();
    }

    @Test
    void theReportsListThePartlyUntranslatedFileAndFields() throws IOException {
        TestProject project = pair();
        BuildResult built = project.build();
        assertThat(built.partlyUntranslated()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/es/raids.md");
            assertThat(p.fields()).extracting(f -> f.field()).containsExactly("action.cta",
                    "action.targets[0].name", "action.signatories[0].role", "quote.text", "donate.label");
            assertThat(p.fields().get(2).file()).isEqualTo("content/en/raids.md");
            assertThat(p.fields().get(2).line()).isEqualTo(13);
        });
        Site site = new SiteBuilder(project.options()).load(new Problems());
        TranslationReport report = TranslationReport.of(site);
        assertThat(report.table()).anyMatch(l -> l.contains("content/es/raids.md: action.cta (en)")
                && l.contains("action.signatories[0].role (en)"));
        assertThat(report.table().get(report.table().size() - 1)).contains("1 partly untranslated");
        assertThat(report.json()).contains("\"partlyUntranslated\": [")
                .contains("{\"field\": \"action.signatories[0].role\", \"language\": \"en\", "
                        + "\"from\": \"content/en/raids.md:13\"}");
        SiteCheck.Report check = new SiteCheck(project.options()).run();
        assertThat(check.notes()).anyMatch(n -> n.contains("Partly untranslated")
                && n.contains("content/es/raids.md") && n.contains("quote.text"));
    }

    @Test
    void anInheritedSignatoryRoleOnTheArabicPageIsMarkedEnglishLeftToRight() throws Exception {
        SampleProject.copyInto(dir);
        // The sample translates the role; take the translation out so the Arabic page inherits it.
        java.nio.file.Path arabic = dir.resolve("content/ar/stop-unjust-raids.md");
        String text = java.nio.file.Files.readString(arabic);
        String translated = "  signatories:\n    - name: \"Tahirih Justice Center\"\n"
                + "      role: \"أرسل رسالة الاعتراض إلى الوزير جونسون\"\n";
        assertThat(text).contains(translated);
        java.nio.file.Files.writeString(arabic, text.replace(translated, ""));
        BuildResult built = new SiteBuilder(BuildOptions.defaults(dir)).build();
        Document ar = Jsoup.parse(dir.resolve("site/ar/stop-unjust-raids/index.html").toFile(), "UTF-8");
        Element role = ar.selectFirst(".signatories span:containsOwn(sent the letter of opposition)");
        assertThat(role).isNotNull();
        assertThat(role.attr("lang")).isEqualTo("en");
        assertThat(role.attr("dir")).isEqualTo("ltr");
        assertThat(built.partlyUntranslated()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("content/ar/stop-unjust-raids.md");
            assertThat(p.fields()).anyMatch(f -> f.field().equals("action.signatories[0].role"));
        });
    }
}
