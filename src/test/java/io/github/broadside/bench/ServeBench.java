package io.github.broadside.bench;

import io.github.broadside.BuildOptions;
import io.github.broadside.serve.DevServer;
import io.github.broadside.serve.ServeLog;
import io.github.broadside.serve.ServeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times what an author waits for in {@code serve}: from saving an edited campaign file to the
 * server answering with the new text for that page. Starts the dev server on a free loopback port,
 * edits one page's body {@code edits} times (waiting for each to show), and prints the start-up
 * time, every latency and the rebuild lines the server logged, as {@code key=value} pairs.
 *
 * <p>Usage: {@code ServeBench <project-dir> <theme-dir> <edits>}.
 */
public final class ServeBench {
    private ServeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath();
        Path theme = Path.of(args[1]).toAbsolutePath();
        int edits = Integer.parseInt(args[2]);
        BuildOptions build = BuildOptions.builder(project).theme(theme).build();
        List<String> rebuilds = Collections.synchronizedList(new ArrayList<>());
        ServeLog log = new ServeLog() {
            @Override
            public void info(String line) {
                if (line.startsWith("Changed") || line.startsWith("Built")) {
                    rebuilds.add(line);
                }
            }

            @Override
            public void warn(String line) {
                // warnings of the corpus are not what is measured
            }

            @Override
            public void error(String line) {
                System.err.println(line);
            }
        };
        Path source = project.resolve("content/en/" + CorpusGenerator.slug(0) + ".md");
        String original = Files.readString(source, StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        List<Long> latencies = new ArrayList<>();
        try (DevServer server = DevServer.start(ServeOptions.defaults(build).withPort(0), log)) {
            long startup = (System.nanoTime() - start) / 1_000_000;
            URI page = server.address().resolve("/" + CorpusGenerator.slug(0) + "/");
            for (int i = 0; i < edits; i++) {
                Thread.sleep(300); // let the watcher settle, as between an author's saves
                String marker = "Edited" + i + "x" + Long.toString(System.nanoTime(), 36);
                String edited = original.replaceFirst("\n## ", "\n## " + marker + " ");
                long t = System.nanoTime();
                Files.writeString(source, edited, StandardCharsets.UTF_8);
                while (true) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(page).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.body().contains(marker)) {
                        break;
                    }
                    if (System.nanoTime() - t > 120_000_000_000L) {
                        throw new IllegalStateException("the edit did not show within two minutes");
                    }
                    Thread.sleep(2);
                }
                latencies.add((System.nanoTime() - t) / 1_000_000);
            }
            System.out.printf(Locale.ROOT, "serve_startup_ms=%d edit_visible_ms=%s%n", startup, latencies);
            rebuilds.forEach(line -> System.out.println("log: " + line));
        } finally {
            Files.writeString(source, original, StandardCharsets.UTF_8);
        }
    }
}
