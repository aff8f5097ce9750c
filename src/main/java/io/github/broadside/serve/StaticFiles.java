package io.github.broadside.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.broadside.problem.Problem;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves the files of serve's folder: {@code index.html} for folder addresses, a redirect from
 * {@code /slug} to {@code /slug/}, the content type from the file name, and the live-reload script
 * (plus the problems panel) added to HTML on the way out.
 *
 * <p>Nothing outside the folder is ever served: the path is decoded once, and any request with an
 * encoded slash or backslash, a {@code .} or {@code ..} segment, an empty segment, a NUL, a
 * backslash or a colon, or one that resolves (through links too) outside the folder gets a 404.
 */
final class StaticFiles implements HttpHandler {
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("xml", "application/xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ics", "text/calendar; charset=utf-8"),
            Map.entry("vcf", "text/vcard; charset=utf-8"),
            Map.entry("gz", "application/gzip"),
            Map.entry("br", "application/octet-stream"));

    private final Path root;
    private final Supplier<List<Problem>> problems;

    StaticFiles(Path root, Supplier<List<Problem>> problems) {
        this.root = root.toAbsolutePath().normalize();
        this.problems = problems;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Responses.text(exchange, 405, "Only GET and HEAD are served here.\n");
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            Optional<Path> file = resolve(raw);
            if (file.isPresent() && Files.isDirectory(file.get())) {
                if (!raw.endsWith("/")) {
                    String query = exchange.getRequestURI().getRawQuery();
                    exchange.getResponseHeaders().set("Location", raw + "/" + (query == null ? "" : "?" + query));
                    Responses.send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = Optional.of(file.get().resolve("index.html")).filter(Files::isRegularFile);
            }
            if (file.isEmpty() || !Files.isRegularFile(file.get())) {
                notFound(exchange, raw);
                return;
            }
            String type = typeOf(file.get());
            byte[] body = Files.readAllBytes(file.get());
            if (type.startsWith("text/html")) {
                body = Overlay.inject(new String(body, StandardCharsets.UTF_8), problems.get())
                        .getBytes(StandardCharsets.UTF_8);
            }
            Responses.send(exchange, 200, type, body);
        }
    }

    private void notFound(HttpExchange exchange, String raw) throws IOException {
        Path custom = root.resolve("404.html");
        String html = Files.isRegularFile(custom) ? Files.readString(custom, StandardCharsets.UTF_8)
                : Overlay.notFound(raw);
        Responses.send(exchange, 404, "text/html; charset=utf-8",
                Overlay.inject(html, problems.get()).getBytes(StandardCharsets.UTF_8));
    }

    /** The file or folder a request path names, or empty when it is not safely inside the folder. */
    Optional<Path> resolve(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            return Optional.empty();
        }
        String path;
        try {
            // In a path '+' is a plus sign, not a space as in a query string.
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.indexOf(':') >= 0) {
            return Optional.empty();
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        Path resolved = root.resolve(path.substring(1)).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (!resolved.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    static String typeOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
