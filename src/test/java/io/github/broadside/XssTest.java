package io.github.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text in every place a campaign writer can type: nothing executable may reach any
 * generated page, and addresses that could run script are refused at build time.
 */
class XssTest {
    @TempDir
    Path dir;

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Test
    void nothingExecutableSurvivesAnywhereInTheOutput() throws IOException {
        TestProject project = TestProject.create(dir);
        project.page("evil.md", """
                title: "Evil <script>alert('title')</script> title"
                summary: "\\"><script>alert('summary')</script>"
                organization: "<img src=x onerror=alert('org')>"
                tags: ["<script>alert('tag')</script>", "x\\" onmouseover=\\"alert(1)"]
                categories: ["</title><script>alert('cat')</script>"]
                image: "/a.jpg\\"onerror=\\"alert('img')"
                imageAlt: "\\" onload=\\"alert('alt')"
                action:
                  type: call
                  label: "<svg onload=alert('label')>"
                  intro: "<img src=x onerror=alert('intro')> [x](javascript:alert('intro'))"
                  script: "<iframe src=\\"javascript:alert('script')\\"></iframe>"
                  targets:
                    - name: "<script>alert('target')</script>"
                      role: "<b onclick=alert('role')>r</b>"
                      phone: "+1 (202) 555-0100"
                updates:
                  - date: 2024-01-02
                    text: "<a href=\\"javascript:alert('update')\\">u</a> <img src=x onerror=alert('update')>"
                quote:
                  text: "<script>alert('quote')</script>"
                  author: "<script>alert('author')</script>"
                donate:
                  url: "/donate/?x=\\"><svg/onload=alert('donate')>"
                  label: "<script>alert('donate')</script>"
                  partner: "<img src=x onerror=alert('partner')>"
                links:
                  - label: "<script>alert('link')</script>"
                    url: "/more/?q=<script>"
                date: 2024-01-01
                """, """
                Intro paragraph.

                <script>alert('body')</script>
                <img src="x" onerror="alert('body')">
                <a href="javascript:alert('body')">raw link</a>
                <a href="JaVaScRiPt:alert('body')">mixed case</a>
                <a href="&#106;avascript:alert('body')">entity</a>
                <div style="background:url(javascript:alert(1))" onmouseover="alert(1)">styled</div>
                <iframe src="https://evil.example/"></iframe>
                <form action="https://evil.example/"><input name="x"></form>
                <svg><script>alert('svg')</script></svg>
                <object data="javascript:alert(1)"></object>

                [markdown link](javascript:alert('md'))
                [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
                ![image](javascript:alert('img'))
                <javascript:alert('autolink')>

                Last paragraph.
                """);
        project.write("content/site.yml", "title: \"<script>alert('site')</script>\"\n"
                + "description: \"<img src=x onerror=alert(1)>\"\nbaseUrl: https://test.example.org/\n"
                + "forms: {provider: netlify}\n");
        project.build();

        List<Path> html;
        try (Stream<Path> walk = Files.walk(project.site())) {
            html = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(html).hasSizeGreaterThan(4);
        for (Path file : html) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            // The theme's own pieces are expected: its same-origin script and the action's form posting to the
            // site's provider. Take them out so that anything user text smuggled in still shows; the attribute
            // checks below still run on every label and button the form held.
            page.select("script[src~=^/assets/broadside\\.[0-9a-f]{8}\\.js$]").remove();
            page.select("input#share-url[readonly]").removeAttr("id").tagName("span"); // the copy-link field
            for (Element form : page.select("form.bs-form[data-bs-form=netlify]")) {
                form.select("input, textarea, select").remove();
                form.unwrap();
            }
            // The theme's share icons: inline SVG of paths only, hidden from screen readers. Anything else
            // inside one (a script, a foreign object, text) keeps it in the page and fails below.
            for (Element icon : page.select("svg.icon[aria-hidden=true]")) {
                if (icon.children().stream().allMatch(c -> c.tagName().equals("path") && c.children().isEmpty())) {
                    icon.remove();
                }
            }
            assertThat(page.select("script, iframe, object, embed, svg, form, input, style, base, "
                    + "meta[http-equiv]:not([http-equiv=Content-Security-Policy])"))
                    .as(file.toString()).isEmpty();
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey().toLowerCase(Locale.ROOT);
                    String value = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                    assertThat(name).as(file + ": " + element.tagName()).doesNotStartWith("on").isNotEqualTo("style");
                    assertThat(value).as(file + ": " + element.tagName() + "@" + name)
                            .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            }
        }
        Document page = Jsoup.parse(project.site().resolve("evil/index.html").toFile(), "UTF-8");
        // The text is shown as text, not dropped: writers see what they typed.
        assertThat(page.selectFirst("h1").text()).isEqualTo("Evil <script>alert('title')</script> title");
        assertThat(page.select(".target-name").text()).isEqualTo("<script>alert('target')</script>");
        assertThat(page.selectFirst(".campaign-body").text()).contains("Intro paragraph.").contains("Last paragraph.");
        assertThat(page.select("a.phone").attr("href")).isEqualTo("tel:+12025550100");
    }

    @Test
    void scriptAddressesInFrontMatterFailTheBuild() {
        TestProject project = TestProject.create(dir);
        project.page("evil.md", """
                title: Evil
                date: 2024-01-01
                image: "javascript:alert(1)"
                imageAlt: x
                action:
                  type: call
                  findRepresentativeUrl: "JavaScript:alert(1)"
                donate:
                  url: "data:text/html,<script>alert(1)</script>"
                links:
                  - label: Click
                    url: " javascript:alert(1)"
                  - label: Tabbed
                    url: "java\\tscript:alert(1)"
                  - label: Protocol-relative
                    url: "//evil.example/"
                  - label: Phone
                    url: "tel:1"
                """, "Text\n");
        project.write("content/site.yml", "title: T\nbaseUrl: https://t.example.org/\nprivacyUrl: \"vbscript:x\"\n"
                + "navigation:\n  - label: Evil\n    url: \"javascript:alert(1)\"\n");
        List<Problem> errors = project.buildFails().stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::location).containsExactly(
                "content/en/evil.md:4:8", "content/en/evil.md:8:26", "content/en/evil.md:10:8",
                "content/en/evil.md:13:10", "content/en/evil.md:15:10", "content/en/evil.md:17:10",
                "content/site.yml:3:13", "content/site.yml:6:10");
        assertThat(errors).allSatisfy(p -> assertThat(p.hint()).contains("https://"));
        assertThat(project.site()).doesNotExist();
    }
}
