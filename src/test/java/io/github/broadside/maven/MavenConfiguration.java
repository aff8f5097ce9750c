package io.github.broadside.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Configures a goal the way Maven does, from the plugin descriptor that maven-plugin-plugin
 * generates ({@code target/classes/META-INF/maven/plugin.xml}): each parameter takes its
 * {@code -D} property when the command line gives it, else its default value; {@code ${...}} in a
 * default is one of Maven's values ({@code basedir}, {@code project.build.directory}, the
 * command line's properties...) or a property. So a goal test exercises the names users type, not
 * the Java fields, and a {@code property=} that is misspelt in an annotation fails it.
 */
final class MavenConfiguration {
    static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    static final String PLUGIN_VERSION = "9.8.7";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    /** One parameter as the descriptor has it: its -D property (null when none) and default (null when none). */
    record Parameter(String name, String type, boolean editable, String property, String defaultValue) {
    }

    /** A configured goal and the warnings it logged while making its options. */
    record Configured<T extends Mojo>(T mojo, List<String> warnings) {
    }

    private MavenConfiguration() {
    }

    static Document descriptor() {
        assertThat(DESCRIPTOR).as("the descriptor maven-plugin-plugin writes in process-classes").isRegularFile();
        try {
            return Jsoup.parse(Files.readString(DESCRIPTOR), "", Parser.xmlParser());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** goal → its parameters, in the descriptor's order. */
    static Map<String, List<Parameter>> goals() {
        Map<String, List<Parameter>> goals = new LinkedHashMap<>();
        for (Element mojo : descriptor().select("mojos > mojo")) {
            List<Parameter> parameters = new ArrayList<>();
            for (Element parameter : mojo.select("parameters > parameter")) {
                String name = parameter.selectFirst("> name").text();
                Element configured = mojo.selectFirst("configuration > " + name);
                String property = null;
                String defaultValue = null;
                if (configured != null) {
                    Matcher whole = EXPRESSION.matcher(configured.text());
                    property = whole.matches() ? whole.group(1) : null;
                    defaultValue = configured.hasAttr("default-value") ? configured.attr("default-value") : null;
                }
                parameters.add(new Parameter(name, parameter.selectFirst("> type").text(),
                        parameter.selectFirst("> editable").text().equals("true"), property, defaultValue));
            }
            goals.put(mojo.selectFirst("> goal").text(), parameters);
        }
        return goals;
    }

    /** The -D properties {@code goal} reads. */
    static Set<String> properties(String goal) {
        Set<String> properties = new TreeSet<>();
        goals().get(goal).stream().filter(Parameter::editable).forEach(p -> properties.add(p.property()));
        return properties;
    }

    /**
     * A new instance of {@code goal} configured from {@code commandLine} ({@code -Dname=value}) for
     * a project in {@code basedir}, logging to a list of warnings.
     */
    @SuppressWarnings("unchecked")
    static <T extends Mojo> Configured<T> configure(String goal, Path basedir, Map<String, String> commandLine) {
        Element mojo = descriptor().select("mojos > mojo").stream()
                .filter(m -> m.selectFirst("> goal").text().equals(goal)).findFirst().orElseThrow();
        Properties userProperties = new Properties();
        userProperties.putAll(commandLine);
        try {
            T instance = (T) Class.forName(mojo.selectFirst("> implementation").text()).getConstructor()
                    .newInstance();
            List<String> warnings = new ArrayList<>();
            instance.setLog(new SystemStreamLog() {
                @Override
                public void warn(CharSequence content) {
                    warnings.add(content.toString());
                }
            });
            for (Parameter parameter : goals().get(goal)) {
                Object value = null;
                if (parameter.property() != null && commandLine.containsKey(parameter.property())) {
                    value = commandLine.get(parameter.property());
                } else if (parameter.defaultValue() != null) {
                    value = evaluate(parameter.defaultValue(), basedir, userProperties);
                }
                if (value != null) {
                    set(instance, parameter.name(), convert(value, parameter.type(), basedir));
                }
            }
            return new Configured<>(instance, warnings);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot configure " + goal, e);
        }
    }

    /**
     * {@link #configure} with a command line that must give every property the goal reads, so that
     * a parameter added to the goal without a test of where it goes fails the goal's test.
     */
    static <T extends Mojo> Configured<T> configureEvery(String goal, Path basedir, Map<String, String> commandLine) {
        assertThat(commandLine.keySet()).as("every property %s reads is given", goal).isEqualTo(properties(goal));
        return configure(goal, basedir, commandLine);
    }

    /** Maven's values for the expressions the goals' defaults use; anything else is a property. */
    private static Object evaluate(String text, Path basedir, Properties userProperties) {
        Map<String, Object> maven = Map.of("basedir", basedir.toString(), "project.build.directory",
                basedir.resolve("target").toString(), "user.dir", basedir.toString(), "plugin.version",
                PLUGIN_VERSION, "session.userProperties", userProperties);
        Matcher whole = EXPRESSION.matcher(text);
        if (whole.matches()) {
            String name = whole.group(1);
            return maven.containsKey(name) ? maven.get(name) : userProperties.getProperty(name);
        }
        return EXPRESSION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(String.valueOf(
                maven.getOrDefault(m.group(1), userProperties.getProperty(m.group(1), "")))));
    }

    private static Object convert(Object value, String type, Path basedir) {
        if (!(value instanceof String text)) {
            return value;
        }
        return switch (type) {
            case "java.lang.String" -> text;
            // Maven resolves a relative File parameter against the project folder.
            case "java.io.File" -> basedir.resolve(text).toFile();
            case "boolean", "java.lang.Boolean" -> Boolean.valueOf(text);
            case "int", "java.lang.Integer" -> Integer.valueOf(text);
            default -> throw new AssertionError("no conversion to " + type + " in this test harness");
        };
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name + " in " + target.getClass());
    }

}
