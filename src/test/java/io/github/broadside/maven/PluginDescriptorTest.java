package io.github.broadside.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin descriptor that maven-plugin-plugin generates (and {@code broadside:help} and the
 * released jar carry) documents every goal parameter, and every {@code -D} property the README and the
 * guides tell users about is one the goals really read.
 */
class PluginDescriptorTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    /** goal → (parameter name → -D property, or "" when it has none). */
    private static final Map<String, Map<String, String>> PROPERTIES = new LinkedHashMap<>();
    private static Document descriptor;

    @BeforeAll
    static void read() throws IOException {
        assertThat(DESCRIPTOR).as("the descriptor maven-plugin-plugin writes in process-classes").isRegularFile();
        descriptor = Jsoup.parse(Files.readString(DESCRIPTOR), "", Parser.xmlParser());
        for (Element mojo : descriptor.select("mojos > mojo")) {
            Map<String, String> properties = new LinkedHashMap<>();
            for (Element parameter : mojo.select("parameters > parameter")) {
                String name = parameter.selectFirst("> name").text();
                Element configured = mojo.selectFirst("configuration > " + name);
                String expression = configured == null ? "" : configured.text();
                properties.put(name, expression.matches("\\$\\{[^}]+}") && parameter.selectFirst("> editable")
                        .text().equals("true") ? expression.substring(2, expression.length() - 1) : "");
            }
            PROPERTIES.put(mojo.selectFirst("> goal").text(), properties);
        }
    }

    @Test
    void everyGoalAndEveryParameterIsDescribed() {
        assertThat(PROPERTIES).containsKeys("build", "serve", "new", "check", "init", "translated", "translations");
        for (Element mojo : descriptor.select("mojos > mojo")) {
            String goal = mojo.selectFirst("> goal").text();
            assertThat(mojo.selectFirst("> description").text()).as("description of goal %s", goal).isNotBlank();
            for (Element parameter : mojo.select("parameters > parameter")) {
                if (parameter.selectFirst("> editable").text().equals("true")) {
                    String name = parameter.selectFirst("> name").text();
                    assertThat(parameter.selectFirst("> description")).as("description of %s:%s", goal, name)
                            .isNotNull();
                    assertThat(parameter.selectFirst("> description").text()).as("description of %s:%s", goal, name)
                            .isNotBlank();
                    // Sites set options on the command line, not in their pom: each must have a -D property.
                    assertThat(PROPERTIES.get(goal).get(name)).as("-D property of %s:%s", goal, name).isNotEmpty();
                }
            }
        }
    }

    @Test
    void theReadmeGoalsTableNamesTheGoalsRealProperties() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|[^|]*\\|([^|]*)\\|$").matcher(readme);
        Set<String> goals = new TreeSet<>();
        while (row.find()) {
            String goal = row.group(1);
            goals.add(goal);
            // Property names are the back-quoted words outside parentheses (those give defaults).
            String names = row.group(2).replaceAll("\\([^)]*\\)", "");
            Matcher name = Pattern.compile("`([A-Za-z.]+)`").matcher(names);
            while (name.find()) {
                assertThat(PROPERTIES.get(goal).values()).as("README: %s reads -D%s", goal, name.group(1))
                        .contains(name.group(1));
            }
        }
        Set<String> documented = new TreeSet<>(PROPERTIES.keySet());
        documented.remove("help");
        assertThat(goals).isEqualTo(documented);
        // "broadside.content works on every goal but init, and broadside.theme on build, serve and check".
        PROPERTIES.forEach((goal, properties) -> {
            assertThat(properties.containsValue("broadside.content")).as("%s reads broadside.content", goal)
                    .isEqualTo(!goal.equals("init") && !goal.equals("help"));
            assertThat(properties.containsValue("broadside.theme")).as("%s reads broadside.theme", goal)
                    .isEqualTo(Set.of("build", "serve", "check").contains(goal));
        });
    }

    @Test
    void everyBroadsidePropertyTheDocsMentionExists() throws IOException {
        Set<String> known = new LinkedHashSet<>();
        PROPERTIES.values().forEach(properties -> known.addAll(properties.values()));
        Set<String> mentioned = new TreeSet<>();
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            // docs/testing.md is about the test harness, whose properties (broadside.chromium) are not goals'.
            for (Path doc : Stream.concat(docs.filter(d -> !d.endsWith("testing.md")), Stream.of(Path.of("README.md")))
                    .toList()) {
                Matcher property = Pattern.compile("-D(broadside\\.[A-Za-z]+)").matcher(Files.readString(doc));
                while (property.find()) {
                    mentioned.add(property.group(1));
                }
            }
        }
        assertThat(mentioned).isNotEmpty();
        assertThat(known).containsAll(mentioned);
    }
}
