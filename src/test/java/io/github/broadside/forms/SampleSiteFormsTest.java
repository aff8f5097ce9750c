package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample site's actions, as its five campaigns use them, built from the repository's content/. */
class SampleSiteFormsTest {
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() {
        site = SampleSite.build(tmp.resolve("site"));
    }

    private static Document page(String path) {
        return SampleSite.page(site, path);
    }

    private static List<String> fields(Element form) {
        return form.select("[data-bs-field]").eachAttr("data-bs-field");
    }

    @Test
    void callPetitionAndLetterEachGetTheirOwnFormOnOnePage() {
        Document page = page("protect-immigrants-asylum-seekers/index.html");
        assertThat(page.select("section.action").eachAttr("class"))
                .containsExactly("action action-call step", "action action-petition step", "action action-letter step");
        // steps: one open at a time, without JavaScript too (details sharing a name), the first open
        assertThat(page.select("section.action > details.step-body").eachAttr("name")).containsOnly("bs-steps");
        assertThat(page.select("section.action > details.step-body[open]")).hasSize(1);
        assertThat(page.selectFirst("section.action-call > details").hasAttr("open")).isTrue();
        assertThat(fields(page.getElementById("form-1"))).containsExactly("called", "postal_code", "consent");
        assertThat(fields(page.getElementById("form-2"))).containsExactly("given_name", "family_name", "email",
                "postal_code", "country", "phone", "comment", "consent");
        // required fields first, then the optional ones (folded), then consent
        assertThat(fields(page.getElementById("form-3"))).containsExactly("given_name", "family_name", "email",
                "postal_code", "country", "organization", "role", "phone", "comment", "consent");
        assertThat(fields(page.selectFirst("#form-3 details.optional-fields")))
                .containsExactly("organization", "role", "phone", "comment");
        assertThat(page.select("form").eachAttr("action")).containsOnly("/protect-immigrants-asylum-seekers/thanks/");
        assertThat(page.select("input[name=form-name]").eachAttr("value")).containsExactly(
                "protect-immigrants-asylum-seekers-call", "protect-immigrants-asylum-seekers-petition",
                "protect-immigrants-asylum-seekers-letter");
        assertThat(page.select(".action-call a.phone").eachAttr("href")).contains("tel:2024561111");
        assertThat(page.select(".action-call a[href=https://example.org/find-your-representatives]")).hasSize(1);
        assertThat(page.select(".action-letter .signatories li").eachText())
                .contains("Rev. A. Example, Pastor, Example Community Church (sample name)");
        assertThat(page.getElementById("form-2-submit").text()).isEqualTo("Sign the petition");
    }

    @Test
    void aClosedPetitionShowsItsOutcomeTargetsAndNextStepsInsteadOfItsForm() {
        Document page = page("end-family-detention/index.html");
        assertThat(page.select(".to").text()).contains("President Trump").contains("John Kelly");
        assertThat(page.select(".donate a").attr("href")).isEqualTo("https://example.org/nnirr/donate");
        assertThat(page.select("form[data-bs-form]")).as("no form on a closed campaign").isEmpty();
        assertThat(page.select(".outcome").text()).isEqualTo("This campaign is closed.");
        // the banner sits in the page's header, before the text, and offers what to do now
        assertThat(page.selectFirst(".campaign-header .outcome-banner")).isNotNull();
        assertThat(page.select(".next-steps a[data-bs-primary]").attr("href")).isEqualTo("/");
        assertThat(page.select(".next-steps a").eachAttr("href")).contains("#donate-heading", "#share-heading");
    }

    @Test
    void theCounterShowsProgressTowardsTheGoalAccessibly() {
        Element counter = page("fund-family-case-management/index.html").selectFirst(".counter");
        Element progress = counter.selectFirst("progress");
        assertThat(progress.attr("max")).isEqualTo("10000");
        assertThat(progress.attr("value")).isEqualTo("0");
        assertThat(counter.getElementById(progress.attr("aria-labelledby")).text())
                .isEqualTo("0 have signed. Let’s get to 10,000!");
        assertThat(counter.hasAttr("data-bs-count-url")).as("the sample names no countUrl: no request on load").isFalse();
    }

    @Test
    void theLetterWithQuickExitOffersOptInAndKeepsItsUpdates() {
        Document page = page("stop-unjust-raids/index.html");
        Element first = page.body().selectFirst("a[href], button, input, textarea");
        assertThat(first.id()).as("the quick exit comes first in keyboard order").isEqualTo("quick-exit");
        assertThat(first.attr("href")).isEqualTo("https://www.bbc.co.uk/weather");
        assertThat(first.attr("rel")).isEqualTo("noreferrer");
        assertThat(first.hasAttr("data-bs-quick-exit")).isTrue();
        assertThat(page.select(".quick-exit-help a").attr("href")).isEqualTo("/cover-your-tracks/");
        Element optIn = page.selectFirst("[data-bs-field=opt_in]");
        assertThat(optIn.hasAttr("required")).isFalse();
        assertThat(optIn.hasAttr("checked")).as("never ticked for the signer").isFalse();
        assertThat(page.selectFirst("label[for=" + optIn.id() + "]").text()).contains("Tahirih Justice Center");
        assertThat(page.select(".updates .update")).hasSize(1);
        assertThat(page.select(".signatories li").text()).contains("Tahirih Justice Center");
        assertThat(page.getElementById("form-1-submit").text()).isEqualTo("Sign now");
    }

