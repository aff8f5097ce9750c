package io.github.broadside.content;

import java.util.Optional;

/**
 * What an alias ({@code aliases:} in front matter) may be written with. An alias becomes a
 * redirect page and a line of {@code _redirects}, where Netlify and Cloudflare read {@code *} as a
 * wildcard, a segment starting with {@code :} as a placeholder ({@code :splat}, {@code :lang}) and
 * {@code !} as a force flag, and where whitespace or a line break would start another rule. So an
 * alias is a plain page address: no such syntax, no whitespace or control character anywhere, no
 * file name other than an {@code .html} page (a file name such as {@code robots.txt} or
 * {@code card.png} is the build's own output), and nothing in a folder starting with {@code _}
 * ({@code _headers}, {@code _redirects}, {@code _broadside}: the host's and serve's files).
 */
final class AliasSyntax {
    private AliasSyntax() {
    }

    /** Why {@code alias} cannot be an address, or empty when its characters are fine. */
    static Optional<String> problemWith(String alias) {
        for (int i = 0; i < alias.length(); ) {
            int c = alias.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                return Optional.of(String.format("it holds a space or control character (U+%04X)", c));
            }
            if (c == '*' || c == '!') {
                return Optional.of("'" + (char) c + "' is wildcard or force syntax in _redirects");
            }
            i += Character.charCount(c);
        }
        String[] segments = alias.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.startsWith(":")) {
                return Optional.of("'" + segment + "' is a placeholder in _redirects");
            }
            boolean first = alias.startsWith("/") ? i == 1 : i == 0;
            if (segment.startsWith("_") && first) {
                return Optional.of("folders and files starting with '_' at the site root belong to the host");
            }
            boolean page = last && (segment.endsWith(".html") || segment.endsWith(".htm"));
            if (segment.contains(".") && !page && !segment.equals(".") && !segment.equals("..")) {
                return Optional.of("'" + segment + "' is a file name; an alias is a page address "
                        + "(a folder, or a name ending in .html)");
            }
        }
        return Optional.empty();
    }
}
