package io.github.broadside.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.BuildResult;
import io.github.broadside.SiteBuilder;
import io.github.broadside.problem.Problem;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own sample site, built once, read with Jsoup: every page's language and direction,
 * reciprocal hreflang sets, the language switcher, the es and ar pages and what they inherit.
 */
class LocalizedSampleSiteTest {
    private static final String BASE = "https://broadside.example.org";

    @TempDir
    static Path temp;
    static Path site;
    static BuildResult result;
    static final Map<String, Document> pages = new TreeMap<>();

    @BeforeAll
    static void build() throws Exception {
        site = temp.resolve("site");
        result = new SiteBuilder(BuildOptions.builder(SampleCopy.projectDir()).output(site).build()).build();
        for (String file : SampleCopy.htmlFiles(site)) {
            if (!file.endsWith("index.html")) {
                continue; // 404.html: no page path, no translations
            }
            String path = "/" + file.substring(0, file.length() - "index.html".length());
            pages.put(path, SampleCopy.parse(site, path));
        }
    }

    private static String languageOfPath(String path) {
        return path.startsWith("/es/") ? "es" : path.startsWith("/ar/") ? "ar" : "en";
    }

    /** The site path of an absolute URL on the base URL, or of a site-relative link. */
    private static String pathOf(String href) {
        String path = href.startsWith(BASE) ? href.substring(BASE.length()) : href;
        return URI.create(path.replace(" ", "%20")).getPath();
    }

    private static boolean exists(String sitePath) {
        return Files.isRegularFile(site.resolve(sitePath.substring(1)).resolve("index.html"));
    }

    @Test
    void theSampleHasEnglishSpanishAndArabicPages() {
        assertThat(result.pagesPerLanguage()).containsOnlyKeys("en", "es", "ar");
        assertThat(pages).containsKeys("/", "/es/", "/ar/", "/es/alto-a-las-redadas-injustas/",
                "/es/financiar-gestion-de-casos-familiares/", "/ar/stop-unjust-raids/",
                "/ar/fund-family-case-management/", "/es/privacidad/", "/ar/privacy/");
    }

    @Test
    void theSampleBuildsWithoutLocalizationWarnings() {
        // Every translation records the current version of its source, and es and ar have every UI string.
        assertThat(result.warnings()).extracting(Problem::format)
                .noneMatch(w -> w.contains("older version"))
                .noneMatch(w -> w.contains("UI string"));
    }

    @Test
    void everyPageHasItsLanguageAndDirection() {
        assertThat(pages).hasSizeGreaterThan(40);
        pages.forEach((path, page) -> {
            Element html = page.selectFirst("html");
            String language = languageOfPath(path);
            assertThat(html.attr("lang")).as(path).isEqualTo(language);
            assertThat(html.attr("dir")).as(path).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
        });
    }

    @Test
    void hreflangSetsAreAbsoluteCompleteAndReciprocal() {
        pages.forEach((path, page) -> {
            Map<String, String> set = alternates(page);
            assertThat(set).as(path + " lists itself").containsEntry(languageOfPath(path), BASE + path);
            String xDefault = xDefault(page);
            assertThat(xDefault).as(path + " has one x-default").startsWith(BASE + "/");
            for (Map.Entry<String, String> alternate : set.entrySet()) {
                assertThat(alternate.getValue()).as(path).startsWith(BASE + "/");
                String target = pathOf(alternate.getValue());
                assertThat(pages).as(path + " -> " + target).containsKey(target);
                Document other = pages.get(target);
                assertThat(alternates(other)).as(target + " lists the same set as " + path).isEqualTo(set);
                assertThat(xDefault(other)).as(target + " x-default").isEqualTo(xDefault);
                assertThat(other.selectFirst("html").attr("lang")).isEqualTo(alternate.getKey());
            }
        });
        assertThat(alternates(pages.get("/stop-unjust-raids/"))).containsOnly(
                Map.entry("en", BASE + "/stop-unjust-raids/"),
                Map.entry("es", BASE + "/es/alto-a-las-redadas-injustas/"),
                Map.entry("ar", BASE + "/ar/stop-unjust-raids/"));
        assertThat(xDefault(pages.get("/es/alto-a-las-redadas-injustas/"))).isEqualTo(BASE + "/stop-unjust-raids/");
        assertThat(alternates(pages.get("/es/")).values()).containsExactly(BASE + "/", BASE + "/es/", BASE + "/ar/");
    }

