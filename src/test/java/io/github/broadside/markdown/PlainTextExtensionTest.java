package io.github.broadside.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import io.github.broadside.bench.CorpusGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text written straight to the HTML comes out exactly as flexmark's own text rendering. */
class PlainTextExtensionTest {
    private static String render(String markdown, boolean plainText) {
        List<Extension> extensions = new ArrayList<>(List.of(TablesExtension.create(), StrikethroughExtension.create()));
        if (plainText) {
            extensions.add(new PlainTextExtension());
        }
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, extensions);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Plain words, *emphasis*, **strong** and `code`.",
        "Escapes: \\*not emphasis\\*, a \\\\ backslash, 5 \\< 6 and \\#hash.",
        "Entities: &amp; &copy; &#169; &#xA9; &nbsp; and a bare & ampersand, AT&T.",
        "<less> and \"quotes\" and 'single' > greater",
        "Line one\r\nline two\rline three\nline four",
        "# Heading with \\_escape and &amp;\n\n- item & more\n- item \\- dash\n\n> quote &lt;b&gt;",
        "| a & b | c \\| d |\n|---|---|\n| 1 &lt; 2 | ~~struck~~ |",
        "Unicode: árbol, قضية, 中文, emoji 🙂, and a [link](https://example.org/?a=1&b=2 \"t & t\").",
    })
    void rendersTextAsFlexmarkDoes(String markdown) {
        assertThat(render(markdown, true)).isEqualTo(render(markdown, false));
    }

    @Test
    void rendersGeneratedCampaignPagesAsFlexmarkDoes() {
        for (int i = 0; i < 50; i++) {
            String page = CorpusGenerator.page(i, "en", CorpusGenerator.Flavour.BROADSIDE);
            String body = page.substring(page.indexOf("\n---", 4) + 4);
            assertThat(render(body, true)).as("page %d", i).isEqualTo(render(body, false));
        }
    }

    @Test
    void onlyTextWithoutBackslashAmpersandOrCarriageReturnIsPlain() {
        assertThat(PlainTextExtension.isPlain("Stop the raids, now!")).isTrue();
        assertThat(PlainTextExtension.isPlain("a \\* b")).isFalse();
        assertThat(PlainTextExtension.isPlain("AT&T")).isFalse();
        assertThat(PlainTextExtension.isPlain("one\r\ntwo")).isFalse();
    }
}
