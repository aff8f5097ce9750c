package io.github.broadside.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration keys the forms work added: site.yml forms:/quickExit:, action form:/optIn:/signatories:. */
class FormsConfigTest {
    @TempDir
    Path tmp;

    private SiteConfig site(String yaml, Problems problems) throws IOException {
        Path file = tmp.resolve("site.yml");
        Files.writeString(file, yaml);
        return SiteConfigLoader.load(file, "content/site.yml", problems);
    }

    @Test
    void formsKeepsTheProviderAndEachOptionWithItsLine() throws IOException {
        Problems problems = new Problems();
        SiteConfig config = site("title: T\nforms:\n  provider: webhook\n  url: https://h.example/x\n"
                + "  fields:\n    email: mail\n  tags: [a, b]\n", problems);
        assertThat(problems.sorted()).isEmpty();
        FormSettings forms = config.forms().orElseThrow();
        assertThat(forms.provider()).hasValue("webhook");
        assertThat(forms.line()).isEqualTo(3);
        assertThat(forms.option("url").orElseThrow().value()).isEqualTo(new FormOption.Text("https://h.example/x"));
        assertThat(forms.option("url").orElseThrow().line()).isEqualTo(4);
        assertThat(forms.option("fields").orElseThrow().value())
                .isEqualTo(new FormOption.TextMap(java.util.Map.of("email", "mail")));
        assertThat(forms.option("tags").orElseThrow().value())
                .isEqualTo(new FormOption.TextList(java.util.List.of("a", "b")));
    }

    @Test
    void quickExitDefaultsToOffWithANeutralWeatherPage() throws IOException {
        Problems problems = new Problems();
        assertThat(site("title: T\n", problems).quickExit()).isEqualTo(new QuickExit(false, QuickExit.DEFAULT_URL));
        assertThat(site("title: T\nquickExit: true\n", problems).quickExit().enabled()).isTrue();
        QuickExit own = site("title: T\nquickExit:\n  enabled: true\n  url: https://www.example.com/news\n", problems)
                .quickExit();
        assertThat(own).isEqualTo(new QuickExit(true, "https://www.example.com/news"));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void aQuickExitThatIsNotHttpsIsAnError() throws IOException {
        Problems problems = new Problems();
        QuickExit q = site("title: T\nquickExit:\n  url: http://weather.example/\n", problems).quickExit();
        assertThat(q.url()).isEqualTo(QuickExit.DEFAULT_URL);
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void anActionOverrideMergesOptionsOrReplacesTheProvider() {
        FormSettings site = new FormSettings(Optional.of("formspree"),
                java.util.List.of(opt("formId", "aaaa1111"), opt("subject", "Hi")), "content/site.yml", 3, 3);
        FormSettings sameProvider = site.overriddenBy(new FormSettings(Optional.empty(),
                java.util.List.of(opt("formId", "bbbb2222")), "content/en/x.md", 9, 5));
        assertThat(sameProvider.provider()).hasValue("formspree");
        assertThat(sameProvider.option("formId").orElseThrow().value()).isEqualTo(new FormOption.Text("bbbb2222"));
        assertThat(sameProvider.option("subject")).isPresent();
        FormSettings other = site.overriddenBy(new FormSettings(Optional.of("netlify"), java.util.List.of(),
                "content/en/x.md", 9, 5));
        assertThat(other.provider()).hasValue("netlify");
        assertThat(other.options()).isEmpty();
        assertThat(other.file()).isEqualTo("content/en/x.md");
    }

    private static FormOption opt(String key, String value) {
        return new FormOption(key, new FormOption.Text(value), "content/site.yml", 4, 3);
    }

    @Test
    void anActionReadsFormOptInAndSignatories() {
        Problems problems = new Problems();
        Optional<Campaign> campaign = new CampaignParser("en").parse("content/en/x.md", "en", "x.md", """
                ---
                title: X
                date: 2024-01-01
                action:
                  type: letter
                  optIn: true
                  form:
                    provider: netlify
                  signatories:
                    - name: "Jane Doe"
                      role: Pastor
                      organization: First Church
                      city: Chicago
                ---
                """, problems);
        var action = campaign.orElseThrow().actions().get(0);
        assertThat(action.optIn()).isTrue();
        assertThat(action.form().orElseThrow().provider()).hasValue("netlify");
        assertThat(action.signatories()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Jane Doe");
            assertThat(s.organization()).isEqualTo("First Church");
        });
        assertThat(problems.sorted()).singleElement().extracting(Problem::message)
                .isEqualTo("unknown key 'city' in signatory is ignored");
    }
}
