package io.github.broadside.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the body of a post to the form sink into its fields, in the order sent: a form
 * ({@code application/x-www-form-urlencoded}, repeated names become a list) or a JSON object of
 * strings, numbers, booleans or lists of them (duplicate names refused). Strict UTF-8, at most
 * {@link #MAX_BODY} bytes, {@link #MAX_FIELDS} fields and names of {@link #MAX_NAME} characters;
 * anything else is {@link Refused} with the status a hosted provider would answer.
 */
final class SubmissionBody {
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_FIELDS = 100;
    static final int MAX_NAME = 100;
    /** How much of a too-large body is read and thrown away so that the 413 reaches the client. */
    private static final long DRAIN = 1024 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SubmissionBody() {
    }

    /** The fields of the request's body. */
    static Map<String, Object> read(HttpExchange exchange) throws IOException, Refused {
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

    private static Map<String, Object> json(String body) throws Refused {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
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
}
