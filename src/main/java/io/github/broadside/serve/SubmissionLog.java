package io.github.broadside.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The form sink's submissions file: one JSON line per submission ({@code {"campaign", "received",
 * "fields"}}), appended and forced to disk before the answer, under one lock so that concurrent
 * posts never interleave; and the count per campaign it holds, shared by the campaign's language
 * versions. The file stops growing at a size limit (a demo needs thousands of submissions, not
 * millions); it may be deleted or edited while serve runs, and is then counted again.
 */
final class SubmissionLog implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;
    private final UnaryOperator<String> group;
    private final Clock clock;
    private final ServeLog log;
    private final long maxFile;
    private final Object lock = new Object();
    private boolean fullLogged;
    private FileChannel channel;
    private Map<String, Integer> counts;
    private long writtenSize;

    /**
     * @param file    the submissions file, created on the first submission
     * @param group   the translation group of a campaign id: ids of one campaign's language versions
     *                give the same value, so they share one count
     * @param maxFile the size the file stops growing at
     * @param log     where a full file is reported (once, until it has room again)
     */
    SubmissionLog(Path file, UnaryOperator<String> group, Clock clock, long maxFile, ServeLog log) {
        this.file = file.toAbsolutePath().normalize();
        this.group = group;
        this.clock = clock;
        this.maxFile = maxFile;
        this.log = log;
    }

    /** The submissions to campaign {@code id} and its language versions. */
    int count(String id) throws IOException {
        synchronized (lock) {
            return shared(counts(), id);
        }
    }

    /** Appends one line and forces it to disk; returns the campaign's new count (all its languages). */
    int append(String id, Map<String, Object> fields) throws IOException, Refused {
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

    private String line(String id, Map<String, Object> fields) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
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

    private static Optional<String> campaignOf(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
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
