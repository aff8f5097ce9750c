package io.github.broadside.quality;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A static file server for a built site on 127.0.0.1 and a free port, as a static host would serve
 * it: {@code /x/} answers with {@code x/index.html}, a missing file with {@code 404.html} and status 404,
 * and the headers of the site's {@code _headers} file (Netlify / Cloudflare Pages format) are sent,
 * so the browser enforces the site's own Content-Security-Policy. Only GET and HEAD; it knows nothing
 * of forms (the dev server's sink is tested separately).
 */
public final class StaticSiteServer implements ServedSite, AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("webmanifest", "application/manifest+json"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService workers;
    private final List<HeaderRule> headerRules;

    private StaticSiteServer(Path root, HttpServer server, ExecutorService workers) throws IOException {
        this.root = root;
        this.server = server;
        this.workers = workers;
        this.headerRules = HeaderRule.read(root.resolve("_headers"));
    }

    /** One block of a {@code _headers} file: a path (a trailing {@code *} matches any rest) and its headers. */
    private record HeaderRule(String pattern, List<Map.Entry<String, String>> headers) {
        static List<HeaderRule> read(Path file) throws IOException {
            List<HeaderRule> rules = new ArrayList<>();
            if (!Files.isRegularFile(file)) {
                return rules;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (!Character.isWhitespace(line.charAt(0))) {
                    rules.add(new HeaderRule(line.strip(), new ArrayList<>()));
                } else if (!rules.isEmpty() && line.contains(":")) {
                    int colon = line.indexOf(':');
                    rules.get(rules.size() - 1).headers().add(
                            Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
                }
            }
            return rules;
        }

        boolean matches(String path) {
            return pattern.endsWith("*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern);
        }
    }

    /** Serves {@code root} until {@link #close()}. */
    public static StaticSiteServer start(Path root) throws IOException {
        root = root.toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "static-site-server");
            t.setDaemon(true);
            return t;
        });
        StaticSiteServer site;
        try {
            site = new StaticSiteServer(root, server, workers);
        } catch (IOException e) {
            workers.shutdownNow();
            throw e;
        }
        server.createContext("/", site::handle);
        server.setExecutor(workers);
        server.start();
        return site;
    }

    @Override
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public String url(String path) {
        return origin() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            int status = 200;
            if (file.startsWith(root) && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                status = 404;
                file = root.resolve("404.html");
            }
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file)
                    : "not found".getBytes(StandardCharsets.UTF_8);
            for (HeaderRule rule : headerRules) {
                if (rule.matches(path)) {
                    rule.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
                }
            }
            exchange.getResponseHeaders().set("Content-Type", type(file));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
