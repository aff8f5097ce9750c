package io.github.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.config.SiteConfig;
import io.github.broadside.config.SiteConfigLoader;
import io.github.broadside.i18n.Messages;
import io.github.broadside.markdown.MarkdownRenderer;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.site.LanguageSite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {
    @TempDir
    Path themes;

    private void template(String theme, String name, String text) throws IOException {
        Path file = themes.resolve(theme).resolve("templates").resolve(name + ".peb");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private TemplateEngine engine(String theme, SiteConfig config) {
        Problems problems = new Problems();
        Theme opened = Theme.open(themes.resolve(theme), "themes/" + theme, problems).orElseThrow();
        assertThat(problems.sorted()).isEmpty();
        Messages messages = new Messages(Map.of(
                "en", Map.of("greet", "Hello {name}", "count", "{count, plural, one {# person} other {# people}}"),
                "fr", Map.of("greet", "Bonjour {name}")), "en");
        return new TemplateEngine(opened, "themes/" + theme, config, new MarkdownRenderer(), messages);
    }

    private TemplateEngine engine(String theme) {
        return engine(theme, SiteConfigLoader.defaults());
    }

    private static String rendered(TemplateEngine.Result result) {
        assertThat(result).isInstanceOf(TemplateEngine.Rendered.class);
        return ((TemplateEngine.Rendered) result).html();
    }

    private static Problem failed(TemplateEngine.Result result) {
        assertThat(result).isInstanceOf(TemplateEngine.Failed.class);
        return ((TemplateEngine.Failed) result).problem();
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void autoescapesValues() throws IOException {
        template("t", "x", "<h1>{{ title }}</h1><a title=\"{{ title }}\">a</a>");
        assertThat(rendered(engine("t").render("x", vars("title", "<script>alert(\"1\")</script>"))))
                .isEqualTo("<h1>&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;</h1>"
                        + "<a title=\"&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;\">a</a>");
    }

    @Test
    void markdownFilterSanitizes() throws IOException {
        template("t", "x", "{{ body | markdown }}|{{ body | inlineMarkdown }}");
        assertThat(rendered(engine("t").render("x", vars("body", "**hi** <img src=x onerror=alert(1)>"))))
                .isEqualTo("<p><strong>hi</strong> <img src=\"x\"></p>\n|<strong>hi</strong> <img src=\"x\">");
    }

    @Test
    void urlFunctionsHonourASubPathBaseUrl() throws IOException {
        template("t", "x", "{{ url('/a/') }} {{ absUrl('/a/') }} {{ url('https://e.example/') }}");
        SiteConfig config = SiteConfigLoader.defaults().withBaseUrl(URI.create("https://h.example/repo/"));
        assertThat(rendered(engine("t", config).render("x", vars())))
                .isEqualTo("/repo/a/ https://h.example/repo/a/ https://e.example/");
    }

    @Test
    void messagesInThePageLanguageWithFallbackAndPlurals() throws IOException {
        template("t", "x", "{{ t('greet', {'name': who}) }}; {{ t('count', {'count': n}) }}; {{ t('missing.key') }}");
        LanguageSite fr = new LanguageSite("fr", "/fr/", List.of(), List.of(), List.of(), List.of());
        LanguageSite en = new LanguageSite("en", "/", List.of(), List.of(), List.of(), List.of());
        TemplateEngine engine = engine("t");
        assertThat(rendered(engine.render("x", vars("who", "<b>", "n", 1, "lang", en))))
                .isEqualTo("Hello &lt;b&gt;; 1 person; missing.key");
        assertThat(rendered(engine.render("x", vars("who", "Ana", "n", 3, "lang", fr))))
                .isEqualTo("Bonjour Ana; 3 people; missing.key");
        assertThat(engine.message("en", "greet")).isEqualTo("Hello {name}");
    }

    @Test
    void dateNumberAndSlugFilters() throws IOException {
        template("t", "x", "{{ d | longDate }}|{{ n | number }}|{{ s | slug }}");
        LanguageSite en = new LanguageSite("en", "/", List.of(), List.of(), List.of(), List.of());
        assertThat(rendered(engine("t").render("x", vars("d", LocalDate.of(2019, 7, 4), "n", 10000L,
                "s", "Action Alerts", "lang", en)))).isEqualTo("July 4, 2019|10,000|action-alerts");
    }

    @Test
    void syntaxErrorNamesTheTemplateFileAndLine() throws IOException {
        template("t", "x", "<p>one</p>\n<p>two</p>\n{% if %}\n<p>four</p>\n");
        Problem problem = failed(engine("t").render("x", vars()));
        assertThat(problem.isError()).isTrue();
        assertThat(problem.file()).isEqualTo("themes/t/templates/x.peb");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("template error:");
        assertThat(problem.hint()).contains("template syntax");
    }

    @Test
    void errorInAnIncludedTemplateNamesThatTemplate() throws IOException {
        template("t", "page", "{% extends \"layout\" %}{% block main %}ok{% endblock %}");
        template("t", "layout", "<main>\n{% block main %}{% endblock %}\n{{ 1 + }}\n</main>\n");
        Problem problem = failed(engine("t").render("page", vars()));
        assertThat(problem.file()).isEqualTo("themes/t/templates/layout.peb");
        assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void errorInAChildThemeTemplateNamesTheChildFile() throws IOException {
        template("default", "page", "fine");
        template("site", "page", "line 1\n{{ broken( }}\n");
        Files.writeString(themes.resolve("site/theme.yml"), "extends: default\n");
        Problem problem = failed(engine("site").render("page", vars()));
        assertThat(problem.file()).isEqualTo("themes/site/templates/page.peb");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void childThemeOverridesOnlyTheTemplatesItHas() throws IOException {
        template("default", "page", "{% include \"part\" %} from default");
        template("default", "part", "default part");
        template("site", "part", "site part");
        Files.writeString(themes.resolve("site/theme.yml"), "extends: default\n");
        assertThat(rendered(engine("site").render("page", vars()))).isEqualTo("site part from default");
    }

    @Test
    void missingTemplateIsAProblemNamingIt() throws IOException {
        template("t", "other", "x");
        Problem problem = failed(engine("t").render("campaign", vars()));
        assertThat(problem.file()).isEqualTo("themes/t/templates/campaign.peb");
        assertThat(problem.message()).contains("no template 'campaign.peb'");
        assertThat(problem.hint()).contains("extends: default");
    }

    @Test
    void missingIncludedTemplateIsAProblemNamingTheIncludingFile() throws IOException {
        template("t", "page", "line 1\n{% include \"nowhere\" %}\n");
        Problem problem = failed(engine("t").render("page", vars()));
        assertThat(problem.location()).isEqualTo("themes/t/templates/page.peb:2:1");
        assertThat(problem.message()).isEqualTo("the theme has no template 'nowhere.peb'");
    }

    @Test
    void missingTemplateDeepInAnIncludeChainNamesTheFileThatAsksForIt() throws IOException {
        template("default", "campaign", "{% include \"action\" %}");
        template("default", "action", "<section>\n  {% include 'action-form' %}\n</section>");
        Problem problem = failed(engine("default").render("campaign", vars()));
        assertThat(problem.location()).isEqualTo("themes/default/templates/action.peb:2:3");
        assertThat(problem.message()).isEqualTo("the theme has no template 'action-form.peb'");
    }
}
