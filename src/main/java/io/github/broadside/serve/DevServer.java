package io.github.broadside.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.broadside.incremental.IncrementalBuild;
import io.github.broadside.problem.Problem;
import io.github.broadside.site.Site;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code broadside:serve}: builds the site into its own folder, serves it on the loopback address,
 * watches the content and the theme, rebuilds only what a change affects, and tells open pages to
 * reload. Drafts are shown. A build error never stops the server: pages show the problems until the
 * file is fixed. Also hosts the local form sink (see {@link FormSink}).
 *
 * <p>Start with {@link #start}; {@link #close()} stops everything (the Maven goal calls it from a
 * shutdown hook on Ctrl+C).
 */
public final class DevServer implements AutoCloseable {
    static final String INTERNAL = "/_broadside/";
    /** What live reload sends when every open page should reload. */
    private static final String ALL = Responses.jsonText(Map.of("all", true));
    /**
     * How long the watcher waits for more events before rebuilding. An editor's save (write, or temp
     * file + rename + touch) raises its events within a few milliseconds, so this still makes one
     * rebuild of it, while adding little to what an author waits for.
     */
    private static final Duration QUIET = Duration.ofMillis(25);
    private static final Duration LONGEST = Duration.ofMillis(800);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final ServeOptions options;
    private final ServeLog log;
    private final IncrementalBuild build;
    private final SiteFolder folder;
    private final HttpServer http;
    private final ExecutorService pool;
    private final LiveReload reload;
    private final FormSink sink;
    private final SourceWatcher watcher;
    private final URI address;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closed;

