package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import io.github.broadside.bench.CorpusGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The publish checks read pages with {@link HtmlStartTags}; these tests hold what it finds equal to
 * what jsoup's full HTML parser finds, on the sample site, on generated campaign pages and on markup
 * chosen to trip a tokenizer up.
 */
class HtmlStartTagsTest {
    @TempDir
    Path tmp;

    /** The scan of a page read by jsoup: the tags of its elements, with their parents. */
    private static PageScan jsoupScan(String file, String html) {
        List<HtmlStartTags.Tag> tags = new ArrayList<>();
        for (Element element : Jsoup.parse(html).getAllElements()) {
            if (element == element.ownerDocument()) {
                continue;
            }
            String parent = element.parent() == null || element.parent() == element.ownerDocument() ? ""
                    : element.parent().normalName();
            List<HtmlStartTags.Attribute> attributes = new ArrayList<>();
            element.attributes().forEach(a -> attributes.add(
                    new HtmlStartTags.Attribute(a.getKey().toLowerCase(java.util.Locale.ROOT), a.getValue())));
            tags.add(new HtmlStartTags.Tag(element.normalName(), parent, attributes));
        }
        return PageScan.tags(file, tags);
    }

    private static void assertSameScan(String file, String html) {
        PageScan fast = PageScan.html(file, html);
        PageScan full = jsoupScan(file, html);
        assertThat(fast.uses()).as(file).containsExactlyInAnyOrderElementsOf(full.uses());
        assertThat(fast.inlineCode()).as(file).containsExactlyInAnyOrderElementsOf(full.inlineCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!-- <img src=\"in-comment.png\"> --><img src=\"after.png\">",
        "<!--> <img src=a.png> <!---> <img src=b.png> <!-- x --!> <img src=c.png>",
        "<!-- unterminated <img src=never.png>",
        "<!DOCTYPE html><html lang=en><head><title><img src=t.png></title></head><body><img src=d.png></body>",
        "<script>document.write('<img src=//evil.example/x.png>')</script><img src=after-script.png>",
        "<script type=application/ld+json>{\"a\":\"</scrip\"}</script><p style=\"color:red\">x</p>",
        "<style>a{} <img src=in-style.png></style><textarea><img src=in-textarea.png></textarea>",
        "<xmp><img src=x.png></xmp><iframe src=https://v.example/e><img src=i.png></iframe>",
        "<noembed><img src=n.png></noembed><noframes><img src=f.png></noframes><noscript><img src=ns.png></noscript>",
        "<img src=unquoted.png alt=x><img src = \"spaced.png\"><img src='single.png'><img src=s.png/>",
        "<a href=\"/x?a=1&amp;b=2\">a</a><a href=\"/y?a=1&b=2&copy\">b</a><a href=\"&#106;avascript:alert(1)\">c</a>",
        "<IMG SRC=\"UP.PNG\"><A HREF=/up/ ONCLICK=\"go()\">u</A><Script>x()</SCRIPT><STYLE>b{}</Style>",
        "<img src=first.png src=second.png><a href=/one href=/two>d</a>",
        "<picture><source srcset=\"p.webp 1x, p2.webp 2x\"><img src=p.png></picture>"
                + "<video poster=v.jpg><source src=v.mp4><track src=t.vtt></video><audio src=a.mp3></audio>",
        "<form action=/f><input type=image src=btn.png formaction=/g><button formaction=/h>b</button></form>",
        "<meta http-equiv=refresh content=\"0; url=/moved/\"><meta property=og:image content=/card.png>"
                + "<meta name=twitter:image content=/tw.png>",
        "<link rel=stylesheet href=/a.css><link rel=\"preload\" as=font href=/f.woff2><link rel=icon href=/i.png>"
                + "<link rel=manifest href=/m.json><link rel=dns-prefetch href=//cdn.example>",
        "<p>< img src=not-a-tag.png></p></img src=end-tag.png><a/href=\"/slash-attr\">s</a>",
        "<div =x y=\"1\"></div><img src=\"cut-off.png\"",
        "<template><img src=in-template.png></template><table><tr><td><img src=in-table.png></table>",
        "<object data=/o.swf></object><embed src=/e.swf><area href=/area>",
        "<svg><a href=\"/svg-link\"></a></svg><img src=\"after-svg.png\">",
        "<image src=image-tag.png><svg><image src=svg-image.png href=h.png></image></svg>",
        "<a href=\"  /padded  \">p</a><img srcset=\"\">",
    })
    void findsWhatJsoupFinds(String html) {
        assertSameScan("x/index.html", html);
    }

    @Test
    void readsTheTagsOfAPage() {
        List<HtmlStartTags.Tag> tags = HtmlStartTags.of(
                "<!doctype html><p class=a CLASS=b><picture><source srcset=x></picture><br/><b>t</b>");
        assertThat(tags).extracting(HtmlStartTags.Tag::name).containsExactly("p", "picture", "source", "br", "b");
        assertThat(tags.get(0).attributes()).containsExactly(new HtmlStartTags.Attribute("class", "a"));
        assertThat(tags.get(2).parent()).isEqualTo("picture");
        assertThat(tags.get(3).parent()).isEqualTo("p");
    }

    @Test
    void findsWhatJsoupFindsOnTheSampleSiteAndGeneratedCampaigns() throws Exception {
        Path project = tmp.resolve("corpus");
        CorpusGenerator.generate(project, 40, 2, CorpusGenerator.Flavour.BROADSIDE);
        Map<String, String> pages = new TreeMap<>();
        Path sample = tmp.resolve("sample");
        new SiteBuilder(BuildOptions.builder(SampleProject.REPO).output(sample).build()).build();
        Path corpus = tmp.resolve("corpus-site");
        new SiteBuilder(BuildOptions.builder(project).theme(SampleProject.REPO.resolve("themes/default"))
                .output(corpus).build()).build();
        for (Path root : List.of(sample, corpus)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                    pages.put(root.getFileName() + "/" + root.relativize(file), Files.readString(file));
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(100);
        pages.forEach(HtmlStartTagsTest::assertSameScan);
    }
}
