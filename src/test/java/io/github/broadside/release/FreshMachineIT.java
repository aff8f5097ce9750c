package io.github.broadside.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site made with {@code init} builds on a machine that has nothing but Java: the plugin this build
 * packaged is deployed as a release into a {@link StandInCentral stand-in for Maven Central}; on a
 * {@link FreshMachine} whose only remote is that stand-in, {@code scripts/broadside-init.sh} (the
 * documented way to start a site without Maven or a checkout) creates a site, and the site's own
 * README commands preview and build it.
 *
 * <p>Central has every third-party artifact; the stand-in gets the ones Maven asks for from this
 * build's local repository during a first, filling run on another fresh machine. The second run,
 * with the stand-in alone, is the proof. Runs in {@code verify} (failsafe), after the jar is packaged.
 */
class FreshMachineIT {
    private static final String TITLE = "Friends of the Library";

    @TempDir
    Path temp;

    @Test
    void aSiteMadeByInitBuildsWithItsReadmeCommandsOnAnEmptyMachine() throws Exception {
        Path jar = Path.of(property("broadside.it.pluginJar"));
        assertThat(jar).as("the packaged plugin (run this test with ./mvnw verify)").isRegularFile();
        Path localRepository = Path.of(property("broadside.it.localRepository"));
        String distribution = wrapperDistribution();
        assertThat(localRepository.resolve(distribution))
                .as("the Maven that mvnw downloads, resolved by pom.xml's 'wrapper-maven' execution: keep"
                        + " <wrapper.maven.version> equal to .mvn/wrapper/maven-wrapper.properties")
                .isRegularFile();
        try (StandInCentral central = StandInCentral.start(temp.resolve("central"))) {
            String release = PluginRelease.deploy(jar, Path.of("pom.xml"), property("broadside.it.version"),
                    central.root());

            // Filling: init resolves the plugin and all it needs (serve and build use the same); this
            // copies those files, and the Maven distribution the wrapper downloads, into the stand-in.
            central.fillFrom(localRepository);
            FreshMachine filling = new FreshMachine(temp.resolve("filling-home"), central.url());
            init(filling, Files.createDirectories(temp.resolve("filling-site")));
            central.fillFrom(null);

            FreshMachine fresh = new FreshMachine(temp.resolve("fresh-home"), central.url());
            makeAndBuildSite(fresh, release);
            // The plugin came from the stand-in, as users get it from Central.
            assertThat(fresh.localRepository().resolve(PluginRelease.GROUP_PATH).resolve(release)
                    .resolve("broadside-maven-plugin-" + release + ".jar")).isRegularFile();
            assertThat(central.missing()).as("files Maven asked the stand-in for and did not get")
                    .allMatch(path -> path.endsWith("maven-metadata.xml"));
        }
    }

    private static void init(FreshMachine machine, Path site) throws Exception {
        String script = Path.of("scripts/broadside-init.sh").toAbsolutePath().toString();
        machine.run(site, "sh '" + script + "' '-Dbroadside.title=" + TITLE + "'");
    }

    private void makeAndBuildSite(FreshMachine machine, String release) throws Exception {
        Path site = Files.createDirectories(temp.resolve("fresh-site/friends-of-the-library"));
        long start = System.nanoTime();
        init(machine, site);
        long initialized = System.nanoTime();

        assertThat(Files.readString(site.resolve("pom.xml")))
                .contains("<broadside.version>" + release + "</broadside.version>");
        List<String> commands = readmeCommands(site.resolve("README.md"));
        assertThat(commands).containsExactly("./mvnw broadside:serve", "./mvnw broadside:build");

        int port = freePort();
        machine.runUntil(site, commands.get(0) + " -Dbroadside.port=" + port, "Serving content at", () -> {
            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(home.body()).select("h1").text()).isEqualTo(TITLE);
        });

        long served = System.nanoTime();
        machine.run(site, commands.get(1));
        System.out.printf("FreshMachineIT: init %d ms, serve %d ms, build %d ms%n", (initialized - start) / 1_000_000,
                (served - initialized) / 1_000_000, (System.nanoTime() - served) / 1_000_000);
        Path index = site.resolve("site/index.html");
        assertThat(index).isRegularFile();
        assertThat(Jsoup.parse(index.toFile()).select("h1").text()).isEqualTo(TITLE);
        assertThat(site.resolve("site/our-first-petition/index.html")).isRegularFile();
    }

    /** The path of the wrapper's Maven distribution inside a repository, from the wrapper's properties. */
    private static String wrapperDistribution() throws IOException {
        Matcher url = Pattern.compile("(?m)^distributionUrl=.*/maven2/(\\S+)$")
                .matcher(Files.readString(Path.of(".mvn/wrapper/maven-wrapper.properties")));
        assertThat(url.find()).as("distributionUrl in .mvn/wrapper/maven-wrapper.properties").isTrue();
        return url.group(1);
    }

    /** The commands the README shows as indented code lines. */
    private static List<String> readmeCommands(Path readme) throws IOException {
        Matcher code = Pattern.compile("(?m)^ {4}(\\./mvnw .+)$").matcher(Files.readString(readme));
        return code.results().map(m -> m.group(1).strip()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the failsafe configuration in pom.xml)", name).isNotBlank();
        return value;
    }
}
