package io.github.broadside.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server-sent events stream at {@code /_broadside/events} that tells open pages to reload.
 *
 * <p>Each connection first gets a {@code hello} event naming this server run and the current
 * build, so a page that reconnects after a restart or a missed build reloads; then a
 * {@code reload} event per rebuild whose data lists the changed site paths ({@code {"paths": [...]}})
 * or says {@code {"all": true}}. A comment line every 15 seconds finds closed connections.
 */
final class LiveReload {
    private static final long HEARTBEAT_SECONDS = 15;
    private static final String CLOSE = "\0close";

    private final String serverId;
    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile long generation;
    private volatile boolean closed;

    LiveReload(String serverId, long generation) {
        this.serverId = serverId;
        this.generation = generation;
    }

    int clientCount() {
        return clients.size();
    }

    /** Sends a reload event to every open page. */
    void reload(long newGeneration, String json) {
        generation = newGeneration;
        String event = "id: " + newGeneration + "\nevent: reload\ndata: " + json + "\n\n";
        clients.forEach(queue -> queue.offer(event));
    }

    /** Holds the connection open and writes events until the page goes away or serve stops. */
    void stream(HttpExchange exchange) throws IOException {
        if (closed) {
            Responses.text(exchange, 503, "serve is stopping\n");
            return;
        }
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        clients.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: 1000\nevent: hello\ndata: " + serverId + ":" + generation + "\n\n");
            while (!closed) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (event == CLOSE) {
                    break;
                }
                write(out, event == null ? ": keep-alive\n\n" : event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The page was closed or reloaded: nothing to do.
        } finally {
            clients.remove(queue);
            exchange.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every stream, so that the HTTP server can stop without waiting for them. */
    void close() {
        closed = true;
        clients.forEach(queue -> queue.offer(CLOSE));
    }
}
