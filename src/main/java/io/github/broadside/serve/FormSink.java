package io.github.broadside.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The local form sink: what the {@code local} form provider posts to while a site is previewed
 * with serve, so that a demo can sign its own petitions without any third party.
 *
 * <p>{@code POST /_broadside/submit/<campaign>} (the campaign's site path without its slashes,
 * e.g. {@code stop-unjust-raids} or {@code es/alto}) takes {@code application/x-www-form-urlencoded}
 * or a JSON object of strings, numbers, booleans or lists of them, up to 64 KiB ({@link SubmissionBody}).
 * Each submission is appended as one JSON line to the submissions file ({@link SubmissionLog}).
 * Fields whose name starts with {@code _} steer the sink and are not stored; a post
 * with the {@code _gotcha} honeypot filled in is answered but not stored. It answers
 * like a hosted provider: a 303 redirect to {@code _next} (a path on this site) or the campaign's
 * {@code thanks/} page for a plain form post, and {@code {"ok":true,"count":N}} when the request
 * accepts JSON. {@code GET /_broadside/count/<campaign>} answers {@code {"count":N}}: the
 * submissions in the file for that campaign and its translations (one count per campaign across
 * its languages, as the goal is shared); each line still names the language version signed.
 *
 * <p>Any web page the author visits while serve runs can send a form here, so the sink takes posts
 * only from the pages serve itself sends: a post whose {@code Origin} is not serve's own address,
 * or that the browser marks {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none},
 * is refused with 403 (a request with neither header comes from a program, not a page). The
 * submissions file stops growing at {@link #MAX_FILE} (507, and one line in serve's log); bodies
 * are capped at {@link #MAX_BODY}. This class is the HTTP side: methods, origins, addresses, answers.
 */
final class FormSink implements AutoCloseable {
    static final int MAX_BODY = SubmissionBody.MAX_BODY;
    /** The most the submissions file grows to: a demo needs thousands of submissions, not millions. */
    static final long MAX_FILE = 10L * 1024 * 1024;
    /** Foreign origins named in the log; more are refused without a line each. */
    private static final int LOGGED_ORIGINS = 20;
    static final String SUBMIT = "/_broadside/submit/";
    static final String COUNT = "/_broadside/count/";
    /** The honeypot field of Broadside's forms: hidden from people, filled in by bots. */
    static final String HONEYPOT = "_gotcha";
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*){0,3}");

    private final Predicate<String> campaigns;
    private final ServeLog log;
    private final SubmissionLog submissions;
    private final Set<String> loggedOrigins = new HashSet<>();

    /**
     * @param file      the submissions file, created on the first post
     * @param campaigns which campaign ids exist now (a post to any other id gets a 404)
     * @param group     the translation group of a campaign id now: ids of one campaign's language
     *                  versions give the same value, so they share one count
     * @param log       where refused origins and a full file are reported
     */
    FormSink(Path file, Predicate<String> campaigns, UnaryOperator<String> group, Clock clock, ServeLog log) {
        this.campaigns = campaigns;
        this.log = log;
        this.submissions = new SubmissionLog(file, group, clock, MAX_FILE, log);
    }

    void submit(HttpExchange exchange) throws IOException {
        boolean wantsJson = acceptsJson(exchange);
        try (exchange) {
            try {
                if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    throw new Refused(405, "send the form with POST");
                }
                checkSameOrigin(exchange);
                String id = campaignId(exchange.getRequestURI().getRawPath(), SUBMIT);
                Map<String, Object> fields = SubmissionBody.read(exchange);
                Map<String, Object> stored = new LinkedHashMap<>();
                fields.forEach((name, value) -> {
                    if (!name.startsWith("_")) {
                        stored.put(name, value);
                    }
                });
                if (stored.isEmpty()) {
                    throw new Refused(400, "the submission has no fields");
                }
                // A filled honeypot means a bot: answer as if stored, as hosted providers do, but keep nothing.
                boolean spam = fields.get(HONEYPOT) instanceof String trap && !trap.isEmpty();
                int count = spam ? submissions.count(id) : submissions.append(id, stored);
                if (wantsJson) {
                    Responses.json(exchange, 200, answer("ok", true, "count", count));
                } else {
                    exchange.getResponseHeaders().set("Location", next(fields.get("_next")).orElse("/" + id + "/thanks/"));
                    Responses.send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
                }
            } catch (Refused refused) {
                if (wantsJson) {
                    Responses.json(exchange, refused.status(), answer("ok", false, "error", refused.getMessage()));
                } else {
                    Responses.text(exchange, refused.status(), refused.getMessage() + "\n");
                }
            }
        }
    }

    void count(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    throw new Refused(405, "ask for the count with GET");
                }
                String id = campaignId(exchange.getRequestURI().getRawPath(), COUNT);
                Responses.json(exchange, 200, Map.of("count", submissions.count(id)));
            } catch (Refused refused) {
                Responses.json(exchange, refused.status(), answer("ok", false, "error", refused.getMessage()));
            }
        }
    }

    /** A JSON answer of two fields, in this order. */
    private static Map<String, Object> answer(String key, Object value, String key2, Object value2) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, value);
        out.put(key2, value2);
        return out;
    }

    /**
     * Refuses a post sent by a page of another origin: a browser names the page's origin in
     * {@code Origin} and tells in {@code Sec-Fetch-Site} how it relates to this server.
     */
    private void checkSameOrigin(HttpExchange exchange) throws Refused {
        String fetchSite = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        boolean foreignSite = fetchSite != null && !fetchSite.trim().equalsIgnoreCase("same-origin")
                && !fetchSite.trim().equalsIgnoreCase("none");
        boolean foreignOrigin = origin != null && (host == null || !origin.trim().equalsIgnoreCase("http://" + host.trim()));
        if (!foreignSite && !foreignOrigin) {
            return;
        }
        String from = origin != null ? origin.trim() : "a " + fetchSite.trim() + " page";
        synchronized (loggedOrigins) {
            if (loggedOrigins.size() < LOGGED_ORIGINS && loggedOrigins.add(from)) {
                log.warn("Refused a form post from " + from + ": the preview's form sink takes posts only from"
                        + " pages serve sends");
            }
        }
        throw new Refused(403, "serve's form sink takes posts only from the pages serve sends, not from " + from);
    }

    private String campaignId(String rawPath, String prefix) throws Refused {
        String id = rawPath.substring(prefix.length());
        if (id.endsWith("/")) {
            id = id.substring(0, id.length() - 1);
        }
        if (id.length() > 200 || !CAMPAIGN_ID.matcher(id).matches()) {
            throw new Refused(404, "no campaign is called '" + id + "'");
        }
        if (!campaigns.test(id)) {
            throw new Refused(404, "no campaign is published at /" + id + "/");
        }
        return id;
    }

    private static boolean acceptsJson(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    /** Where to send the browser: {@code _next} when it is a path on this site, never another host. */
    static Optional<String> next(Object value) {
        if (!(value instanceof String next) || !next.startsWith("/") || next.startsWith("//")
                || next.chars().anyMatch(c -> c < 0x21 || c == '\\' || c == 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    @Override
    public void close() throws IOException {
        submissions.close();
    }
}
