package io.github.broadside.release;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A throw-away Maven repository served over HTTP on 127.0.0.1, standing in for Maven Central: a
 * folder in the remote repository layout, with checksums made on request as Central serves them.
 *
 * <p>While {@linkplain #fillFrom filling}, a file the folder lacks is copied in from a local Maven
 * repository (this build's own {@code ~/.m2/repository}) before it is served, so a first run of a
 * fresh machine puts exactly the third-party files Maven asks for into the stand-in. Broadside's own
 * artifacts are never copied that way: the stand-in has only the release placed in it.
 */
final class StandInCentral implements AutoCloseable {
    private static final Map<String, String> CHECKSUMS = Map.of(".sha1", "SHA-1", ".md5", "MD5",
            ".sha256", "SHA-256", ".sha512", "SHA-512");
    private static final String OWN_GROUP = "io/github/broadside/";

    private final Path root;
    private final HttpServer server;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private volatile Path source;

    private StandInCentral(Path root, HttpServer server) {
        this.root = root;
        this.server = server;
    }

    static StandInCentral start(Path root) throws IOException {
        Files.createDirectories(root);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StandInCentral central = new StandInCentral(root.toAbsolutePath().normalize(), server);
        server.createContext("/", central::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return central;
    }

    /** The repository's address, without a final slash (as {@code MVNW_REPOURL} wants it). */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Path root() {
        return root;
    }

    /** From now on, copies what the stand-in lacks from {@code localRepository} (null: stop). */
    void fillFrom(Path localRepository) {
        this.source = localRepository;
    }

    /** The paths asked for and not found, checksums aside. */
    List<String> missing() {
        return missing.stream().sorted().toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || path.contains("..")) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] body = read(path, file);
            if (body == null) {
                if (CHECKSUMS.keySet().stream().noneMatch(path::endsWith)) {
                    missing.add(path);
                }
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] read(String path, Path file) throws IOException {
        for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
            if (path.endsWith(checksum.getKey())) {
                Path of = Path.of(file.toString().substring(0, file.toString().length() - checksum.getKey().length()));
                return Files.isRegularFile(of) ? digest(checksum.getValue(), Files.readAllBytes(of)) : null;
            }
        }
        if (!Files.isRegularFile(file)) {
            fill(path, file);
        }
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private void fill(String path, Path file) throws IOException {
        Path from = source;
        if (from == null || path.startsWith(OWN_GROUP) || path.contains("maven-metadata")) {
            return;
        }
        Path copy = from.resolve(path).normalize();
        if (copy.startsWith(from) && Files.isRegularFile(copy)) {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), ".part", "");
            Files.copy(copy, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) Objects.requireNonNull(server.getExecutor())).shutdownNow();
    }
}
