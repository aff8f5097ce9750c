package io.github.broadside.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript-free path end to end: build a page whose provider points at a real HTTP receiver
 * on 127.0.0.1, fill its generated form, send exactly what a browser without JavaScript sends
 * (every field, urlencoded, to the form's action), and check what the receiver got and where it
 * sends the signer next.
 */
class PlainPostReachesReceiverTest {
    /** One request as the receiver saw it. */
    record Received(String method, String path, String contentType, Map<String, String> fields) {
    }

    @TempDir
    Path tmp;
    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    String base;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Like Formspree and most form services: store the post, then redirect a plain post to the page named in it.
        server.createContext("/", this::receive);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), fields));
        String next = fields.getOrDefault("_next", fields.get("redirect_to"));
        if (next != null) {
            exchange.getResponseHeaders().add("Location", next);
            exchange.sendResponseHeaders(303, -1);
        } else {
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    /** POSTs what a browser without JavaScript would send for {@code form}, without following redirects. */
    private HttpResponse<Void> submitWithoutJavaScript(FormElement form) throws Exception {
        String body = FilledForm.pairs(form).stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(form.hasAttr("enctype")).as("the default enctype: urlencoded").isFalse();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aWebhookReceivesEveryCanonicalFieldUnderItsConfiguredName() throws Exception {
        TestSite site = new TestSite(tmp).siteYml("""
                forms:
                  provider: webhook
                  url: %s/hooks/signatures
                  fields:
                    given_name: first_name
                    family_name: last_name
                    email: email_address
                    postal_code: zip
                  hidden:
                    campaign: riverside
                  redirectField: redirect_to
                  honeypot: website
                """.formatted(base)).petition("  optIn: true");
        Path out = site.build();
        FormElement form = FilledForm.fill(site.page("riverside/index.html"), "form-1");

        HttpResponse<Void> response = submitWithoutJavaScript(form);

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/hooks/signatures");
            assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(r.fields()).containsExactly(
                    entry("campaign", "riverside"),
                    entry("action_id", "petition"),
                    entry("action_type", "petition"),
                    entry("language", "en"),
                    entry("page_url", "https://campaigns.example.org/riverside/"),
                    entry("source", ""), entry("utm_source", ""), entry("utm_medium", ""), entry("utm_campaign", ""),
                    entry("utm_term", ""), entry("utm_content", ""),
                    entry("redirect_to", "https://campaigns.example.org/riverside/thanks/"),
                    entry("consent_wording", "I agree that Example Coalition may keep the details I give here to "
                            + "record my action."),
                    entry("first_name", "Ana"),
                    entry("last_name", "Pérez"),
                    entry("email_address", "ana@example.org"),
                    entry("zip", "60601"),
                    entry("country", "US"),
                    entry("phone", "+1 312 555 0100"),
                    entry("comment", "Families belong together & free."),
                    entry("opt_in", "yes"),
                    entry("website", ""),
                    entry("consent", "yes"));
        });
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("https://campaigns.example.org/riverside/thanks/");
        assertThat(out.resolve("riverside/thanks/index.html")).as("the page the signer lands on exists").exists();
    }

    @Test
    void aFormspreeShapedServiceReceivesCanonicalNamesWithGotchaNextAndSubject() throws Exception {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: formspree\n  endpoint: " + base + "/f/abcd1234\n")
                .page("letter.md", """
                        ---
                        title: "A letter to the county"
                        date: 2024-04-02
                        action:
                          type: letter
                        ---
                        Text.
                        """);
        Path out = site.build();
        FormElement form = FilledForm.fill(site.page("letter/index.html"), "form-1");

        HttpResponse<Void> response = submitWithoutJavaScript(form);

        Received r = received.get(0);
        assertThat(r.path()).isEqualTo("/f/abcd1234");
        assertThat(r.fields()).containsExactly(
                entry("_subject", "A letter to the county"),
                entry("_next", "https://campaigns.example.org/letter/thanks/"),
                entry("campaign", "letter"),
                entry("action_id", "letter"),
                entry("action_type", "letter"),
                entry("language", "en"),
                entry("page_url", "https://campaigns.example.org/letter/"),
                entry("source", ""), entry("utm_source", ""), entry("utm_medium", ""), entry("utm_campaign", ""),
                entry("utm_term", ""), entry("utm_content", ""),
                entry("consent_wording", "I agree that the organizers of this campaign may keep the details I give "
                        + "here to record my action."),
                entry("given_name", "Ana"),
                entry("family_name", "Pérez"),
                entry("email", "ana@example.org"),
                entry("postal_code", "60601"), // required fields come first in the page
                entry("country", "US"),
                entry("organization", "Casa Unida"),
                entry("role", "Director"),
                entry("phone", "+1 312 555 0100"),
                entry("comment", "Families belong together & free."),
                entry("_gotcha", ""),
                entry("consent", "yes"));
        assertThat(response.headers().firstValue("Location")).hasValue("https://campaigns.example.org/letter/thanks/");
        assertThat(Files.readString(out.resolve("letter/thanks/index.html"))).contains("Thank you!");
    }

    @Test
    void aWonCampaignOffersNoFormToSubmitButItsOutcomeAndNextSteps() {
        TestSite site = new TestSite(tmp).siteYml("forms:\n  provider: formspree\n  endpoint: " + base + "/f/abcd1234\n")
                .page("closed.md", TestSite.PETITION.formatted("").replace("date: 2024-03-01", "date: 2024-03-01\nstatus: won"));
        site.build();
        org.jsoup.nodes.Document page = site.page("closed/index.html");
        assertThat(page.select("form")).isEmpty();
        assertThat(page.select(".outcome-won").text()).isEqualTo("We won! Thank you to everyone who took part.");
        assertThat(page.select(".next-steps a[data-bs-primary]")).hasSize(1);
        assertThat(received).isEmpty();
    }
}
