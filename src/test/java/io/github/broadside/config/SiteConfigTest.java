package io.github.broadside.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteConfigTest {

    private static SiteConfig at(String baseUrl) {
        return new SiteConfig("T", "", URI.create(baseUrl), "en", "", "", List.of(), List.of(), "", false);
    }

    @Test
    void rootSite() {
        SiteConfig config = at("https://campaigns.example.org");
        assertThat(config.baseUrl()).hasToString("https://campaigns.example.org/");
        assertThat(config.basePath()).isEqualTo("/");
        assertThat(config.relativeUrl("/stop-the-raids/")).isEqualTo("/stop-the-raids/");
        assertThat(config.relativeUrl("/")).isEqualTo("/");
        assertThat(config.absoluteUrl("/stop-the-raids/")).isEqualTo("https://campaigns.example.org/stop-the-raids/");
    }

    @Test
    void subPathSiteKeepsItsPathInEveryLink() {
        SiteConfig config = at("https://broadside.github.io/repo");
        assertThat(config.basePath()).isEqualTo("/repo/");
        assertThat(config.relativeUrl("/")).isEqualTo("/repo/");
        assertThat(config.relativeUrl("/stop-the-raids/")).isEqualTo("/repo/stop-the-raids/");
        assertThat(config.relativeUrl("assets/style.css")).isEqualTo("/repo/assets/style.css");
        assertThat(config.relativeUrl("/es/tags/asilo/")).isEqualTo("/repo/es/tags/asilo/");
        assertThat(config.absoluteUrl("/")).isEqualTo("https://broadside.github.io/repo/");
        assertThat(config.absoluteUrl("/stop-the-raids/")).isEqualTo("https://broadside.github.io/repo/stop-the-raids/");
    }

    @Test
    void externalAddressesAndFragmentsAreLeftAlone() {
        SiteConfig config = at("https://broadside.github.io/repo/");
        for (String url : List.of("https://example.org/a", "HTTP://example.org", "mailto:a@example.org",
                "tel:+12024561111", "#main", "//cdn.example.org/x")) {
            assertThat(config.relativeUrl(url)).isEqualTo(url);
            assertThat(config.absoluteUrl(url)).isEqualTo(url);
        }
        // A site path that merely mentions a URL is still a site path.
        assertThat(config.relativeUrl("/go/?to=https://example.org")).isEqualTo("/repo/go/?to=https://example.org");
    }

    @Test
    void overridesReturnChangedCopies() {
        SiteConfig config = at("https://a.example.org/");
        assertThat(config.withBaseUrl(URI.create("https://b.example.org/x")).basePath()).isEqualTo("/x/");
        assertThat(config.withDrafts(true).drafts()).isTrue();
        assertThat(config.drafts()).isFalse();
    }
}