    @Test
    void theStatementAsksForNameOrganisationAndEmail() {
        Element form = page("join-us-protect-immigrants/index.html").getElementById("form-1");
        assertThat(fields(form)).containsExactly("given_name", "family_name", "organization", "email", "consent");
        assertThat(form.select("[required]").eachAttr("data-bs-field"))
                .containsExactly("given_name", "family_name", "organization", "email", "consent");
        assertThat(form.selectFirst("button").text()).isEqualTo("Join us");
    }

    @Test
    void everyCampaignWithAnActionHasAThankYouPageWithShareLinksAndNoIndex() {
        for (String slug : List.of("end-family-detention", "fund-family-case-management", "join-us-protect-immigrants",
                "protect-immigrants-asylum-seekers", "stop-unjust-raids")) {
            Document thanks = page(slug + "/thanks/index.html");
            assertThat(thanks.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
            assertThat(thanks.select(".share-links a")).hasSize(4);
            assertThat(thanks.select("a[href=/" + slug + "/]")).hasSize(1);
        }
        assertThat(page("fund-family-case-management/thanks/index.html").select(".donate a").attr("href"))
                .isEqualTo("https://example.org/raices/donate");
        assertThat(page("stop-unjust-raids/thanks/index.html").select("#quick-exit")).hasSize(1);
        Document x = page("end-family-detention/thanks/index.html");
        assertThat(x.select(".share-links a").first().attr("href"))
                .startsWith("https://twitter.com/intent/tweet?text=")
                .contains("%40NNIRRNetwork")
                .contains("&hashtags=NoBanNoWall%2CUSWelcomes%2CEndfamilydetention");
    }

    @Test
    void theCoverYourTracksPageExistsBecauseACampaignUsesTheQuickExit() {
        Document page = page("cover-your-tracks/index.html");
        assertThat(page.select("h1").text()).isEqualTo("Cover your tracks online");
        assertThat(page.select("#quick-exit")).hasSize(1);
    }

    @Test
    void noPageHasInlineScriptOrStyleOrLoadsAnythingFromAnotherSite() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document doc = TestSite.parse(file);
                String name = site.relativize(file).toString();
                assertThat(doc.select("script:not([src])")).as("inline script in " + name).isEmpty();
                assertThat(doc.select("style, [style]")).as("inline style in " + name).isEmpty();
                assertThat(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                        .filter(a -> a.getKey().startsWith("on"))).as("event handler attributes in " + name).isEmpty();
                assertThat(doc.select("script[src], link[rel=stylesheet], img[src], iframe"))
                        .as("resources loaded on page load in " + name)
                        .allMatch(e -> !e.attr("src").contains("://") && !e.attr("href").contains("://"));
            }
        }
    }

    @Test
    void theHeaviestCampaignPageStaysLight() throws IOException {
        Document home = TestSite.parse(site.resolve("index.html"));
        long css = Files.size(site.resolve(home.selectFirst("link[rel=stylesheet]").attr("href").substring(1)));
        long js = Files.size(site.resolve(home.selectFirst("script[src]").attr("src").substring(1)));
        long heaviest = 0;
        String name = "";
        try (Stream<Path> dirs = Files.list(site)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path index = dir.resolve("index.html");
                if (Files.isRegularFile(index) && TestSite.parse(index).selectFirst("article.campaign") != null
                        && Files.size(index) > heaviest) {
                    heaviest = Files.size(index);
                    name = site.relativize(index).toString();
                }
            }
        }
        long total = heaviest + css + js;
        Path cssFile = site.resolve(home.selectFirst("link[rel=stylesheet]").attr("href").substring(1));
        Path jsFile = site.resolve(home.selectFirst("script[src]").attr("src").substring(1));
        long gzip = gzipSize(site.resolve(name)) + gzipSize(cssFile) + gzipSize(jsFile);
        System.out.printf("page weight: %s %d B HTML + %d B CSS + %d B JS = %d B raw, %d B gzip%n", name, heaviest,
                css, js, total, gzip);
        assertThat(name).isEqualTo("protect-immigrants-asylum-seekers/index.html");
        assertThat(total).as("HTML+CSS+JS of the heaviest campaign page").isLessThan(100 * 1024);
        // what a phone downloads: static hosts send text gzip-compressed (broadside.compress writes the copies)
        assertThat(gzip).as("HTML+CSS+JS of the heaviest campaign page, gzip").isLessThanOrEqualTo(50 * 1024);
    }

    private static long gzipSize(Path file) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(Files.readAllBytes(file));
        }
        return out.size();
    }
}
