package io.github.broadside.serve;

import io.github.broadside.problem.Problem;
import java.util.List;
import java.util.Locale;

/**
 * What serve adds to every HTML page it sends: the live-reload script, and while the build has
 * errors, a panel listing them (file, line, message, hint). Both are added as the page is sent,
 * never written to a file; the script is an external file, so pages keep a strict Content
 * Security Policy, and the panel needs no script, so it shows with JavaScript off.
 */
final class Overlay {
    static final String SCRIPT = "/_broadside/reload.js";
    static final String STYLE = "/_broadside/overlay.css";

    private Overlay() {
    }

    /** {@code html} with the script (and the problems panel when there are errors) before {@code </body>}. */
    static String inject(String html, List<Problem> problems) {
        StringBuilder snippet = new StringBuilder();
        if (problems.stream().anyMatch(Problem::isError)) {
            snippet.append(panel(problems));
        }
        snippet.append("<script src=\"").append(SCRIPT).append("\" defer></script>\n");
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        if (at < 0) {
            return html + snippet;
        }
        return html.substring(0, at) + snippet + html.substring(at);
    }

    static String panel(List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        StringBuilder out = new StringBuilder();
        out.append("<link rel=\"stylesheet\" href=\"").append(STYLE).append("\">\n");
        out.append("<aside id=\"broadside-problems\" aria-labelledby=\"broadside-problems-title\">\n");
        out.append("<h2 id=\"broadside-problems-title\">")
                .append(errors.size() == 1 ? "1 problem stops the build" : errors.size() + " problems stop the build")
                .append("</h2>\n<p>The page shows the last version that built. Fix the file and save: "
                        + "this page reloads by itself.</p>\n<ol>\n");
        for (Problem problem : errors) {
            out.append("<li><code>").append(escape(problem.location())).append("</code> ")
                    .append(escape(problem.message()));
            if (!problem.hint().isEmpty()) {
                out.append("<br><span class=\"hint\">").append(escape(problem.hint())).append("</span>");
            }
            out.append("</li>\n");
        }
        out.append("</ol>\n</aside>\n");
        return out.toString();
    }

    /** A page for addresses with no file, with the problems when the build has errors. */
    static String notFound(String path) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Not found</title>\n</head>\n<body>\n<main>\n<h1>Not found</h1>\n<p>Nothing is published at <code>"
                + escape(path) + "</code>. <a href=\"/\">Go to the home page</a>.</p>\n</main>\n</body>\n</html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
