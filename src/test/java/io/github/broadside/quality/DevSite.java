package io.github.broadside.quality;

import io.github.broadside.BuildOptions;
import io.github.broadside.publish.SiteWriter;
import io.github.broadside.serve.DevServer;
import io.github.broadside.serve.ServeLog;
import io.github.broadside.serve.ServeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own dev server ({@code broadside:serve}) over the sample content, on 127.0.0.1 and a
 * free port, building into a temporary folder and writing form submissions to a temporary file: the
 * real local form sink the sample's {@code local} provider posts to.
 */
public final class DevSite implements LiveSite, AutoCloseable {
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    private final DevServer server;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DevSite(DevServer server, Path work) {
        this.server = server;
        this.work = work;
    }

    /** Builds the sample site and starts serving it. */
    public static DevSite start() {
        try {
            Path work = Files.createTempDirectory("broadside-serve-");
            ServeOptions options = new ServeOptions(BuildOptions.defaults(SampleSite.projectDir()), "127.0.0.1", 0,
                    work.resolve("site"), work.resolve("submissions.jsonl"));
            DevServer server = DevServer.start(options, new QuietLog());
            return new DevSite(server, work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String origin() {
        String address = server.address().toString();
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }

    @Override
    public String url(String path) {
        return origin() + path;
    }

    @Override
    public int count(String campaignId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/_broadside/count/" + campaignId)))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = COUNT.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new AssertionError("the sink's count for " + campaignId + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try {
            SiteWriter.deleteTree(work);
        } catch (IOException ignored) {
            // a temporary folder: best effort
        }
    }

    /** The server's log lines are of no interest to the tests; problems show in the pages. */
    private static final class QuietLog implements ServeLog {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }

        @Override
        public void error(String line) {
            System.err.println("serve: " + line);
        }
    }
}
