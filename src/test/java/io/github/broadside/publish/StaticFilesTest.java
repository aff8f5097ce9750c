package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.TestProject;
import io.github.broadside.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in content/static/ are held to the rules of pages: SVG, XHTML and XML files that would run
 * script on the site's origin are refused (GitHub Pages sends no policy header to stop them), their
 * third-party loads go through the privacy check, and no static file widens the site's
 * Content-Security-Policy unless site.yml allows it.
 */
class StaticFilesTest {
    @TempDir
    Path dir;

    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">\n";

    private TestProject project() {
        return TestProject.create(dir).campaign("a.md", "A");
    }

    private Problem onlyErrorFor(String file, String text) {
        return project().write("content/static/" + file, text).onlyError();
    }

    // --- active content in SVG, XHTML and XML ---

    @Test
    void anSvgWithAScriptIsRefusedAtItsLine() {
        Problem p = onlyErrorFor("logo.svg", SVG_OPEN + "<rect width=\"5\" height=\"5\"/>\n"
                + "<script>fetch('/').then(r => r.text())</script>\n</svg>\n");
        assertThat(p.file()).isEqualTo("content/static/logo.svg");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("<script>", "site's origin");
        assertThat(p.hint()).contains("remove <script>");
    }

    @Test
    void anSvgEventHandlerIsRefused() {
        Problem p = onlyErrorFor("badge.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n</svg>\n");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).contains("onload=");
    }

    @Test
    void aScriptInAForeignObjectIsRefused() {
        Problem p = onlyErrorFor("chart.svg", SVG_OPEN + "<foreignObject width=\"10\" height=\"10\">\n"
                + "<div xmlns=\"http://www.w3.org/1999/xhtml\"><script src=\"/x.js\"></script></div>\n"
                + "</foreignObject>\n</svg>\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("script");
    }

    @Test
    void aJavascriptAddressIsRefusedEvenSplitByATab() {
        Problem p = onlyErrorFor("map.svg", SVG_OPEN + "<a xlink:href=\"java&#9;script:alert(1)\">\n"
                + "<rect width=\"5\" height=\"5\"/></a>\n</svg>\n");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("javascript:");
        Problem animated = TestProject.create(dir.resolve("other")).campaign("a.md", "A")
                .write("content/static/anim.svg", SVG_OPEN + "<a href=\"/\"><set attributeName=\"href\" "
                        + "to=\"/x;javascript:alert(1)\"/>\n<rect width=\"5\" height=\"5\"/></a>\n</svg>\n")
                .onlyError();
        assertThat(animated.message()).contains("javascript:");
    }

    @Test
    void aScriptHiddenInAnEntityIsFound() {
        Problem p = onlyErrorFor("entity.svg", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n"
                + "<!ENTITY payload \"<script>alert(document.domain)</script>\">\n]>\n" + SVG_OPEN
                + "&payload;\n</svg>\n");
        assertThat(p.message()).contains("<script>");
    }

    @Test
    void scriptInAnSvgIsRefusedEvenFromAnAllowedOrigin() {
        TestProject project = project()
                .write("content/site.yml", "title: T\nbaseUrl: https://test.example.org/\n"
                        + "privacy:\n  allowOrigins: [https://cdn.example.net]\n")
                .write("content/static/s.svg", SVG_OPEN + "<script href=\"https://cdn.example.net/a.js\"/>\n</svg>\n");
        Problem p = project.onlyError();
        assertThat(p.message()).contains("<script>", "no script");
    }

    @Test
    void anSvgThatLoadsFromAnotherSiteNeedsItAllowed() {
        String svg = SVG_OPEN + "<image href=\"https://images.example-cdn.net/a.png\" width=\"5\" height=\"5\"/>\n</svg>\n";
        Problem p = onlyErrorFor("pic.svg", svg);
        assertThat(p.file()).isEqualTo("content/static/pic.svg");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("an image", "https://images.example-cdn.net");
        assertThat(p.hint()).contains("allowOrigins: [https://images.example-cdn.net]");

        TestProject allowed = TestProject.create(dir.resolve("allowed")).campaign("a.md", "A")
                .write("content/site.yml", "title: T\nbaseUrl: https://test.example.org/\n"
                        + "privacy:\n  allowOrigins: [https://images.example-cdn.net]\n")
                .write("content/static/pic.svg", svg);
        allowed.build();
        assertThat(csp(allowed).get("img-src")).contains("https://images.example-cdn.net");
    }

    @Test
    void anXhtmlPageIsHeldToThePageRules() {
        Problem p = onlyErrorFor("old.xhtml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head>\n"
                + "<body><p>Hello</p><script>alert(1)</script></body></html>\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("inline <script>");
    }

    @Test
    void anXmlFileWithXhtmlScriptOrXsltIsRefused() {
        Problem p = onlyErrorFor("feed.rss", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n"
                + "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script>\n</rss>\n");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("<x:script>");
        Problem xslt = TestProject.create(dir.resolve("xslt")).campaign("a.md", "A")
                .write("content/static/data.xml", "<?xml version=\"1.0\"?>\n"
                        + "<?xml-stylesheet type=\"text/xsl\" href=\"/show.xsl\"?>\n<data/>\n")
                .onlyError();
        assertThat(xslt.message()).contains("XSLT");
        assertThat(xslt.line()).isEqualTo(2);
    }

    @Test
    void anSvgThatIsNotWellFormedIsRefused() {
        Problem p = onlyErrorFor("broken.svg", SVG_OPEN + "<x:rect width=\"5\"/>\n<script>alert(1)</script>\n</svg>\n");
        assertThat(p.message()).contains("not well-formed");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    void aGzippedSvgIsReadToo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((SVG_OPEN + "<script>alert(1)</script>\n</svg>\n").getBytes(StandardCharsets.UTF_8));
        }
        Problem p = project().writeBytes("content/static/z.svgz", bytes.toByteArray()).onlyError();
        assertThat(p.message()).contains("<script>");
    }

    @Test
    void aPlainSvgFromAnEditorIsPublished() {
        TestProject project = project().write("content/static/img/logo.svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n"
                + "  <!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n]>\n"
                + "<svg xmlns=\"&ns_svg;\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n"
                + "<style>.a { fill: #0d6b2f; }</style>\n"
                + "<defs><linearGradient id=\"g\"><stop offset=\"0\" style=\"stop-color:#fff\"/></linearGradient></defs>\n"
                + "<use xlink:href=\"#g\"/><rect class=\"a\" width=\"5\" height=\"5\" fill=\"url(#g)\"/>\n"
                + "<a href=\"https://example.org/about\"><text x=\"1\" y=\"9\">About</text></a>\n</svg>\n");
        project.build();
        assertThat(project.site().resolve("img/logo.svg")).exists();
        assertThat(csp(project).get("img-src")).containsExactly("'self'");
    }

    // --- static files never widen the policy silently ---

    @Test
    void aStaticFormPostingElsewhereIsRefusedUnlessAllowed() {
        String html = "<!doctype html>\n<html lang=\"en\"><head><title>Survey</title></head><body>\n"
                + "<form action=\"https://collect.evil.example/\" method=\"post\">\n"
                + "<label>Email <input name=\"email\"></label><button>Send</button></form>\n</body></html>\n";
        Problem p = onlyErrorFor("survey.html", html);
        assertThat(p.file()).isEqualTo("content/static/survey.html");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("https://collect.evil.example", "form-action");
        assertThat(p.hint()).contains("privacy: {allowOrigins: [https://collect.evil.example]}");

        TestProject allowed = TestProject.create(dir.resolve("allowed")).campaign("a.md", "A")
                .write("content/site.yml", "title: T\nbaseUrl: https://test.example.org/\n"
                        + "privacy:\n  allowOrigins: [https://collect.evil.example]\n")
                .write("content/static/survey.html", html);
        allowed.build();
        assertThat(csp(allowed).get("form-action")).containsExactly("'self'", "https://collect.evil.example");
    }

    @Test
    void aDataPictureInAStaticFileIsRefusedUnlessAllowed() {
        String html = "<!doctype html>\n<html lang=\"en\"><head><title>P</title></head><body>\n"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">\n</body></html>\n";
        Problem p = onlyErrorFor("pixel.html", html);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("data:", "img-src");
        assertThat(p.hint()).contains("allowOrigins: [\"data:\"]");

        Problem css = TestProject.create(dir.resolve("css")).campaign("a.md", "A")
                .write("content/static/extra.css", "body {\n  background: url(data:image/png;base64,iVBORw0KGgo=);\n}\n")
                .onlyError();
        assertThat(css.file()).isEqualTo("content/static/extra.css");
        assertThat(css.line()).isEqualTo(2);

        TestProject allowed = TestProject.create(dir.resolve("allowed")).campaign("a.md", "A")
                .write("content/site.yml", "title: T\nbaseUrl: https://test.example.org/\n"
                        + "privacy:\n  allowOrigins: [\"data:\"]\n")
                .write("content/static/pixel.html", html);
        allowed.build();
        assertThat(csp(allowed).get("img-src")).containsExactly("'self'", "data:");
    }

    @Test
    void staticHtmlWithATabbedJavascriptLinkOrSrcdocIsRefused() {
        Problem p = onlyErrorFor("old.html", "<!doctype html>\n<html lang=\"en\"><head><title>x</title></head>\n"
                + "<body><a href=\" java&#9;script:alert(1)\">x</a></body></html>\n");
        assertThat(p.message()).contains("javascript:");
        Problem srcdoc = TestProject.create(dir.resolve("srcdoc")).campaign("a.md", "A")
                .write("content/static/frame.html", "<!doctype html>\n<html lang=\"en\"><head><title>x</title></head>\n"
                        + "<body><iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe></body></html>\n")
                .onlyError();
        assertThat(srcdoc.message()).contains("srcdoc");
    }

    // --- _headers and _redirects from content/static/ are merged, never swapped in ---

    @Test
    void aSitesOwnHeadersAreMergedAfterTheSecurityHeaders() {
        TestProject project = project().write("content/static/_headers",
                "# downloads\n/downloads/*\n  Content-Disposition: attachment\n");
        assertThat(project.build().warnings()).isEmpty();
        String headers = project.read("site/_headers");
        assertThat(headers).contains("X-Frame-Options: DENY", "Content-Security-Policy: default-src 'self'",
                "/downloads/*\n  Content-Disposition: attachment");
        assertThat(headers.indexOf("X-Frame-Options")).isLessThan(headers.indexOf("/downloads/*"));
    }

    @Test
    void aHeadersRuleThatWeakensASecurityHeaderIsRefused() {
        List<Problem> errors = project().write("content/static/_headers",
                "/*\n  X-Frame-Options: SAMEORIGIN\n/embed/*\n  ! Content-Security-Policy\n").buildFails()
                .stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::file).containsOnly("content/static/_headers");
        assertThat(errors).extracting(Problem::line).containsExactly(2, 4);
        assertThat(errors.get(0).message()).contains("X-Frame-Options");
        assertThat(errors.get(1).message()).contains("removes Content-Security-Policy");
    }

    @Test
    void aSitesOwnRedirectsAreMergedWithTheAliases() {
        TestProject project = project().page("b.md", "title: B\ndate: 2024-05-01\naliases: [/old-b/]\n", "Text.\n")
                .write("content/static/_redirects", "/legacy/* /a/ 301\n");
        project.build();
        String redirects = project.read("site/_redirects");
        assertThat(redirects).contains("/old-b/ /b/ 301", "/legacy/* /a/ 301");
    }

    @Test
    void aRedirectThatWouldHijackAPublishedPageIsRefused() {
        List<Problem> errors = project().write("content/static/_redirects",
                "# hostile\n/a/ https://evil.example/ 301!\n/* /index.html 200\n/gone/ /a/ 301\n").buildFails()
                .stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::file).containsOnly("content/static/_redirects");
        assertThat(errors).extracting(Problem::line).containsExactly(2, 3);
        assertThat(errors.get(0).message()).contains("/a/", "publishes");
    }

    private static Map<String, List<String>> csp(TestProject project) {
        String headers = project.read("site/_headers");
        String line = headers.lines().filter(l -> l.strip().startsWith("Content-Security-Policy:")).findFirst()
                .orElseThrow();
        return ContentSecurityPolicy.parse(line.substring(line.indexOf(':') + 1));
    }
}
