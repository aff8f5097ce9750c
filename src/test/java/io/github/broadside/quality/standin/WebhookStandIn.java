package io.github.broadside.quality.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook of the organisation's own (an automation service, a small server) taking a JSON body:
 * POST with {@code Content-Type: application/json} after a CORS preflight, which it answers for any
 * origin; a body that is not a JSON object, or without {@code consent}, is a 400. Answers
 * {@code {"ok":true}}.
 */
public final class WebhookStandIn extends StandIn {
    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        allowAnyOrigin(exchange);
        String method = exchange.getRequestMethod();
        if (method.equals("OPTIONS")) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if (!method.equals("POST") || !header(exchange, "Content-Type").startsWith("application/json")) {
            violation(method + " with " + header(exchange, "Content-Type") + ": the webhook takes a JSON POST");
            send(exchange, 400, "application/json", "{\"ok\":false}");
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        json(body(exchange)).forEach((k, v) -> fields.put(k.substring(1), v));
        if (fields.isEmpty() || !fields.containsKey("consent")) {
            violation("the body is not a JSON object with consent: " + fields);
            send(exchange, 400, "application/json", "{\"ok\":false}");
            return;
        }
        accept(new Submission(exchange.getRequestURI().getPath(), fields, fields.getOrDefault("campaign", ""),
                fields.getOrDefault("action_id", ""), fields.getOrDefault("language", ""),
                fields.getOrDefault("source", "")));
        send(exchange, 200, "application/json", "{\"ok\":true}");
    }
}
