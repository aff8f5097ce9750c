package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Every page of the sample site has a {@code <meta name="description">} with text, the snippet search
 * engines show under its title (Lighthouse's SEO audit "meta-description"): campaign pages their
 * summary, the tag and category lists what they hold, the help and not-found pages their first line.
 * Redirect pages (a meta refresh) are left out: nothing is shown of them.
 */
class MetaDescriptionTest {
    @Test
    void everyPageHasADescription() throws IOException {
        SampleSite site = SampleSite.get();
        List<String> without = new ArrayList<>();
        int checked = 0;
        for (String file : site.htmlPages()) {
            Document page = Jsoup.parse(Files.readString(site.root().resolve(file), StandardCharsets.UTF_8));
            if (page.selectFirst("meta[http-equiv=refresh]") != null) {
                continue;
            }
            checked++;
            if (page.select("head meta[name=description]").attr("content").isBlank()) {
                without.add(file);
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(without).as("pages without a meta description").isEmpty();
    }
}
