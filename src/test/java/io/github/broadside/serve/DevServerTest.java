package io.github.broadside.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.BuildOptions;
import io.github.broadside.SampleProject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dev server on a free loopback port, over real HTTP. */
class DevServerTest {
    @TempDir
    Path dir;
    DevServer server;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        SampleProject.copyInto(dir);
        ServeOptions options = ServeOptions.defaults(BuildOptions.defaults(dir)).withPort(0);
        server = DevServer.start(options, new ServeLog() {
            @Override
            public void info(String line) {
                log.add("INFO " + line);
            }

            @Override
            public void warn(String line) {
                log.add("WARN " + line);
            }

            @Override
            public void error(String line) {
                log.add("ERROR " + line);
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.address().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the event stream and collects its events (event name + data) in a queue. */
    BlockingQueue<String> events() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = http.send(
                HttpRequest.newBuilder(server.address().resolve("/_broadside/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            StringBuilder event = new StringBuilder();
            try {
                response.body().forEach(line -> {
                    if (line.isEmpty()) {
                        events.add(event.toString());
                        event.setLength(0);
                    } else if (!line.startsWith(":")) {
                        event.append(line).append('\n');
                    }
                });
            } catch (RuntimeException e) {
                // stream closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        String hello = events.poll(5, TimeUnit.SECONDS);
        assertThat(hello).contains("event: hello");
        return events;
    }

    String nextReload(BlockingQueue<String> events, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            String event = events.poll(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (event == null || event.contains("event: reload")) {
                return event;
            }
        }
    }

    @Test
    void servesPagesWithTheReloadScriptAndNeverWritesSite() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        Document page = Jsoup.parse(home.body());
        assertThat(page.select("script[src=/_broadside/reload.js]")).hasSize(1);
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("#broadside-problems")).isEmpty();
        // The script is added on the way out only: the built file does not have it.
        assertThat(Files.readString(server.siteFolder().resolve("index.html"))).doesNotContain("reload.js");
        assertThat(dir.resolve("site")).doesNotExist();
        assertThat(server.siteFolder()).isEqualTo(dir.resolve("target/broadside/serve-site"));

        HttpResponse<String> css = get("/assets/style.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).doesNotContain("reload.js");

        HttpResponse<String> script = get("/_broadside/reload.js");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("EventSource");

        HttpResponse<String> noSlash = get("/stop-unjust-raids");
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(noSlash.headers().firstValue("Location")).hasValue("/stop-unjust-raids/");

        HttpResponse<String> missing = get("/no-such-page/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/_broadside/reload.js");

        assertThat(log).anyMatch(l -> l.contains("Serving") && l.contains(server.address().toString()));
    }

    @Test
    void responsesAreNotHeldBackByNaglesAlgorithm() {
        // Without TCP_NODELAY the JDK server's body waits for the browser's delayed ACK: +40 ms a page.
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }

    @Test
    void anEditRebuildsThePageAndSendsAReloadEventWithinOneSecond() throws Exception {
        // A campaign without translations, whose edit changes no other page and no warning.
        Path detention = dir.resolve("content/en/end-family-detention.md");
        Path otherPage = server.siteFolder().resolve("stop-unjust-raids/index.html");
        FileTime otherBefore = Files.getLastModifiedTime(otherPage);
        BlockingQueue<String> events = events();

        long start = System.nanoTime();
        Files.writeString(detention, Files.readString(detention).replace("The detention of families",
                "Only the detention of families"));
        String reload = nextReload(events, 1000);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reload).as("reload event within 1 s").isNotNull();
        assertThat(reload).contains("/end-family-detention/");
        assertThat(get("/end-family-detention/").body()).contains("Only the detention of families");
        // Only affected pages are written again.
        assertThat(Files.getLastModifiedTime(otherPage)).isEqualTo(otherBefore);
        assertThat(log).anyMatch(l -> l.contains("Changed content/en/end-family-detention.md") && l.contains(" ms"));
        Path figures = Path.of("target", "serve-latency.txt");
        Files.createDirectories(figures.getParent());
        Files.writeString(figures, "edit -> reload event: " + millis + " ms\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void aThemeYmlColourEditReachesTheServedStylesheetOnReload() throws Exception {
        Document home = Jsoup.parse(get("/").body());
        String style = home.select("link[rel=stylesheet]").attr("href");
        assertThat(style).contains("style");
        assertThat(get(style).body()).doesNotContain("--accent: #005ea5;");
        BlockingQueue<String> events = events();

        Path themeYml = dir.resolve("themes/default/theme.yml");
        Files.writeString(themeYml, Files.readString(themeYml) + "colors:\n  accent: \"#005ea5\"\n");
        assertThat(nextReload(events, 5000)).as("a reload after the theme.yml edit").isNotNull();
        String served = get(Jsoup.parse(get("/").body()).select("link[rel=stylesheet]").attr("href")).body();
        assertThat(served).contains(":root {", "--accent: #005ea5;");
        // the rule comes after the theme's own, so it wins
        assertThat(served.lastIndexOf("--accent: #005ea5;")).isGreaterThan(served.indexOf("--accent: #a3161a;"));
    }

    @Test
    void aBrokenEditKeepsServingAndShowsTheProblemUntilFixed() throws Exception {
        Path raids = dir.resolve("content/en/stop-unjust-raids.md");
        String good = Files.readString(raids);
        BlockingQueue<String> events = events();

        Files.writeString(raids, good.replace("status: active", "status: runing"));
        assertThat(nextReload(events, 5000)).contains("\"all\":true");
        HttpResponse<String> broken = get("/stop-unjust-raids/");
        assertThat(broken.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(broken.body());
        assertThat(page.select("h1").text()).isEqualTo("Stop Unjust Immigration Raids");
        assertThat(page.select("#broadside-problems li").text())
                .contains("content/en/stop-unjust-raids.md:5").contains("unknown status 'runing'");
        assertThat(Jsoup.parse(get("/privacy/").body()).select("#broadside-problems")).hasSize(1);
        assertThat(log).anyMatch(l -> l.startsWith("ERROR content/en/stop-unjust-raids.md:5"));

        Files.writeString(raids, good);
        assertThat(nextReload(events, 5000)).isNotNull();
        assertThat(Jsoup.parse(get("/stop-unjust-raids/").body()).select("#broadside-problems")).isEmpty();
    }

    /** Issue 13: a crafted value started a line with a GitHub Actions workflow command in the log. */
    @Test
    void aCraftedValueIsEscapedInTheLogAndTheProblemBar() throws Exception {
        Path raids = dir.resolve("content/en/stop-unjust-raids.md");
        BlockingQueue<String> events = events();
        Files.writeString(raids, Files.readString(raids).replace("status: active",
                "status: \"x\\n::warning file=x::pwned\\e[2J\\a\\L\\r\""));
        assertThat(nextReload(events, 5000)).isNotNull();
        long deadline = System.nanoTime() + 20_000_000_000L; // the event can come before the problem is logged
        while (log.stream().noneMatch(l -> l.startsWith("ERROR")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(log).anyMatch(l -> l.contains("x\\n::warning file=x::pwned\\u001b[2J\\u0007"));
        assertThat(String.join("\n", log).split("\\R")).noneMatch(l -> l.strip().startsWith("::"))
                .noneMatch(l -> l.chars().anyMatch(c -> c == 0x1b || c == 7 || c == 0x2028));
        String bar = Jsoup.parse(get("/privacy/").body()).select("#broadside-problems li").text();
        assertThat(bar).contains("x\\n::warning file=x::pwned\\u001b[2J\\u0007");
    }

    @Test
    void draftsAreServedAndNewFilesAppear() throws Exception {
        BlockingQueue<String> events = events();
        Files.writeString(dir.resolve("content/en/secret-plan.md"),
                "---\ntitle: \"Secret plan\"\ndate: 2024-01-01\ndraft: true\n---\n\nNot yet.\n");
        assertThat(nextReload(events, 5000)).contains("/secret-plan/");
        assertThat(get("/secret-plan/").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewLanguageFolderIsWatchedAndItsPagesServed() throws Exception {
        BlockingQueue<String> events = events();
        Path es = dir.resolve("content/es");
        Files.createDirectories(es);
        Files.writeString(es.resolve("alto.md"), "---\ntitle: \"Alto\"\ndate: 2024-01-01\n---\n\nUno.\n");
        assertThat(nextReload(events, 5000)).contains("/es/alto/");
        // The folder is watched from now on: an edit inside it is seen too.
        Thread.sleep(200);
        Files.writeString(es.resolve("alto.md"), "---\ntitle: \"Alto\"\ndate: 2024-01-01\n---\n\nDos.\n");
        String reload = nextReload(events, 5000);
        while (reload != null && !reload.contains("/es/alto/")) {
            reload = nextReload(events, 5000);
        }
        assertThat(reload).isNotNull();
        assertThat(get("/es/alto/").body()).contains("Dos.");
    }

    /** Sends a request line as it is, so no client library normalises the path first. */
    String raw(String target) throws IOException {
        try (Socket socket = new Socket(server.address().getHost(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../pom.xml", "/../content/site.yml", "/%2e%2e/content/site.yml", "/%2E%2E/%2E%2E/etc/passwd",
        "/assets/..%2f..%2fcontent%2fsite.yml", "/assets/%2e%2e/%2e%2e/content/site.yml",
        "/..%5ccontent%5csite.yml", "//etc/passwd", "/%2fetc/passwd",
        "/C:/Windows/win.ini", "/assets/./../../content/site.yml", "/%252e%252e/content/site.yml",
        "/assets/style.css%00.html", "/.%2e/content/site.yml"
    })
    void pathTraversalAttemptsGet404(String target) throws IOException {
        Files.writeString(dir.resolve("target/secret.txt"), "secret");
        String response = raw(target);
        assertThat(response).startsWith("HTTP/1.1 404").doesNotContain("Broadside sample campaigns\ndescription")
                .doesNotContain("root:");
    }

    @Test
    void requestsForAnotherHostNameAreRefused() throws IOException {
        // DNS rebinding: evil.example resolving to 127.0.0.1 must not read the preview.
        try (Socket socket = new Socket(server.address().getHost(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 421").doesNotContain("Broadside sample campaigns");
        }
        assertThat(raw("/")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aRawBackslashIsRefusedBeforeAnyFileIsLookedAt() throws IOException {
        // Not a valid URI: the JDK's HTTP server answers 400 itself.
        assertThat(raw("/..\\content\\site.yml")).startsWith("HTTP/1.1 400").doesNotContain("baseUrl");
    }

    @Test
    void aLinkOutOfTheFolderIsNotFollowed() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        try {
            Files.createSymbolicLink(server.siteFolder().resolve("leak.txt"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links on this file system
        }
        assertThat(raw("/leak.txt")).startsWith("HTTP/1.1 404").doesNotContain("secret");
    }

    @Test
    void closeStopsTheServer() throws Exception {
        URI address = server.address();
        server.close();
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
            // refused or reset: stopped
        }
    }
}
