package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The XML reading of static files: entities as browsers expand them, nothing fetched, bounded
 * expansion, one encoding.
 */
class XmlDocumentScanTest {
    private static List<XmlDocumentScan.Active> active(String xml, XmlDocumentScan.Kind kind) {
        return XmlDocumentScan.scan("f.svg", xml.getBytes(StandardCharsets.UTF_8), kind).active();
    }

    @Test
    void externalEntitiesAndDtdsAreNeverFetched() {
        long start = System.nanoTime();
        List<XmlDocumentScan.Active> found = active("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE svg SYSTEM \"http://127.0.0.1:9/never.dtd\" [\n"
                + "<!ENTITY leak SYSTEM \"file:///etc/passwd\">\n<!ENTITY far SYSTEM \"http://127.0.0.1:9/x\">\n]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&leak;&far;</text></svg>\n", XmlDocumentScan.Kind.SVG);
        assertThat(found).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void entityExpansionIsBounded() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY a0 \"lol\">\n");
        for (int i = 1; i < 12; i++) {
            doc.append("<!ENTITY a").append(i).append(" \"");
            doc.append(("&a" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        doc.append("]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a11;</text></svg>\n");
        long start = System.nanoTime();
        List<XmlDocumentScan.Active> found = active(doc.toString(), XmlDocumentScan.Kind.SVG);
        assertThat(found).singleElement().satisfies(a -> assertThat(a.what()).contains("not well-formed"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anotherEncodingThanUtf8IsRefused() {
        List<XmlDocumentScan.Active> found = active("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", XmlDocumentScan.Kind.SVG);
        assertThat(found).singleElement().satisfies(a -> assertThat(a.what()).contains("ISO-8859-1"));
    }

    @Test
    void handlersInAnyNamespaceAndScriptOnlyWhereBrowsersRunIt() {
        assertThat(active("<feed><item onclick=\"x()\"/><script>not run: no namespace</script></feed>",
                XmlDocumentScan.Kind.XML)).singleElement()
                .satisfies(a -> assertThat(a.what()).contains("onclick"));
        assertThat(active("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" href=\"javascript:x()\"/>",
                XmlDocumentScan.Kind.XML)).singleElement()
                .satisfies(a -> assertThat(a.what()).contains("javascript:"));
    }

    @Test
    void svgLoadsAreFoundInHrefsStylesAndAnimations() {
        XmlDocumentScan.Result result = XmlDocumentScan.scan("f.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<style>@font-face { src: url(https://fonts.example/a.woff2) }</style>"
                + "<feImage xlink:href=\"https://img.example/a.png\"/>"
                + "<rect style=\"fill: url(https://img.example/b.png)\"/>"
                + "<a href=\"https://news.example/\"><set attributeName=\"href\" to=\"https://img.example/c.png\"/></a>"
                + "</svg>").getBytes(StandardCharsets.UTF_8), XmlDocumentScan.Kind.SVG);
        assertThat(result.active()).isEmpty();
        assertThat(result.scan().uses()).extracting(u -> u.directive() + " " + u.url()).containsExactlyInAnyOrder(
                "FONT https://fonts.example/a.woff2", "IMG https://img.example/a.png", "IMG https://img.example/b.png",
                "LINK https://news.example/", "IMG https://img.example/c.png");
    }
}
