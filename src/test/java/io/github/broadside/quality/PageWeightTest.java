package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What a signer's phone downloads for a campaign page before any picture: the page's HTML, its
 * stylesheets and its scripts, in raw bytes (what the browser parses) and gzip-compressed (about what
 * travels). The heaviest page of the sample site, the one with three actions (call, petition, letter),
 * must stay within {@link #BUDGET_BYTES}.
 *
 * <p>The goal is 50 KB raw; the budget is where the theme stands today, so the weight can only
 * go down. Most of what remains on the heaviest page is the country list (every ISO 3166 country,
 * named in the page's language), once for each form that asks for the country.
 */
class PageWeightTest {
    /**
     * Raw bytes of HTML + CSS + JS of the heaviest sample campaign page: 84,030 before this budget,
     * 79,933 when it was set, with 1 KB of room for a small addition.
     */
    static final int BUDGET_BYTES = 81_000;

    @Test
    void theHeaviestCampaignPageStaysWithinItsBudget() {
        SampleSite site = SampleSite.get();
        List<Weight> weights = new ArrayList<>();
        for (String file : PhoneFirstTest.campaignPages()) {
            weights.add(weigh(site.root(), file));
        }
        weights.sort((a, b) -> Long.compare(b.raw(), a.raw()));
        weights.forEach(w -> System.out.printf("[measure] %s: %,d bytes raw (HTML %,d), %,d gzip%n",
                w.file(), w.raw(), w.html(), w.gzip()));
        Weight heaviest = weights.get(0);
        assertThat(heaviest.raw()).as("raw HTML+CSS+JS bytes of %s, the heaviest campaign page", heaviest.file())
                .isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void theWeightCountsTheStylesheetAndTheScript() {
        SampleSite site = SampleSite.get();
        Weight home = weigh(site.root(), "index.html");
        assertThat(home.raw() - home.html()).as("CSS and JS counted for the home page")
                .isGreaterThan(10_000);
    }

    /** The page's HTML plus every same-site stylesheet and script it links to. */
    private static Weight weigh(Path root, String file) {
        try {
            Path page = root.resolve(file);
            byte[] html = Files.readAllBytes(page);
            Document doc = Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8));
            long raw = html.length;
            long gzip = gzip(html);
            for (Element e : doc.select("link[rel=stylesheet][href], script[src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                assertThat(ref).as("a first-party asset on %s", file).startsWith("/");
                byte[] asset = Files.readAllBytes(root.resolve(ref.substring(1)));
                raw += asset.length;
                gzip += gzip(asset);
            }
            return new Weight(file, html.length, raw, gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }

    private record Weight(String file, long html, long raw, long gzip) {
    }
}
