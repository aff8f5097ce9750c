package io.github.broadside.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.broadside.BuildOptions;
import io.github.broadside.SampleProject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local form sink behind serve, over real HTTP. */
class FormSinkTest {
    @TempDir
    Path dir;
    DevServer server;
    Path submissions;
    List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        SampleProject.copyInto(dir);
        ServeOptions options = ServeOptions.defaults(BuildOptions.defaults(dir)).withPort(0);
        submissions = options.submissions();
        server = DevServer.start(options, new ServeLog() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
                warnings.add(line);
            }

            @Override
            public void error(String line) {
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String campaign, String type, String body, boolean json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.address().resolve("/_broadside/submit/" + campaign))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (json) {
            request.header("Accept", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static Map<String, Object> parse(String line) throws IOException {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> fields = new HashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        fields.put(field, parser.getText());
                    }
                    out.put(name, fields);
                } else {
                    out.put(name, parser.getText());
                }
            }
            assertThat(parser.nextToken()).isNull();
        }
        return out;
    }

    @Test
    void aPlainFormPostIsStoredAndRedirectedToTheThanksPage() throws Exception {
        HttpResponse<String> response = post("stop-unjust-raids", "application/x-www-form-urlencoded",
                form(Map.of("name", "Ana María", "email", "ana@example.org", "_next", "https://evil.example/")), false);
        assertThat(response.statusCode()).isEqualTo(303);
        // An address on another site is never followed: open redirects help phishing.
        assertThat(response.headers().firstValue("Location")).hasValue("/stop-unjust-raids/thanks/");
        List<String> lines = Files.readAllLines(submissions);
        assertThat(lines).hasSize(1);
        Map<String, Object> record = parse(lines.get(0));
        assertThat(record).containsEntry("campaign", "stop-unjust-raids")
                .containsEntry("fields", Map.of("name", "Ana María", "email", "ana@example.org"));
        assertThat(record.get("received").toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void aFilledHoneypotIsAnsweredButNotStored() throws Exception {
        HttpResponse<String> bot = post("stop-unjust-raids", "application/x-www-form-urlencoded",
                "name=Bot&_gotcha=http%3A%2F%2Fspam.example&_form=stop-unjust-raids-letter", true);
        assertThat(bot.statusCode()).isEqualTo(200);
        assertThat(bot.body()).isEqualTo("{\"ok\":true,\"count\":0}");
        assertThat(submissions).doesNotExist();
        post("stop-unjust-raids", "application/x-www-form-urlencoded", "name=Ana&_gotcha=&_form=x", true);
        assertThat(Files.readAllLines(submissions)).singleElement().asString()
                .contains("\"name\":\"Ana\"").doesNotContain("_form", "_gotcha");
    }

    @Test
    void nextOnThisSiteIsFollowed() throws Exception {
        HttpResponse<String> response = post("stop-unjust-raids", "application/x-www-form-urlencoded",
                "name=A&_next=%2Fprivacy%2F", false);
        assertThat(response.headers().firstValue("Location")).hasValue("/privacy/");
    }

    @Test
    void jsonPostsGetTheCountAndTheCountEndpointAgrees() throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = post("end-family-detention", "application/json; charset=utf-8",
                    "{\"name\":\"N" + i + "\",\"consent\":true,\"tags\":[\"a\",\"b\"]}", true);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"ok\":true,\"count\":" + i + "}");
        }
        post("stop-unjust-raids", "application/json", "{\"name\":\"other\"}", true);
        HttpResponse<String> count = http.send(HttpRequest.newBuilder(
                server.address().resolve("/_broadside/count/end-family-detention")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(count.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(count.body()).isEqualTo("{\"count\":3}");
        assertThat(Files.readAllLines(submissions).get(0)).contains("\"consent\":true", "\"tags\":[\"a\",\"b\"]");
    }

    @Test
    void oneCampaignCountsOnceAcrossItsLanguages() throws Exception {
        // The goal is shared by the English, Spanish and Arabic versions: so is the count.
        post("stop-unjust-raids", "application/json", "{\"name\":\"en\"}", true);
        post("es/alto-a-las-redadas-injustas", "application/json", "{\"name\":\"es\"}", true);
        HttpResponse<String> third = post("ar/stop-unjust-raids", "application/json", "{\"name\":\"ar\"}", true);
        assertThat(third.body()).isEqualTo("{\"ok\":true,\"count\":3}");
        post("end-family-detention", "application/json", "{\"name\":\"other\"}", true);
        for (String id : List.of("stop-unjust-raids", "es/alto-a-las-redadas-injustas", "ar/stop-unjust-raids")) {
            HttpResponse<String> count = http.send(HttpRequest.newBuilder(
                    server.address().resolve("/_broadside/count/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(count.body()).as(id).isEqualTo("{\"count\":3}");
        }
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(
                server.address().resolve("/_broadside/count/end-family-detention")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.body()).isEqualTo("{\"count\":1}");
        // Each line still says which language version was signed.
        assertThat(Files.readAllLines(submissions)).extracting(l -> parse(l).get("campaign")).containsExactly(
                "stop-unjust-raids", "es/alto-a-las-redadas-injustas", "ar/stop-unjust-raids", "end-family-detention");
    }

    @Test
    void theCountFollowsTheFileWhenItIsDeleted() throws Exception {
        post("stop-unjust-raids", "application/json", "{\"name\":\"x\"}", true);
        Files.delete(submissions);
        HttpResponse<String> count = http.send(HttpRequest.newBuilder(
                server.address().resolve("/_broadside/count/stop-unjust-raids")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(count.body()).isEqualTo("{\"count\":0}");
        assertThat(post("stop-unjust-raids", "application/json", "{\"name\":\"y\"}", true).body())
                .isEqualTo("{\"ok\":true,\"count\":1}");
        assertThat(Files.readAllLines(submissions)).hasSize(1);
    }

    @Test
    void twoHundredConcurrentPostsGiveTwoHundredIntactLines() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Callable<Integer>> posts = new ArrayList<>();
        String filler = "x".repeat(2000); // long lines make interleaving visible if writes were not serialised
        for (int i = 0; i < 200; i++) {
            int n = i;
            posts.add(() -> n % 2 == 0
                    ? post("stop-unjust-raids", "application/x-www-form-urlencoded",
                            form(Map.of("name", "signer " + n, "note", filler)), false).statusCode()
                    : post("stop-unjust-raids", "application/json",
                            "{\"name\":\"signer " + n + "\",\"note\":\"" + filler + "\"}", true).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : pool.invokeAll(posts)) {
            statuses.add(future.get());
        }
        pool.shutdown();
        assertThat(statuses).hasSize(200).allMatch(s -> s == 303 || s == 200);
        List<String> lines = Files.readAllLines(submissions);
        assertThat(lines).hasSize(200);
        Set<String> names = new HashSet<>();
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) parse(line).get("fields");
            assertThat(fields.get("note")).isEqualTo(filler);
            names.add(fields.get("name"));
        }
        assertThat(names).hasSize(200);
        assertThat(http.send(HttpRequest.newBuilder(server.address().resolve("/_broadside/count/stop-unjust-raids"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"count\":200}");
    }

    @Test
    void badSubmissionsAreRefusedAndNothingIsStored() throws Exception {
        assertThat(post("stop-unjust-raids", "application/json", "{\"name\": ", true).statusCode()).isEqualTo(400);
        assertThat(post("stop-unjust-raids", "application/json", "[1,2]", true).statusCode()).isEqualTo(400);
        assertThat(post("stop-unjust-raids", "application/json", "{\"a\":{\"b\":1}}", true).statusCode())
                .isEqualTo(400);
        assertThat(post("stop-unjust-raids", "application/json", "{\"a\":1,\"a\":2}", true).statusCode())
                .isEqualTo(400);
        assertThat(post("stop-unjust-raids", "application/json", "{\"a\":1} {}", true).statusCode()).isEqualTo(400);
        assertThat(post("stop-unjust-raids", "application/x-www-form-urlencoded", "name=%zz", false).statusCode())
                .isEqualTo(400);
        assertThat(post("stop-unjust-raids", "application/x-www-form-urlencoded", "_next=%2F", false).statusCode())
                .isEqualTo(400);
        assertThat(post("stop-unjust-raids", "text/plain", "name=a", false).statusCode()).isEqualTo(415);
        assertThat(post("stop-unjust-raids", "application/x-www-form-urlencoded; charset=iso-8859-1", "name=a",
                false).statusCode()).isEqualTo(415);
        HttpResponse<String> big = post("stop-unjust-raids", "application/x-www-form-urlencoded",
                "name=" + "a".repeat(FormSink.MAX_BODY), true);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("\"ok\":false");
        assertThat(post("no-such-campaign", "application/json", "{\"name\":\"a\"}", true).statusCode())
                .isEqualTo(404);
        assertThat(post("privacy", "application/json", "{\"name\":\"a\"}", true).statusCode())
                .as("a plain page has no form").isEqualTo(404);
        assertThat(post("..%2F..%2Fetc", "application/json", "{\"name\":\"a\"}", true).statusCode())
                .isEqualTo(404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(
                server.address().resolve("/_broadside/submit/stop-unjust-raids")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(submissions).doesNotExist();
    }

    HttpResponse<String> postWith(String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.address().resolve("/_broadside/submit/stop-unjust-raids"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org&name=A"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Issue 13: any page the author visited could post here (cross-site request forgery). */
    @Test
    void postsFromOtherSitesAreRefused() throws Exception {
        HttpResponse<String> foreign = postWith("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("only from the pages serve sends", "https://evil.example");
        assertThat(postWith("Origin", "https://evil.example").statusCode()).as("Origin alone").isEqualTo(403);
        assertThat(postWith("Origin", "null").statusCode()).as("a sandboxed or file: page").isEqualTo(403);
        assertThat(postWith("Sec-Fetch-Site", "cross-site").statusCode()).as("no Origin, cross-site").isEqualTo(403);
        assertThat(postWith("Sec-Fetch-Site", "same-site").statusCode()).as("another port of this host").isEqualTo(403);
        String own = "http://" + server.address().getAuthority();
        assertThat(postWith("Origin", own.replace("127.0.0.1", "localhost"), "Sec-Fetch-Site", "same-origin")
                .statusCode()).as("another origin in same-origin's clothes").isEqualTo(403);
        assertThat(Files.exists(submissions)).as("nothing stored").isFalse();
        assertThat(warnings).filteredOn(w -> w.contains("Refused a form post from https://evil.example")).hasSize(1);

        assertThat(postWith("Origin", own, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(303);
        assertThat(postWith("Sec-Fetch-Site", "none").statusCode()).as("typed into the address bar").isEqualTo(303);
        assertThat(postWith().statusCode()).as("a program, no browser headers").isEqualTo(303);
        assertThat(Files.readAllLines(submissions)).hasSize(3);
    }

    /** Issue 13: the submissions file grew without bound (+98 MiB in 20 s). */
    @Test
    void theSubmissionsFileStopsGrowingAtItsLimit() throws Exception {
        Files.createDirectories(submissions.getParent());
        String filler = "{\"campaign\":\"x\",\"fields\":{\"a\":\"" + "x".repeat(1000) + "\"}}\n";
        String lines = filler.repeat((int) (FormSink.MAX_FILE / filler.length()));
        Files.writeString(submissions, lines + "x".repeat((int) (FormSink.MAX_FILE - lines.length() - 20)) + "\n");
        long size = Files.size(submissions);
        HttpResponse<String> full = post("stop-unjust-raids", "application/x-www-form-urlencoded",
                "email=a%40example.org&name=A", true);
        assertThat(full.statusCode()).isEqualTo(507);
        assertThat(full.body()).contains("submissions.jsonl", "10 MiB", "delete it");
        assertThat(post("stop-unjust-raids", "application/x-www-form-urlencoded", "email=b%40example.org", false)
                .statusCode()).isEqualTo(507);
        assertThat(Files.size(submissions)).isEqualTo(size);
        assertThat(warnings).filteredOn(w -> w.contains("no longer stored")).singleElement()
                .satisfies(w -> assertThat(w).contains(submissions.getFileName().toString(), "10 MiB"));

        Files.delete(submissions);
        assertThat(post("stop-unjust-raids", "application/x-www-form-urlencoded", "email=a%40example.org", false)
                .statusCode()).as("a fresh start").isEqualTo(303);
    }
}
