package io.github.broadside.quality.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Formspree ({@code https://formspree.io/f/<id>}) as its documentation describes it: POST of an
 * urlencoded or JSON body; {@code _gotcha} filled in is spam (answered, not stored); with
 * {@code Accept: application/json} (AJAX) the answer is JSON {@code {"ok":true,"next":...}} readable
 * from any origin, and a rejected field is a 422 with {@code errors[].field/code/message}; a plain post
 * is redirected to {@code _next}, which must be an absolute URL. Its email check is stricter than a
 * browser's ({@code name@localhost} passes {@code type=email} but not Formspree).
 */
public final class FormspreeStandIn extends StandIn {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PATH = Pattern.compile("/f/[A-Za-z0-9]{4,32}");

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        allowAnyOrigin(exchange);
        String method = exchange.getRequestMethod();
        if (method.equals("OPTIONS")) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        boolean ajax = header(exchange, "Accept").contains("application/json");
        if (!method.equals("POST") || !PATH.matcher(path).matches()) {
            violation(method + " " + path + ": Formspree takes POST /f/<form id>");
            send(exchange, 404, "application/json", "{\"error\":\"Form not found\"}");
            return;
        }
        String body = body(exchange);
        Map<String, String> fields;
        if (isUrlencoded(exchange)) {
            fields = form(body);
        } else if (header(exchange, "Content-Type").startsWith("application/json")) {
            fields = new LinkedHashMap<>();
            json(body).forEach((k, v) -> fields.put(k.substring(1), v));
        } else {
            violation("Content-Type " + header(exchange, "Content-Type") + ": Formspree takes urlencoded or JSON");
            send(exchange, 400, "application/json", "{\"error\":\"Unsupported content type\"}");
            return;
        }
        String email = fields.getOrDefault("email", "");
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            // not a violation of the contract: Formspree's own answer, which the page must show at the field
            send(exchange, 422, "application/json", "{\"error\":\"Validation errors\",\"errors\":[{\"field\":\"email\","
                    + "\"code\":\"TYPE_EMAIL\",\"message\":\"should be an email\"}]}");
            return;
        }
        String next = fields.getOrDefault("_next", "");
        if (!next.isEmpty() && !next.matches("https?://.+")) {
            violation("_next '" + next + "' is not an absolute URL");
        }
        if (fields.getOrDefault("_gotcha", "").isEmpty()) {
            Map<String, String> stored = new LinkedHashMap<>();
            fields.forEach((k, v) -> {
                if (!k.startsWith("_")) {
                    stored.put(k, v);
                }
            });
            accept(new Submission(path, stored, stored.getOrDefault("campaign", ""), stored.getOrDefault("action_id", ""),
                    stored.getOrDefault("language", ""), stored.getOrDefault("source", "")));
        }
        if (ajax) {
            send(exchange, 200, "application/json", "{\"next\":\"" + next.replace("\"", "") + "\",\"ok\":true}");
        } else {
            redirect(exchange, 302, next.isEmpty() ? "https://formspree.io/thanks" : next);
        }
    }
}
