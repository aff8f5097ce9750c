package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the real sample site ({@code content/} with {@code themes/default}) into a temp folder, once,
 * and checks the generated pages with Jsoup against what the five seed texts show.
 */
class SampleSiteTest {
    @TempDir
    static Path output;
    static BuildResult result;
    static Map<String, Document> pages = new TreeMap<>();

    /** The seed campaigns: slug, title and status, in the order the home page must list them. */
    static final List<List<String>> SEEDS = List.of(
            List.of("fund-family-case-management",
                    "Protect Migrant Children and Families: Fund Family Case Management Program", "active"),
            List.of("join-us-protect-immigrants",
                    "Join Us To Protect the Rights and Dignity Of Immigrants and Asylum Seekers", "active"),
            List.of("protect-immigrants-asylum-seekers", "Take Action! Protect Immigrants and Asylum Seekers", "active"),
            List.of("stop-unjust-raids", "Stop Unjust Immigration Raids", "active"),
            List.of("end-family-detention",
                    "Take Action - Sign the petition to END the detention of families and asylum seekers", "closed"));

    @BeforeAll
    static void build() throws Exception {
        result = new SiteBuilder(BuildOptions.builder(TestProject.REPOSITORY).output(output).build()).build();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages.put(output.relativize(file).toString().replace('\\', '/'),
                        Jsoup.parse(file.toFile(), "UTF-8", "https://broadside.example.org/"));
            }
        }
    }

    private static Document page(String slug) {
        Document page = pages.get(slug + "/index.html");
        assertThat(page).as("page " + slug).isNotNull();
        return page;
    }

    @Test
    void buildsWithoutWarnings() throws java.io.IOException {
        assertThat(result.warnings()).isEmpty();
        assertThat(result.filesWritten()).isEqualTo(pages.size());
        assertThat(result.pagesPerLanguage()).containsOnlyKeys("en", "es", "ar");
        assertThat(output.resolve(Jsoup.parse(output.resolve("index.html").toFile(), "UTF-8")
                .selectFirst("link[rel=stylesheet]").attr("href").substring(1))).isRegularFile();
    }

    @Test
    void homeListsTheFiveCampaignsActiveBeforeClosed() {
        Document home = pages.get("index.html");
        List<Element> cards = home.select("main article.card");
        assertThat(cards).extracting(card -> card.selectFirst("h3 a").attr("href"))
                .containsExactlyElementsOf(SEEDS.stream().map(s -> "/" + s.get(0) + "/").toList());
        assertThat(cards).extracting(card -> card.selectFirst("h3 a").text())
                .containsExactlyElementsOf(SEEDS.stream().map(s -> s.get(1)).toList());
        assertThat(cards).extracting(card -> card.selectFirst(".badge").className())
                .containsExactlyElementsOf(SEEDS.stream().map(s -> "badge badge-" + s.get(2)).toList());
        assertThat(home.select("section[aria-labelledby=active-heading] article.card")).hasSize(4);
        assertThat(home.select("section[aria-labelledby=past-heading] article.card")).hasSize(1);
        assertThat(home.select("main a[href=/privacy/]")).as("plain pages are not listed").isEmpty();
    }

    @Test
    void eachCampaignPageHasItsTitleStatusAndSummary() {
        for (List<String> seed : SEEDS) {
            Document page = page(seed.get(0));
            assertThat(page.select("h1")).hasSize(1);
            assertThat(page.selectFirst("h1").text()).isEqualTo(seed.get(1));
            assertThat(page.title()).isEqualTo(seed.get(1) + " · Broadside sample campaigns");
            Element badge = page.selectFirst(".campaign-header .badge");
            assertThat(badge.className()).isEqualTo("badge badge-" + seed.get(2));
            assertThat(badge.text()).isEqualToIgnoringCase(seed.get(2));
            assertThat(page.selectFirst("meta[name=description]").attr("content")).isNotBlank();
            assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
                    .isEqualTo("https://broadside.example.org/" + seed.get(0) + "/");
            assertThat(page.select("main .campaign-body p").size()).as("body paragraphs").isGreaterThan(2);
            // an open campaign offers its actions; a closed or won one its outcome and next steps instead
            assertThat(page.select(".campaign-actions .action, .campaign-header .outcome-banner .next-steps"))
                    .as("every seed has an action or its next steps").isNotEmpty();
        }
    }

    @Test
    void closedCampaignSaysSo() {
        assertThat(page("end-family-detention").select(".outcome-closed").text()).isEqualTo("This campaign is closed.");
        assertThat(page("stop-unjust-raids").select(".outcome")).isEmpty();
    }

    @Test
    void targetsAreNamedOnTheToLine() {
        assertThat(page("end-family-detention").selectFirst("p.to").text()).isEqualTo(
                "To: President Trump (President of the United States); John Kelly (Secretary, Department of Homeland Security)");
        assertThat(page("stop-unjust-raids").selectFirst("p.to").text())
                .isEqualTo("To: Jeh Johnson (Secretary, Department of Homeland Security)");
        assertThat(page("fund-family-case-management").selectFirst("p.to").text())
                .startsWith("To: The Trump Administration; U.S. Senate; ")
                .endsWith("U.S. Immigration and Customs Enforcement");
        assertThat(page("join-us-protect-immigrants").select("p.to")).isEmpty();
    }

    @Test
    void callTargetsHaveTelephoneLinks() {
        Document page = page("protect-immigrants-asylum-seekers");
        List<Element> phones = page.select(".action-call .targets a.phone");
        assertThat(phones).extracting(a -> a.attr("href"))
                .containsExactly("tel:2024561111", "tel:2022243121", "tel:2022243121");
        assertThat(phones).extracting(Element::text).containsExactly("202-456-1111", "202-224-3121", "202-224-3121");
        assertThat(page.select(".action-call .targets .target-name").eachText())
                .containsExactly("The White House", "Your Senators", "Your Representative");
        assertThat(page.select(".action-call .script").text()).contains("limit local law enforcement");
        assertThat(page.select(".campaign-actions .action")).extracting(e -> e.className())
                .containsExactly("action action-call step", "action action-petition step", "action action-letter step");
        assertThat(page.select(".action-letter h2").text()).isEqualTo("For faith leaders");
        assertThat(page.select(".hashtags span").eachText()).containsExactly("@realDonaldTrump", "@POTUS");
    }

    @Test
    void quotesAreAttributed() {
        Element quote = page("end-family-detention").selectFirst("figure.quote");
        assertThat(quote.select("blockquote").text()).startsWith("We have a long road ahead of us");
        assertThat(quote.select("figcaption").text()).startsWith("Catherine Tactaquin, Executive Director, NNIRR");
        assertThat(page("fund-family-case-management").select("figure.quote figcaption").text())
                .isEqualTo("Declaration of Independence US 1776");
    }

    @Test
    void updatesAreDated() {
        Element update = page("stop-unjust-raids").selectFirst("section.updates article.update");
        assertThat(update.selectFirst("time").attr("datetime")).isEqualTo("2016-01-21");
        assertThat(update.selectFirst("time").text()).isEqualTo("January 21, 2016");
        assertThat(update.select("strong").text()).isEqualTo("THANK YOU!");
        assertThat(update.text()).contains("nearly 400 signatures");
    }

    @Test
    void theArabicLetterShowsNoEnglishSignatoryRoleInheritedFromTheEnglishPage() {
        assertThat(page("ar/stop-unjust-raids").select(".signatories li").text())
                .doesNotContain("sent the letter").contains("أرسل رسالة الاعتراض");
    }

    @Test
    void countersAndGoals() {
        // the header's progress meter, for the first screen, and the action's own
        assertThat(page("fund-family-case-management").select(".campaign-header .counter p").text())
                .isEqualTo("0 have signed. Let’s get to 10,000!");
        assertThat(page("fund-family-case-management").select(".action .counter p").text())
                .isEqualTo("0 have signed. Let’s get to 10,000!");
        assertThat(page("fund-family-case-management").selectFirst(".counter progress").attr("max")).isEqualTo("10000");
        assertThat(page("stop-unjust-raids").select(".action .counter p").text()).isEqualTo("400 people have signed.");
    }

    @Test
    void donateLinksMoreInfoAndHashtags() {
        Document page = page("end-family-detention");
        Element donate = page.selectFirst("section.donate a.button");
        assertThat(donate.attr("href")).isEqualTo("https://example.org/nnirr/donate");
        assertThat(donate.text()).isEqualTo("Make a donation");
        assertThat(page.select("section.donate p").first().text())
                .isEqualTo("Support National Network for Immigrant and Refugee Rights.");
        assertThat(page.select("section.more-info a").attr("href"))
                .isEqualTo("https://example.org/news-deeply/haitian-refugees");
        assertThat(page.select(".hashtags span").eachText())
                .containsExactly("#NoBanNoWall", "#USWelcomes", "#Endfamilydetention", "@NNIRRNetwork");
        assertThat(page("fund-family-case-management").selectFirst("section.donate a").attr("href"))
                .isEqualTo("https://example.org/raices/donate");
    }

    @Test
    void quickExitOnlyWhereAsked() {
        assertThat(page("stop-unjust-raids").select("a.quick-exit")).hasSize(1);
        assertThat(page("stop-unjust-raids").selectFirst("body a[href]").hasClass("quick-exit"))
                .as("the quick exit is the first thing keyboard users reach").isTrue();
        for (String slug : List.of("end-family-detention", "fund-family-case-management", "join-us-protect-immigrants",
                "protect-immigrants-asylum-seekers")) {
            assertThat(page(slug).select("a.quick-exit")).as(slug).isEmpty();
        }
    }

    @Test
    void categoriesAndTagsHaveTheirPages() {
        Document page = page("end-family-detention");
        List<Element> categories = page.select("footer.terms a[href^=/categories/]");
        assertThat(categories).extracting(Element::text).containsExactly("Petitions", "Detention");
        assertThat(page.select("footer.terms a[href^=/tags/]").eachText()).containsExactly("detention", "asylum", "families");
        Document petitions = pages.get("categories/petitions/index.html");
        assertThat(petitions.selectFirst("h1").text()).isEqualTo("Petitions");
        assertThat(petitions.select("article.card h2 a").eachAttr("href"))
                .containsExactly("/fund-family-case-management/", "/end-family-detention/");
        assertThat(pages.get("categories/index.html").select("ul.term-list a").eachText())
                .containsExactly("Action Alerts", "Detention", "Letters", "Petitions", "Statements");
        assertThat(pages.get("tags/index.html").select("ul.term-list li").eachText())
                .contains("asylum (5)", "policing (1)");
    }

    @Test
    void privacyPageAndFooterLink() {
        Document privacy = page("privacy");
        assertThat(privacy.selectFirst("h1").text()).isEqualTo("Privacy");
        assertThat(privacy.select(".badge")).isEmpty();
        assertThat(pages.get("index.html").select("footer a[href=/privacy/]").text()).isEqualTo("Privacy");
    }

    @Test
    void pagesHaveLandmarksAndASkipLink() {
        pages.forEach((path, page) -> {
            String language = path.startsWith("es/") ? "es" : path.startsWith("ar/") ? "ar" : "en";
            assertThat(page.select("html[lang=" + language + "]")).as(path).hasSize(1);
            assertThat(page.select("header, main#main, footer")).as(path).hasSizeGreaterThanOrEqualTo(3);
            assertThat(page.select("a.skip-link[href=#main]")).as(path).hasSize(1);
            assertThat(page.select("h1")).as(path).hasSize(1);
        });
    }

    @Test
    void noInlineScriptStyleOrThirdPartyRequestOnLoad() {
        pages.forEach((path, page) -> {
            assertThat(page.select("script:not([src]), style, [style], iframe")).as(path).isEmpty();
            for (Element loaded : page.select("link[rel=stylesheet], img, script[src], source")) {
                assertThat(loaded.attr("href") + loaded.attr("src")).as(path).startsWith("/");
            }
        });
    }

    @Test
    void everyInternalLinkResolvesToAGeneratedFile() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Document> entry : pages.entrySet()) {
            for (Element element : entry.getValue().select("a[href], link[href], img[src], script[src], form[action]")) {
                String url = element.hasAttr("href") ? element.attr("href")
                        : element.hasAttr("src") ? element.attr("src") : element.attr("action");
                if (url.startsWith("https://broadside.example.org/")) {
                    url = url.substring("https://broadside.example.org".length());
                }
                if (element.normalName().equals("form") && url.startsWith("/_broadside/")) {
                    continue; // the local provider's sink, answered by broadside:serve, not a file
                }
                if (url.startsWith("#")) {
                    if (entry.getValue().getElementById(url.substring(1)) == null) {
                        broken.add(entry.getKey() + " -> " + url);
                    }
                    checked++;
                } else if (url.startsWith("/") && !url.startsWith("//")) {
                    if (resolve(url) == null) {
                        broken.add(entry.getKey() + " -> " + url);
                    }
                    checked++;
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(checked).as("internal links checked").isGreaterThan(100);
    }

    /** The generated file a site path points at, or null; a fragment must name an element of it. */
    static Path resolve(String url) {
        String path = url.replaceAll("[?#].*$", "");
        String fragment = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
        Path file = output.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (!fragment.isEmpty()) {
            try {
                if (Jsoup.parse(Files.readString(file)).getElementById(fragment) == null) {
                    return null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
