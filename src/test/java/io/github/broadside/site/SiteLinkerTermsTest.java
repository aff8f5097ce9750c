package io.github.broadside.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.content.Campaign;
import io.github.broadside.content.CampaignParser;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLinkerTermsTest {
    @TempDir
    Path dir;

    @Test
    void aCampaignIsListedOncePerTermEvenWhenItNamesTheTermTwice() throws Exception {
        Files.writeString(dir.resolve("site.yml"), "title: T\nbaseUrl: https://example.org/\ndefaultLanguage: en\n");
        Problems problems = new Problems();
        var config = SiteConfigLoader.load(dir.resolve("site.yml"), "site.yml", problems);
        CampaignParser parser = new CampaignParser("en");
        List<Campaign> campaigns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String tags = i == 0 ? "[Asylum, asylum, Families]" : "[asylum]";
            parser.parse("c" + i + ".md", "en", "c" + i + ".md",
                    "---\ntitle: C" + i + "\ndate: 2024-01-0" + (i + 1) + "\ntags: " + tags + "\n---\nBody\n", problems)
                    .ifPresent(campaigns::add);
        }
        Site site = SiteLinker.link(config, List.of("en"), campaigns, problems);
        assertThat(problems.hasErrors()).isFalse();
        Term asylum = site.languages().get(0).tags().stream().filter(t -> t.slug().equals("asylum")).findFirst()
                .orElseThrow();
        assertThat(asylum.campaigns()).extracting(Campaign::title).containsExactlyInAnyOrder("C0", "C1", "C2");
    }
}