    private static Map<String, String> alternates(Document page) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element link : page.select("head link[rel=alternate][hreflang]")) {
            if (!link.attr("hreflang").equals("x-default")) {
                assertThat(out.put(link.attr("hreflang"), link.attr("href"))).as("one link per language").isNull();
            }
        }
        return out;
    }

    private static String xDefault(Document page) {
        List<Element> links = page.select("head link[rel=alternate][hreflang=x-default]");
        assertThat(links).hasSize(1);
        return links.get(0).attr("href");
    }

    @Test
    void languageSwitcherLinksOnlyToPagesThatExist() {
        int switchers = 0;
        for (Map.Entry<String, Document> entry : pages.entrySet()) {
            Element nav = entry.getValue().selectFirst("nav.language-switcher");
            if (alternates(entry.getValue()).size() > 1) {
                assertThat(nav).as(entry.getKey() + " has translations, so a switcher").isNotNull();
            }
            if (nav == null) {
                continue;
            }
            switchers++;
            assertThat(nav.attr("aria-label")).isNotBlank();
            for (Element link : nav.select("a")) {
                assertThat(exists(pathOf(link.attr("href")))).as(entry.getKey() + " -> " + link.attr("href")).isTrue();
                assertThat(link.attr("lang")).isEqualTo(link.attr("hreflang"));
            }
            assertThat(nav.select("a[aria-current=page]")).as(entry.getKey()).hasSize(1);
            assertThat(pathOf(nav.selectFirst("a[aria-current=page]").attr("href"))).isEqualTo(entry.getKey());
        }
        assertThat(switchers).isGreaterThanOrEqualTo(12);
        Element arabic = pages.get("/stop-unjust-raids/").selectFirst("nav.language-switcher a[lang=ar]");
        assertThat(arabic.text()).isEqualTo("العربية");
        assertThat(arabic.attr("dir")).isEqualTo("rtl");
        // An English page nobody translated has no switcher: it would only name its own language.
        assertThat(pages.get("/join-us-protect-immigrants/").selectFirst("nav.language-switcher")).isNull();
    }

    @Test
    void spanishPagesFormatNumbersAndDatesTheSpanishWay() {
        Document page = pages.get("/es/financiar-gestion-de-casos-familiares/");
        assertThat(page.selectFirst(".counter p").text()).isEqualTo("Todavía no ha firmado nadie. ¡Lleguemos a 10.000!");
        assertThat(page.selectFirst("time").text()).isEqualTo("4 de julio de 2019");
        assertThat(pages.get("/es/alto-a-las-redadas-injustas/").selectFirst(".counter p").text())
                .isEqualTo("400 personas han firmado.");
    }

    @Test
    void translationsInheritTheActionsStructureFromTheirSource() {
        // The Spanish call action writes names and roles only: the phone numbers come from en/.
        Document es = pages.get("/es/protege-a-inmigrantes-y-solicitantes-de-asilo/");
        Document en = pages.get("/protect-immigrants-asylum-seekers/");
        assertThat(es.select("a.phone").eachAttr("href")).isNotEmpty()
                .isEqualTo(en.select("a.phone").eachAttr("href"));
        assertThat(es.selectFirst(".targets").text()).contains("La Casa Blanca", "202-456-1111");
        // The letter's target keeps its English name and takes the translated role; the count of 400 is inherited.
        Document raids = pages.get("/es/alto-a-las-redadas-injustas/");
        assertThat(raids.selectFirst("p.to").text())
                .isEqualTo("Para: Jeh Johnson (Secretario del Departamento de Seguridad Nacional)");
        assertThat(raids.selectFirst("a.quick-exit")).as("quickExit is inherited").isNotNull();
        assertThat(raids.selectFirst(".update time").text()).isEqualTo("21 de enero de 2016");
        // The donate button links where the source's does, with the translated label.
        Document fund = pages.get("/es/financiar-gestion-de-casos-familiares/");
        assertThat(fund.selectFirst(".donate a").attr("href")).isEqualTo("https://example.org/raices/donate");
        assertThat(fund.selectFirst(".donate a").text()).startsWith("Dona o colabora");
    }

    @Test
    void theArabicPagesAreRightToLeftWithTheirActions() {
        Document page = pages.get("/ar/stop-unjust-raids/");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("h1").text()).isEqualTo("أوقفوا مداهمات الهجرة الظالمة");
        Element action = page.selectFirst("section.action");
        assertThat(action).isNotNull();
        assertThat(action.selectFirst("h2").text()).isEqualTo("افعل شيئًا!");
        assertThat(action.selectFirst(".counter p").text()).isEqualTo("وقّع 400 شخص.");
        assertThat(page.selectFirst("a.skip-link").text()).isEqualTo("انتقل إلى المحتوى");
        // When the forms work has landed, the form sits inside the action, on the right-to-left page.
        action.select("form").forEach(form -> assertThat(form.closest("[dir]").attr("dir")).isEqualTo("rtl"));
    }

    @Test
    void homePagesListTheirCampaignsAndMarkUntranslatedOnes() {
        Document es = pages.get("/es/");
        List<String> links = es.select(".card h3 a").eachAttr("href");
        assertThat(links).contains("/es/financiar-gestion-de-casos-familiares/", "/es/alto-a-las-redadas-injustas/",
                "/es/protege-a-inmigrantes-y-solicitantes-de-asilo/", "/join-us-protect-immigrants/",
                "/end-family-detention/");
        assertThat(links).doesNotContain("/stop-unjust-raids/", "/fund-family-case-management/");
        Element untranslated = es.selectFirst(".card h3 a[href=/join-us-protect-immigrants/]");
        assertThat(untranslated.attr("lang")).isEqualTo("en");
        assertThat(untranslated.parent().selectFirst(".in-language").text()).isEqualTo("(en inglés)");
        assertThat(pages.get("/ar/").selectFirst(".card .in-language").text()).isEqualTo("(باللغة الإنجليزية)");
        assertThat(pages.get("/").select(".in-language")).isEmpty();
        assertThat(pages.get("/").select(".card h3 a").eachAttr("href")).hasSize(5).allMatch(h -> !h.startsWith("/es/"));
    }

    @Test
    void navigationAndFooterLinksPointToTheLanguagesOwnPages() {
        Document es = pages.get("/es/alto-a-las-redadas-injustas/");
        assertThat(es.select("header nav:not(.language-switcher) a").eachAttr("href"))
                .containsExactly("/es/", "/es/categories/", "/es/tags/");
        assertThat(es.select("header nav:not(.language-switcher) a").eachText())
                .containsExactly("Campañas", "Categorías", "Etiquetas");
        assertThat(es.selectFirst("a.site-title").text()).isEqualTo("Campañas de ejemplo de Broadside");
        assertThat(es.select("footer a").eachAttr("href")).contains("/es/privacidad/");
        assertThat(es.select("footer.site-footer nav a").eachText()).containsExactly("Acerca del sitio de ejemplo",
                "Privacidad");
        assertThat(pages.get("/ar/").select("footer a").eachAttr("href")).contains("/ar/privacy/");
        assertThat(pages.get("/").select("footer a").eachAttr("href")).contains("/privacy/");
        pages.forEach((path, page) -> page.select("header a, footer a").eachAttr("href").stream()
                .filter(h -> h.startsWith("/"))
                .forEach(h -> assertThat(exists(pathOf(h))).as(path + " links to " + h).isTrue()));
    }

    @Test
    void currentTranslationsShowNoStaleNotice() {
        pages.forEach((path, page) -> assertThat(page.select(".translation-notice")).as(path).isEmpty());
    }
}
