package io.github.broadside.quality.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Netlify as the host of a built site, with Netlify Forms: GET serves the site's files; at "deploy"
 * ({@link #deploy()}) it finds the forms marked {@code data-netlify="true"} (or {@code netlify}) in
 * the HTML and registers each by its {@code name}, with the names of its inputs and its honeypot
 * ({@code data-netlify-honeypot} or {@code netlify-honeypot}). A POST to any path of the site must
 * be urlencoded and carry a registered {@code form-name}, else 404; a filled honeypot is spam
 * (answered, not stored); only registered fields are stored. A plain post is sent on to the path it
 * was posted to (the form's action, the thank-you page) with a 303; the script's post gets the same.
 */
public final class NetlifyStandIn extends StandIn {
    private final Path root;
    private final Map<String, Set<String>> forms = new HashMap<>();
    private final Map<String, String> honeypots = new HashMap<>();

    public NetlifyStandIn(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Finds and registers the site's forms, as Netlify does when a deploy is processed. */
    public NetlifyStandIn deploy() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                for (Element form : Jsoup.parse(file.toFile(), "UTF-8").select("form[data-netlify=true], form[netlify]")) {
                    Set<String> names = forms.computeIfAbsent(form.attr("name"), k -> new LinkedHashSet<>());
                    form.select("[name]").forEach(e -> names.add(e.attr("name")));
                    String honeypot = form.hasAttr("data-netlify-honeypot") ? form.attr("data-netlify-honeypot")
                            : form.attr("netlify-honeypot");
                    if (!honeypot.isEmpty()) {
                        honeypots.put(form.attr("name"), honeypot);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The form names found at deploy. */
    public Set<String> formNames() {
        return Set.copyOf(forms.keySet());
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("POST")) {
            submit(exchange, path);
            return;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (file.startsWith(root) && Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/html; charset=utf-8", "<p>Page not found</p>");
            return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css"
                : name.endsWith(".js") ? "text/javascript" : name.endsWith(".json") ? "application/json"
                : "application/octet-stream";
        byte[] bytes = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void submit(HttpExchange exchange, String path) throws IOException {
        if (!isUrlencoded(exchange)) {
            violation("Content-Type " + header(exchange, "Content-Type") + ": Netlify Forms takes urlencoded posts");
            send(exchange, 400, "text/html; charset=utf-8", "<p>Bad request</p>");
            return;
        }
        Map<String, String> fields = form(body(exchange));
        String formName = fields.getOrDefault("form-name", "");
        Set<String> registered = forms.get(formName);
        if (registered == null) {
            violation("form-name '" + formName + "' was not found at deploy (forms: " + forms.keySet() + ")");
            send(exchange, 404, "text/html; charset=utf-8", "<p>Page not found</p>");
            return;
        }
        String honeypot = honeypots.get(formName);
        if (honeypot == null || fields.getOrDefault(honeypot, "").isEmpty()) {
            Map<String, String> stored = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                if (registered.contains(k) && !k.equals("form-name") && !k.equals(honeypot)) {
                    stored.put(k, v);
                }
            });
            accept(new Submission(formName, stored, stored.getOrDefault("campaign", ""),
                    stored.getOrDefault("action_id", ""), stored.getOrDefault("language", ""),
                    stored.getOrDefault("source", "")));
        }
        redirect(exchange, 303, path);
    }
}
