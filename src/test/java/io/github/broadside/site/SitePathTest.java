package io.github.broadside.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SitePathTest {
    @Test
    void aFolderAddressIsServedByItsIndexPage() {
        assertThat(SitePath.file("/")).isEqualTo("index.html");
        assertThat(SitePath.file("/es/slug/")).isEqualTo("es/slug/index.html");
        assertThat(SitePath.file("es/slug/")).isEqualTo("es/slug/index.html");
        assertThat(SitePath.file("")).isEqualTo("index.html");
    }

    @Test
    void anyOtherAddressIsServedByTheFileOfThatName() {
        assertThat(SitePath.file("/old.html")).isEqualTo("old.html");
        assertThat(SitePath.file("/es/feed.xml")).isEqualTo("es/feed.xml");
    }

    @Test
    void aFileIsShownAsTheAddressThatServesIt() {
        assertThat(SitePath.of("index.html")).isEqualTo("/");
        assertThat(SitePath.of("es/slug/index.html")).isEqualTo("/es/slug/");
        assertThat(SitePath.of("feed.xml")).isEqualTo("/feed.xml");
        // Only a whole file name counts: a file that merely ends in the same letters is itself.
        assertThat(SitePath.of("notindex.html")).isEqualTo("/notindex.html");
    }

    @Test
    void theTwoMappingsAreInverse() {
        for (String address : new String[] {"/", "/a/", "/es/b/c/", "/x.html", "/es/feed.xml"}) {
            assertThat(SitePath.of(SitePath.file(address))).isEqualTo(address);
        }
    }
}