    private DevServer(ServeOptions options, ServeLog log, HttpServer http) throws IOException {
        this.options = options;
        this.log = ServeLog.escaping(log);
        this.http = http;
        InetSocketAddress bound = http.getAddress();
        String host = bound.getAddress().getHostAddress();
        host = host.contains(":") ? "[" + host + "]" : host;
        this.address = URI.create("http://" + host + ":" + bound.getPort() + "/");
        this.build = new IncrementalBuild(options.build().toBuilder().baseUrl(address.toString()).drafts(true).build());
        this.folder = new SiteFolder(options.siteDir());
        this.reload = new LiveReload(Long.toString(System.nanoTime(), 36), 0);
        this.sink = new FormSink(options.submissions(), this::isCampaign, this::translationGroup,
                Clock.systemUTC(), this.log);
        this.watcher = new SourceWatcher(QUIET, LONGEST, this::rebuild);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "broadside-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Binds the address, builds the whole site, starts serving and watching. Fails only when the
     * address cannot be bound or the folder cannot be written; content errors are shown in pages.
     */
    public static DevServer start(ServeOptions options, ServeLog log) throws IOException {
        // The JDK server sends a response's headers and body in two writes; with Nagle's algorithm
        // on, the body then waits for the browser's delayed ACK (40 ms on Linux) on every request of
        // a kept-alive connection. Read once, when the first server is made; a value set by the user wins.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        DevServer server;
        try {
            server = new DevServer(options, log, http);
            server.begin();
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e;
        }
        return server;
    }

    private void begin() throws IOException {
        folder.reset();
        IncrementalBuild.Update first = build.full();
        folder.apply(first);
        reload.reload(generation(), ALL);
        var files = http.createContext("/", new StaticFiles(folder.root(), this::problems));
        var internal = http.createContext(INTERNAL, this::internal);
        if (http.getAddress().getAddress().isLoopbackAddress()) {
            HostCheck hosts = new HostCheck(http.getAddress().getPort());
            files.getFilters().add(hosts);
            internal.getFilters().add(hosts);
        }
        http.setExecutor(pool);
        http.start();
        for (Path root : build.watchRoots()) {
            watcher.watch(root);
        }
        watcher.start();
        log.info("Built " + (first.changedPages().size()) + " pages and " + first.copies().size()
                + " files in " + first.millis() + " ms (drafts shown)");
        report(first.problems());
        log.info("Serving " + options.build().display(options.build().contentDir()) + " at " + address
                + "  (press Ctrl+C to stop)");
        log.info("Form submissions go to " + options.build().display(options.submissions()));
    }

    /** The address pages are served at, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        return address;
    }

    /** The folder the site is built into. */
    public Path siteFolder() {
        return folder.root();
    }

    /** Blocks until {@link #close()} was called. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private List<Problem> problems() {
        return build.snapshot().map(IncrementalBuild.Snapshot::problems).orElse(List.of());
    }

    private long generation() {
        return build.snapshot().map(IncrementalBuild.Snapshot::generation).orElse(0L);
    }

    /**
     * The translation group of campaign {@code id} in the current site, so that every language
     * version of a campaign shares one count; an id no page has is its own group.
     */
    private String translationGroup(String id) {
        String path = "/" + id + "/";
        return build.snapshot().map(IncrementalBuild.Snapshot::site).flatMap(s -> s.allPages().stream()
                .filter(c -> c.path().equals(path)).findFirst())
                .map(c -> "\u0000" + c.translation().key()).orElse(id);
    }

    private boolean isCampaign(String id) {
        Optional<Site> site = build.snapshot().map(IncrementalBuild.Snapshot::site);
        String path = "/" + id + "/";
        return site.map(s -> s.allPages().stream().anyMatch(c -> c.isCampaign() && c.path().equals(path)))
                .orElse(false);
    }

    private void internal(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals(INTERNAL + "events")) {
            reload.stream(exchange);
        } else if (path.equals(Overlay.SCRIPT)) {
            resource(exchange, "reload.js", "text/javascript; charset=utf-8");
        } else if (path.equals(Overlay.STYLE)) {
            resource(exchange, "overlay.css", "text/css; charset=utf-8");
        } else if (path.equals(Overlay.LIST)) {
            try (exchange) {
                Responses.send(exchange, 200, "text/html; charset=utf-8",
                        Overlay.listPage(problems()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } else if (path.startsWith(FormSink.SUBMIT)) {
            sink.submit(exchange);
        } else if (path.startsWith(FormSink.COUNT)) {
            sink.count(exchange);
        } else {
            try (exchange) {
                Responses.text(exchange, 404, "Not found\n");
            }
        }
    }

    private static void resource(HttpExchange exchange, String name, String type) throws IOException {
        try (exchange; InputStream in = DevServer.class.getResourceAsStream(name)) {
            if (in == null) {
                Responses.text(exchange, 404, "Not found\n");
                return;
            }
            Responses.send(exchange, 200, type, in.readAllBytes());
        }
    }

    /** Called by the watcher with a batch of changed paths. */
    private void rebuild(Set<Path> changed) {
        if (closed) {
            return;
        }
        try {
            IncrementalBuild.Update update = build.update(changed);
            if (update.changedSources().isEmpty()) {
                return;
            }
            folder.apply(update);
            for (Path root : build.watchRoots()) {
                watcher.watch(root);
            }
            boolean all = update.full() || !update.copies().isEmpty() || update.problemsChanged();
            reload.reload(generation(), all ? ALL : Responses.jsonText(Map.of("paths", update.changedPaths())));
            describe(update);
        } catch (IOException | RuntimeException e) {
            // A bug or a full disk must not end the preview: say so and wait for the next change.
            log.error("Rebuild failed: " + e);
        }
    }

    private void describe(IncrementalBuild.Update update) {
        String what = String.join(", ", update.changedSources());
        List<String> paths = update.changedPaths();
        String changedPages = paths.isEmpty() ? "none changed"
                : paths.size() + " changed" + (paths.size() <= 4 ? " (" + String.join(" ", paths) + ")" : "");
        String files = update.copies().isEmpty() ? "" : ", copied " + update.copies().size()
                + (update.copies().size() == 1 ? " file" : " files");
        int rendered = update.rendered().size();
        log.info("Changed " + what + ": rendered " + rendered + (rendered == 1 ? " page" : " pages")
                + (update.full() ? " (all)" : "") + ", " + changedPages + files + " in " + update.millis() + " ms");
        if (update.problemsChanged()) {
            report(update.problems());
            if (!update.hasErrors()) {
                log.info("Fixed: the build has no errors.");
            }
        }
    }

    private void report(List<Problem> problems) {
        for (Problem problem : problems) {
            if (problem.isError()) {
                log.error(problem.format());
            } else {
                log.warn(problem.format());
            }
        }
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            log.error(errors + (errors == 1 ? " error" : " errors")
                    + " (shown on every page until fixed; pages show the last version that built)");
        }
    }

    /** Stops watching, ends the live-reload streams, stops the server and closes the sink. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        reload.close();
        http.stop(0);
        pool.shutdownNow();
        try {
            sink.close();
        } catch (IOException e) {
            log.warn("Could not close " + options.submissions() + ": " + e.getMessage());
        }
        stopped.countDown();
    }
}
