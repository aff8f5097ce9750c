package io.github.broadside.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class YamlSourceTest {
    private final Problems problems = new Problems();

    private YamlMap parse(String yaml) {
        Optional<YamlMap> map = YamlSource.parseMapping("content/en/f.md", 2, yaml, problems);
        assertThat(map).as("parsed %s, problems %s", yaml, problems.sorted()).isPresent();
        return map.get();
    }

    private Problem onlyProblem() {
        assertThat(problems.sorted()).hasSize(1);
        return problems.sorted().get(0);
    }

    @Test
    void emptyTextIsAnEmptyMapping() {
        assertThat(parse("").keys()).isEmpty();
        assertThat(parse("# only a comment\n").keys()).isEmpty();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void malformedYamlIsAProblemAtTheFileLine() {
        Optional<YamlMap> map = YamlSource.parseMapping("content/en/f.md", 2,
                "title: ok\nsummary: \"never closed\ndate: 2024-01-01\n", problems);
        assertThat(map).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.isError()).isTrue();
        assertThat(problem.file()).isEqualTo("content/en/f.md");
        assertThat(problem.message()).startsWith("invalid YAML");
        // The quoted value opens on fragment line 2, which is file line 3.
        assertThat(problem.line()).isGreaterThanOrEqualTo(3);
        assertThat(problem.hint()).isNotEmpty();
    }

    @Test
    void colonInAValueGetsTheQuoteHint() {
        YamlSource.parseMapping("f.md", 2, "title: Update: we won\n", problems);
        Problem problem = onlyProblem();
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(14);
        assertThat(problem.hint()).contains("quotes");
    }

    @Test
    void tabIndentationGetsItsOwnHint() {
        YamlSource.parseMapping("f.md", 2, "action:\n\ttype: petition\n", problems);
        assertThat(onlyProblem().location()).isEqualTo("f.md:3:1");
        assertThat(onlyProblem().hint()).contains("spaces only");
    }

    @Test
    void aListIsNotAMapping() {
        assertThat(YamlSource.parseMapping("f.md", 2, "- a\n- b\n", problems)).isEmpty();
        assertThat(onlyProblem().message()).contains("key: value");
    }

    @Test
    void javaTagsAreRefusedBeforeAnythingIsConstructed() {
        assertThat(YamlSource.parseMapping("f.md", 2, "title: !!javax.script.ScriptEngineManager [x]\n", problems))
                .isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.location()).isEqualTo("f.md:2:8");
        assertThat(problem.message()).contains("tag is not allowed");
        assertThat(problem.hint()).contains("!!");
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        YamlSource.parseMapping("content/en/f.md", 2, "title: a\ndate: 2024-01-01\ntitle: b\n", problems);
        Problem problem = onlyProblem();
        assertThat(problem.isError()).isTrue();
        assertThat(problem.message()).contains("title").contains("twice");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(1);
    }

    @Test
    void typedReadsKeepLinesAndColumns() {
        YamlMap map = parse("""
                title: Stop the raids
                date: 2019-07-04
                goal: 10_000
                draft: yes
                tags: [a, b]
                single: one
                block:
                  name: Jane
                items:
                  - name: A
                  - name: B
                empty:
                """);
        assertThat(map.string("title")).contains("Stop the raids");
        assertThat(map.date("date")).contains(LocalDate.of(2019, 7, 4));
        assertThat(map.integer("goal").getAsLong()).isEqualTo(10_000);
        assertThat(map.bool("draft", false)).isTrue();
        assertThat(map.bool("absent", true)).isTrue();
        assertThat(map.strings("tags")).containsExactly("a", "b");
        assertThat(map.strings("single")).containsExactly("one");
        assertThat(map.map("block").flatMap(b -> b.string("name"))).contains("Jane");
        assertThat(map.maps("items")).extracting(m -> m.string("name").orElseThrow()).containsExactly("A", "B");
        assertThat(map.maps("block")).hasSize(1);
        assertThat(map.has("empty")).isFalse();
        assertThat(map.string("empty")).isEmpty();
        assertThat(map.lineOf("goal")).isEqualTo(4);
        assertThat(map.lineOf("missing")).isEqualTo(2);
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void numbersAndBooleansAreAcceptedAsText() {
        YamlMap map = parse("title: 1984\nsummary: true\n");
        assertThat(map.string("title")).contains("1984");
        assertThat(map.string("summary")).contains("true");
    }

    @Test
    void wrongTypesAreErrorsAtTheValue() {
        YamlMap map = parse("""
                title: [a, b]
                goal: "10,000"
                draft: maybe
                tags:
                  key: value
                block: text
                items: 3
                """);
        assertThat(map.string("title")).isEmpty();
        assertThat(map.integer("goal")).isEmpty();
        assertThat(map.bool("draft", false)).isFalse();
        assertThat(map.strings("tags")).isEmpty();
        assertThat(map.map("block")).isEmpty();
        assertThat(map.maps("items")).isEmpty();
        List<Problem> all = problems.sorted();
        assertThat(all).allMatch(Problem::isError).hasSize(6);
        assertThat(all.get(0).message()).isEqualTo("'title' must be a text, not a list");
        assertThat(all.get(0).location()).isEqualTo("content/en/f.md:2:8");
        assertThat(all.get(1).message()).contains("'goal' must be a whole number").contains("10,000");
        assertThat(all.get(1).line()).isEqualTo(3);
        assertThat(all.get(2).message()).contains("'draft' must be true or false");
        assertThat(all.get(3).message()).contains("'tags' must be a list of texts, not a block");
        assertThat(all.get(3).line()).isEqualTo(6);
        assertThat(all.get(4).message()).contains("'block' must be a block");
        assertThat(all.get(5).message()).contains("'items' must be a list of blocks");
    }

    @Test
    void negativeAndHugeNumbersAreRefused() {
        YamlMap map = parse("a: -5\nb: 99999999999999999999999\nc: 1.5\n");
        assertThat(map.integer("a")).isEmpty();
        assertThat(map.integer("b")).isEmpty();
        assertThat(map.integer("c")).isEmpty();
        assertThat(problems.sorted()).hasSize(3).allMatch(Problem::isError);
    }

    @Test
    void invalidDatesAreErrors() {
        YamlMap map = parse("a: 2019-02-30\nb: July 4th\nc: 2019-7-4\n");
        assertThat(map.date("a")).isEmpty();
        assertThat(map.date("b")).isEmpty();
        assertThat(map.date("c")).contains(LocalDate.of(2019, 7, 4));
        List<Problem> all = problems.sorted();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).message()).contains("not a real date");
        assertThat(all.get(0).location()).isEqualTo("content/en/f.md:2:4");
        assertThat(all.get(1).message()).contains("not a date");
        assertThat(all.get(1).hint()).contains("YYYY-MM-DD");
    }

    @Test
    void missingRequiredTextIsAnError() {
        YamlMap map = parse("date: 2024-01-01\n");
        assertThat(map.requiredString("title", "every page needs a title")).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.message()).isEqualTo("'title' is missing: every page needs a title");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void unknownKeysAreWarningsWithDidYouMean() {
        YamlMap map = parse("tittle: x\nquickexit: true\ncatgories: [a]\nzzzzzz: 1\n");
        map.warnUnknownKeys(List.of("title", "date", "summary", "tags", "categories", "quickExit", "status", "action"), "");
        List<Problem> all = problems.sorted();
        assertThat(all).hasSize(4).noneMatch(Problem::isError);
        assertThat(all.get(0).message()).contains("'tittle'");
        assertThat(all.get(0).hint()).isEqualTo("did you mean 'title'?");
        assertThat(all.get(0).location()).isEqualTo("content/en/f.md:2:1");
        assertThat(all.get(1).hint()).isEqualTo("did you mean 'quickExit'?");
        assertThat(all.get(2).hint()).isEqualTo("did you mean 'categories'?");
        assertThat(all.get(3).hint()).startsWith("known keys: ").contains("title");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // a guard against a hang, not a benchmark
    void billionLaughsFailsFastWithAClearProblem() {
        String yaml = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """;
        assertThat(YamlSource.parseMapping("content/en/f.md", 2, yaml, problems)).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.isError()).isTrue();
        assertThat(problem.file()).isEqualTo("content/en/f.md");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("too many aliases");
        assertThat(problem.hint()).contains("anchors");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void tenMegabytesOfYamlFailFastWithAClearProblem() {
        String yaml = "summary: \"" + "x".repeat(10 * 1024 * 1024) + "\"\n";
        assertThat(YamlSource.parseMapping("content/en/f.md", 2, yaml, problems)).isEmpty();
        Problem problem = onlyProblem();
        assertThat(problem.location()).isEqualTo("content/en/f.md:2:1");
        assertThat(problem.message()).contains("larger than 256 KiB");
        assertThat(problem.hint()).contains("Markdown body");
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
        assertThat(YamlSource.parseMapping("f.md", 2, yaml, problems)).isEmpty();
        assertThat(onlyProblem().message()).contains("nested more than");
    }

    @Test
    void aFewAliasesAreStillAllowed() {
        YamlMap map = parse("base: &t [x, y]\ntags: *t\n");
        assertThat(map.strings("tags")).containsExactly("x", "y");
    }
}
