package io.github.broadside.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The local form sink: what the {@code local} form provider posts to while a site is previewed
 * with serve, so that a demo can sign its own petitions without any third party.
 *
 * <p>{@code POST /_broadside/submit/<campaign>} (the campaign's site path without its slashes,
 * e.g. {@code stop-unjust-raids} or {@code es/alto}) takes {@code application/x-www-form-urlencoded}
 * or a JSON object of strings, numbers, booleans or lists of them, up to 64 KiB. Each submission is
 * appended as one JSON line ({@code {"campaign", "received", "fields"}}) to the submissions file
 * and forced to disk before the answer; one lock serialises the writers, so concurrent posts never
 * interleave. Fields whose name starts with {@code _} steer the sink and are not stored; a post
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
 * are capped at {@link #MAX_BODY}.
 */
final class FormSink implements AutoCloseable {
    static final int MAX_BODY = 64 * 1024;
    /** The most the submissions file grows to: a demo needs thousands of submissions, not millions. */
    static final long MAX_FILE = 10L * 1024 * 1024;
    /** Foreign origins named in the log; more are refused without a line each. */
    private static final int LOGGED_ORIGINS = 20;
    static final int MAX_FIELDS = 100;
    /** How much of a too-large body is read and thrown away so that the 413 reaches the client. */
    private static final long DRAIN = 1024 * 1024;
    static final int MAX_NAME = 100;
    static final String SUBMIT = "/_broadside/submit/";
    static final String COUNT = "/_broadside/count/";
    /** The honeypot field of Broadside's forms: hidden from people, filled in by bots. */
    static final String HONEYPOT = "_gotcha";
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*){0,3}");

    private final Path file;
    private final Predicate<String> campaigns;
    private final java.util.function.UnaryOperator<String> group;
    private final Clock clock;
    private final ServeLog log;
    private final long maxFile;
    private final java.util.Set<String> loggedOrigins = new java.util.HashSet<>();
    private boolean fullLogged;
    private final JsonFactory json = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final Object lock = new Object();
    private FileChannel channel;
    private Map<String, Integer> counts;
    private long writtenSize;

    /**
     * @param file      the submissions file, created on the first post
     * @param campaigns which campaign ids exist now (a post to any other id gets a 404)
     * @param group     the translation group of a campaign id now: ids of one campaign's language
     *                  versions give the same value, so they share one count
     * @param log       where refused origins and a full file are reported
     */
    FormSink(Path file, Predicate<String> campaigns, java.util.function.UnaryOperator<String> group, Clock clock,
            ServeLog log) {
        this.file = file.toAbsolutePath().normalize();
        this.campaigns = campaigns;
        this.group = group;
        this.clock = clock;
        this.log = log;
        this.maxFile = MAX_FILE;
    }

    /** A request the sink refuses, with the status and the reason shown to the sender. */
    private static final class Refused extends Exception {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
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
                Map<String, Object> fields = read(exchange);
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
                int count = spam ? currentCount(id) : append(id, stored);
                if (wantsJson) {
                    Responses.json(exchange, 200, "{\"ok\":true,\"count\":" + count + "}");
                } else {
                    exchange.getResponseHeaders().set("Location", next(fields.get("_next")).orElse("/" + id + "/thanks/"));
                    Responses.send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
                }
            } catch (Refused refused) {
                if (wantsJson) {
                    Responses.json(exchange, refused.status, "{\"ok\":false,\"error\":" + quote(refused.getMessage()) + "}");
                } else {
                    Responses.text(exchange, refused.status, refused.getMessage() + "\n");
                }
            }
        }
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
        synchronized (lock) {
            if (loggedOrigins.size() < LOGGED_ORIGINS && loggedOrigins.add(from)) {
                log.warn("Refused a form post from " + from + ": the preview's form sink takes posts only from"
                        + " pages serve sends");
            }
        }
        throw new Refused(403, "serve's form sink takes posts only from the pages serve sends, not from " + from);
    }

    private int currentCount(String id) throws IOException {
        synchronized (lock) {
            return shared(counts(), id);
        }
    }

    /** The submissions to {@code id} and to every language version of it. */
    private int shared(Map<String, Integer> known, String id) {
        String own = group.apply(id);
        int total = 0;
        for (Map.Entry<String, Integer> entry : known.entrySet()) {
            if (entry.getKey().equals(id) || group.apply(entry.getKey()).equals(own)) {
                total += entry.getValue();
            }
        }
        return total;
    }

    void count(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    throw new Refused(405, "ask for the count with GET");
                }
                String id = campaignId(exchange.getRequestURI().getRawPath(), COUNT);
                Responses.json(exchange, 200, "{\"count\":" + currentCount(id) + "}");
            } catch (Refused refused) {
                Responses.json(exchange, refused.status, "{\"ok\":false,\"error\":" + quote(refused.getMessage()) + "}");
            }
        }
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

    private Map<String, Object> read(HttpExchange exchange) throws IOException, Refused {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && !length.trim().matches("\\d{1,18}")) {
            throw new Refused(400, "the Content-Length header is not a number");
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                // Read what is still coming (up to a bound) so the client sees the answer, not a reset.
                // Not skip(): the JDK server's body stream would skip on the socket, past the body's end.
                byte[] buffer = new byte[8192];
                long drained = 0;
                for (int n; drained < DRAIN && (n = in.read(buffer)) >= 0; ) {
                    drained += n;
                }
                exchange.getResponseHeaders().set("Connection", "close");
                throw new Refused(413, "the submission is larger than " + MAX_BODY / 1024 + " KiB");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(400, "the submission is not UTF-8 text");
        }
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String[] parts = type.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equals("charset") && parameter.length == 2
                    && !parameter[1].trim().replace("\"", "").equals("utf-8")) {
                throw new Refused(415, "send the submission as UTF-8");
            }
        }
        Map<String, Object> fields = switch (media) {
            case "application/x-www-form-urlencoded" -> urlEncoded(text);
            case "application/json" -> json(text);
            default -> throw new Refused(415, "send the form as application/x-www-form-urlencoded or application/json");
        };
        if (fields.size() > MAX_FIELDS) {
            throw new Refused(400, "the submission has more than " + MAX_FIELDS + " fields");
        }
        for (String name : fields.keySet()) {
            if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
                throw new Refused(400, "a field name is empty, too long or has control characters");
            }
        }
        return fields;
    }

    static Map<String, Object> urlEncoded(String body) throws Refused {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Refused(400, "the form data is not properly encoded");
            }
            if (value.indexOf('\uFFFD') >= 0 && !pair.contains("%EF%BF%BD") && !pair.contains("%ef%bf%bd")) {
                throw new Refused(400, "the form data is not UTF-8");
            }
            add(fields, name, value);
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> fields, String name, Object value) {
        Object existing = fields.get(name);
        if (existing == null) {
            fields.put(name, value);
        } else if (existing instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            List<Object> list = new ArrayList<>();
            list.add(existing);
            list.add(value);
            fields.put(name, list);
        }
    }

    private Map<String, Object> json(String body) throws Refused {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Refused(400, "the JSON body must be an object of fields");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    List<Object> values = new ArrayList<>();
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                        values.add(scalar(parser, token));
                    }
                    fields.put(name, values);
                } else {
                    fields.put(name, scalar(parser, token));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new Refused(400, "the JSON body must be one object of fields");
            }
        } catch (JsonProcessingException e) {
            throw new Refused(400, "the JSON body is malformed: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Refused(400, "the JSON body cannot be read");
        }
        return fields;
    }

    private static Object scalar(JsonParser parser, JsonToken token) throws IOException, Refused {
        if (token == null) {
            throw new Refused(400, "the JSON body ends too early");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> "";
            default -> throw new Refused(400, "field values must be text, numbers, true/false or lists of them");
        };
    }

    /** Appends one line and forces it to disk; returns the campaign's new count (all its languages). */
    private int append(String id, Map<String, Object> fields) throws IOException, Refused {
        String line = line(id, fields) + "\n";
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        synchronized (lock) {
            Map<String, Integer> known = counts();
            if (writtenSize + bytes.remaining() > maxFile) {
                String full = "the preview's submissions file " + file.getFileName() + " has reached its limit of "
                        + sizeText(maxFile) + "; delete it to start afresh";
                if (!fullLogged) {
                    fullLogged = true;
                    log.warn("Form submissions are no longer stored: " + file + " has reached " + sizeText(maxFile)
                            + "; delete it to start afresh");
                }
                throw new Refused(507, full);
            }
            fullLogged = false;
            if (channel == null) {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            writtenSize = channel.size();
            known.merge(id, 1, Integer::sum);
            return shared(known, id);
        }
    }

    private String line(String id, Map<String, Object> fields) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("campaign", id);
            generator.writeStringField("received", clock.instant().toString());
            generator.writeObjectFieldStart("fields");
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                generator.writeFieldName(field.getKey());
                if (field.getValue() instanceof List<?> list) {
                    generator.writeStartArray();
                    for (Object value : list) {
                        write(generator, value);
                    }
                    generator.writeEndArray();
                } else {
                    write(generator, field.getValue());
                }
            }
            generator.writeEndObject();
            generator.writeEndObject();
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Number n) {
            generator.writeNumber(n.toString());
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    /**
     * Submissions per campaign as the file holds them; counted again when the file changed behind
     * the sink's back (deleted to start a demo afresh, or edited). Call with the lock held.
     */
    private Map<String, Integer> counts() throws IOException {
        long size = Files.isRegularFile(file) ? Files.size(file) : 0;
        if (counts != null && size == writtenSize) {
            return counts;
        }
        if (channel != null && !Files.exists(file)) {
            channel.close();
            channel = null;
        }
        Map<String, Integer> fresh = new HashMap<>();
        if (size > 0) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    campaignOf(line).ifPresent(id -> fresh.merge(id, 1, Integer::sum));
                }
            }
        }
        counts = fresh;
        writtenSize = size;
        return counts;
    }

    private Optional<String> campaignOf(String line) {
        try (JsonParser parser = json.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("campaign") && value == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // A line someone broke by hand counts for nothing.
        }
        return Optional.empty();
    }

    private static String sizeText(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"').toString();
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
