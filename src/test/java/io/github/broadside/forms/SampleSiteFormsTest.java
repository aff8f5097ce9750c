package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSiteFormsTest {
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() {
        site = SampleSite.build(tmp.resolve("site"));
    }

    @Test
    void dump() throws Exception {
        Document doc = SampleSite.page(site, "protect-immigrants-asylum-seekers/index.html");
        doc.select("form").forEach(f -> System.out.println(f.id() + " " + f.attributes() + "\n  " + f.select("[name]").eachAttr("name")));
        System.out.println(SampleSite.page(site, "end-family-detention/index.html").select(".action-form").outerHtml().substring(0, 1500));
        System.out.println(SampleSite.page(site, "fund-family-case-management/index.html").select(".counter").outerHtml());
        System.out.println(SampleSite.page(site, "fund-family-case-management/thanks/index.html").select("head, main").outerHtml());
        System.out.println(SampleSite.page(site, "cover-your-tracks/index.html").select("main").outerHtml());
        System.out.println(SampleSite.page(site, "join-us-protect-immigrants/index.html").select("form").first().select("[name]").eachAttr("name"));
        assertThat(doc.select("form")).isNotEmpty();
    }
}
