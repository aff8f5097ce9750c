package io.github.broadside.quality.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Action Network's record signature helper ({@code POST /api/v2/petitions/<id>/signatures}, or
 * {@code /forms/<id>/submissions}), used without an API key: a JSON body ({@code Content-Type:
 * application/json}, so the browser sends a CORS preflight, which it answers) in the OSDI shape, whose
 * {@code person} must have an email address or a phone number; the stand-in also holds the OSDI
 * formats Action Network stores: a postal address's {@code country} as ISO 3166-1 alpha-2, a phone
 * number as digits. {@code add_tags} is a list of texts; {@code referrer_data} carries {@code source}
 * and {@code website}. It answers 200 with JSON readable from any origin, 400 with
 * {@code {"error": ...}} otherwise.
 */
public final class ActionNetworkStandIn extends StandIn {
    private static final Pattern PATH = Pattern.compile("/api/v2/(petitions/[0-9a-f-]{36}/signatures|forms/[0-9a-f-]{36}/submissions)");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PHONE = Pattern.compile("[0-9]{6,15}");

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        allowAnyOrigin(exchange);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("OPTIONS")) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if (!method.equals("POST") || !PATH.matcher(path).matches()) {
            violation(method + " " + path + ": the helper takes POST /api/v2/petitions/<id>/signatures");
            send(exchange, 404, "application/json", "{\"error\":\"Not found\"}");
            return;
        }
        if (!header(exchange, "Content-Type").startsWith("application/json")) {
            reject(exchange, "Content-Type " + header(exchange, "Content-Type") + ": the helper takes JSON");
            return;
        }
        Map<String, String> body = json(body(exchange));
        String email = body.getOrDefault("/person/email_addresses/0/address", "");
        String phone = body.getOrDefault("/person/phone_numbers/0/number", "");
        if (email.isEmpty() && phone.isEmpty()) {
            reject(exchange, "the person has neither an email address nor a phone number");
            return;
        }
        String country = body.getOrDefault("/person/postal_addresses/0/country", "");
        if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
            reject(exchange, "country '" + country + "' is not an ISO 3166-1 alpha-2 code");
            return;
        }
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            reject(exchange, "phone number '" + phone + "' is not digits");
            return;
        }
        for (Map.Entry<String, String> e : body.entrySet()) {
            if (e.getKey().startsWith("/add_tags/") && !e.getKey().matches("/add_tags/[0-9]+")) {
                reject(exchange, "add_tags is not a list of texts");
                return;
            }
        }
        String website = body.getOrDefault("/referrer_data/website", "");
        String campaign = "";
        String action = "";
        for (Map.Entry<String, String> e : body.entrySet()) {
            if (e.getKey().startsWith("/add_tags/") && e.getValue().contains(":")) {
                campaign = e.getValue().substring(0, e.getValue().lastIndexOf(':'));
                action = e.getValue().substring(e.getValue().lastIndexOf(':') + 1);
            }
        }
        if (!website.isEmpty() && URI.create(website).getFragment() == null) {
            violation("referrer_data.website '" + website + "' does not name the action on its page");
        }
        accept(new Submission(path, body, campaign, action, body.getOrDefault("/person/languages_spoken/0", ""),
                body.getOrDefault("/referrer_data/source", "")));
        send(exchange, 200, "application/json", "{}");
    }

    private void reject(HttpExchange exchange, String why) throws IOException {
        violation(why);
        send(exchange, 400, "application/json", "{\"error\":\"" + why.replace("\"", "'") + "\"}");
    }
}
