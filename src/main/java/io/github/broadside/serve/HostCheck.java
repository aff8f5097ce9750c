package io.github.broadside.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose {@code Host} header is not a name of this computer when serve listens on
 * the loopback address. A web page on another site could otherwise point a name it controls at
 * 127.0.0.1 (DNS rebinding) and read the preview, drafts included, or post to the form sink.
 */
final class HostCheck extends Filter {
    private final Set<String> allowed;

    /** @param port the port serve listens on; names are accepted with and without it */
    HostCheck(int port) {
        this.allowed = Set.of("localhost", "127.0.0.1", "[::1]", "localhost:" + port, "127.0.0.1:" + port,
                "[::1]:" + port);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !allowed.contains(host.trim().toLowerCase(Locale.ROOT))) {
            try (exchange) {
                Responses.text(exchange, 421, "serve answers only to http://127.0.0.1 and http://localhost\n");
            }
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "accepts only requests addressed to this computer";
    }
}
