package io.github.broadside.quality.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Google Form's {@code formResponse} address ({@code /forms/d/e/<id>/formResponse}): an urlencoded
 * POST of {@code entry.<number>} fields and no CORS headers at all, so a page's script can only send
 * in {@code no-cors} mode and never read the answer. A required question left out, or a checkbox
 * value that is not one of the question's option texts, is a 400 page; otherwise Google shows its
 * "Your response has been recorded" page. Which entries carry the campaign, action, language and
 * source is given by the test, as the site's {@code attribution:} maps them.
 *
 * @see Question
 */
public final class GoogleFormsStandIn extends StandIn {
    private static final Pattern PATH = Pattern.compile("/forms/d/e/[A-Za-z0-9_-]{20,}/formResponse");

    /** One question of the form: its entry, whether it is required, and a checkbox's option texts (else empty). */
    public record Question(String entry, boolean required, List<String> options) {
    }

    private final List<Question> questions;
    private final Map<String, String> attribution;

    /** @param attribution {@code campaign}, {@code action_id}, {@code language}, {@code source} to their entries */
    public GoogleFormsStandIn(List<Question> questions, Map<String, String> attribution) {
        this.questions = List.copyOf(questions);
        this.attribution = Map.copyOf(attribution);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/favicon.ico")) {
            send(exchange, 404, "text/plain", ""); // the browser asks on Google's confirmation page
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !PATH.matcher(path).matches()) {
            violation(exchange.getRequestMethod() + " " + path + ": Google Forms takes POST .../formResponse");
            send(exchange, 405, "text/html; charset=utf-8", "<p>Method not allowed</p>");
            return;
        }
        if (!isUrlencoded(exchange)) {
            violation("Content-Type " + header(exchange, "Content-Type") + ": formResponse takes urlencoded");
            send(exchange, 400, "text/html; charset=utf-8", "<p>Bad request</p>");
            return;
        }
        Map<String, String> fields = form(body(exchange));
        for (Question q : questions) {
            String value = fields.getOrDefault(q.entry(), "");
            if (q.required() && value.isBlank()) {
                violation("required question " + q.entry() + " has no answer");
                send(exchange, 400, "text/html; charset=utf-8", "<p>This is a required question</p>");
                return;
            }
            if (!value.isEmpty() && !q.options().isEmpty() && !q.options().contains(value)) {
                violation("'" + value + "' is not an option of " + q.entry());
                send(exchange, 400, "text/html; charset=utf-8", "<p>Bad request</p>");
                return;
            }
        }
        accept(new Submission(path, fields, fields.getOrDefault(attribution.get("campaign"), ""),
                fields.getOrDefault(attribution.get("action_id"), ""),
                fields.getOrDefault(attribution.get("language"), ""),
                fields.getOrDefault(attribution.get("source"), "")));
        send(exchange, 200, "text/html; charset=utf-8",
                "<!doctype html><title>Form</title><p class=\"recorded\">Your response has been recorded.</p>");
    }
}
