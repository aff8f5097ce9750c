package io.github.broadside.quality.standin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a form provider: a JDK {@link HttpServer} on 127.0.0.1 and a free port that
 * enforces one provider's documented contract (see {@code docs/form-providers.md}, "What the
 * stand-ins enforce") and answers as the provider does. Every request that breaks the contract is
 * answered with the provider's error and kept in {@link #violations()}; every accepted one is kept
 * in {@link #accepted()}, as the provider would store it, so a test can check that the signature
 * arrived and names its campaign, action, language and source.
 */
public abstract class StandIn implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<Submission> accepted = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    protected StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException e) {
                violations.add("the stand-in failed: " + e);
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.setExecutor(workers);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The submissions the provider would have stored, in arrival order. */
    public List<Submission> accepted() {
        return List.copyOf(accepted);
    }

    /** What broke the contract, one line per refused request. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Forgets what was received (between the cases of one test). */
    public void clear() {
        accepted.clear();
        violations.clear();
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    protected void accept(Submission submission) {
        accepted.add(submission);
    }

    /** Records a violation of the contract; the caller then answers with the provider's error. */
    protected void violation(String what) {
        violations.add(what);
    }

    protected static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readNBytes(256 * 1024), StandardCharsets.UTF_8);
    }

    protected static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    protected static boolean isUrlencoded(HttpExchange exchange) {
        return header(exchange, "Content-Type").startsWith("application/x-www-form-urlencoded");
    }

    /** An {@code application/x-www-form-urlencoded} body as name to value (the last of repeated names). */
    protected static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * A JSON object flattened to JSON pointer → text ({@code /person/email_addresses/0/address}); a
     * body that is not a JSON object gives an empty map.
     */
    protected static Map<String, String> json(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            List<String> path = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            path.add("");
            index.add(-1);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int top = path.size() - 1;
                if (token == JsonToken.FIELD_NAME) {
                    path.set(top, parser.currentName());
                    continue;
                }
                if (index.get(top) >= 0 && token != JsonToken.END_ARRAY) {
                    index.set(top, index.get(top) + 1);
                    path.set(top, String.valueOf(index.get(top) - 1));
                }
                switch (token) {
                    case START_OBJECT -> {
                        path.add("");
                        index.add(-1);
                    }
                    case START_ARRAY -> {
                        path.add("");
                        index.add(0);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.remove(path.size() - 1);
                        index.remove(index.size() - 1);
                    }
                    default -> out.put("/" + String.join("/", path), parser.getText());
                }
            }
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }

    protected static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    protected static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    /** CORS headers that let any page read the answer (what Formspree and Action Network send). */
    protected static void allowAnyOrigin(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, OPTIONS");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Accept");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
