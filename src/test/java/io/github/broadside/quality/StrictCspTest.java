package io.github.broadside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated page works under a strict Content-Security-Policy ({@code script-src 'self';
 * style-src 'self'}, no {@code 'unsafe-inline'}): no inline script, no event-handler attribute, no
 * {@code javascript:} URL, no {@code <style>} element and no {@code style=""} attribute; and nothing on
 * the page loads from another site. The browser tests see the same from the inside.
 */
class StrictCspTest {
    static List<String> pages() {
        return SampleSite.get().htmlPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageHasNothingInlineAndLoadsNothingFromElsewhere(String file) throws IOException {
        Document doc = Jsoup.parse(SampleSite.get().root().resolve(file).toFile(), "UTF-8");
        List<String> found = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String where = file + ": <" + e.tagName() + "> ";
            if (e.tagName().equals("script") && (!e.hasAttr("src") || !e.data().isBlank())) {
                found.add(where + "inline script");
            }
            if (e.tagName().equals("style")) {
                found.add(where + "inline style element");
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                if (name.equals("style")) {
                    found.add(where + "style attribute");
                } else if (name.startsWith("on")) {
                    found.add(where + name + " handler");
                } else if (value.startsWith("javascript:")) {
                    found.add(where + name + "=javascript:");
                }
            }
            // what the page loads by itself (links the reader follows are fine)
            String loaded = switch (e.tagName()) {
                case "script", "img", "iframe", "source", "audio", "video", "embed", "track" -> e.attr("src");
                case "link" -> e.attr("rel").contains("stylesheet") || e.attr("rel").contains("preload")
                        || e.attr("rel").contains("icon") || e.attr("rel").contains("modulepreload")
                        ? e.attr("href") : "";
                case "object" -> e.attr("data");
                default -> "";
            };
            if (loaded.startsWith("http:") || loaded.startsWith("https:") || loaded.startsWith("//")) {
                found.add(where + "loads " + loaded + " from another site");
            }
        }
        assertThat(found).as("strict-CSP and privacy breaches in %s", file).isEmpty();
    }
}
