package io.github.broadside.serve;

import io.github.broadside.problem.LogText;
import io.github.broadside.problem.Problem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What serve adds to every HTML page it sends: the live-reload script, and the build's problems.
 * While there are errors, a panel fixed at the bottom of the window lists them (and the warnings);
 * when there are only warnings, a collapsed bar at the top of the page, in the page's flow so it
 * never covers it, lists them. Each problem shows its file, line and column, message and hint (the
 * did-you-mean of a misspelt key included), and every page links to {@link #LIST}, one page with all
 * of them. Everything is added as the page is sent, never written to a file; the script is an
 * external file, so pages keep a strict Content Security Policy, and the lists need no script, so
 * they show with JavaScript off (the script only adds the dismiss buttons).
 */
final class Overlay {
    static final String SCRIPT = "/_broadside/reload.js";
    static final String STYLE = "/_broadside/overlay.css";
    /** The page listing every problem of the last build. */
    static final String LIST = "/_broadside/problems";
    /** A bar lists at most this many warnings; the list page has them all. */
    static final int SHOWN = 20;
    private static final Pattern BODY = Pattern.compile("<body\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private Overlay() {
    }

    /**
     * {@code html} with the script (and the problems panel when there are errors) before
     * {@code </body>}, or with the warnings bar after {@code <body>} when there are only warnings.
     */
    static String inject(String html, List<Problem> problems) {
        StringBuilder end = new StringBuilder();
        boolean errors = problems.stream().anyMatch(Problem::isError);
        if (errors) {
            end.append(panel(problems));
        }
        end.append("<script src=\"").append(SCRIPT).append("\" defer></script>\n");
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String page = at < 0 ? html + end : html.substring(0, at) + end + html.substring(at);
        if (errors || problems.isEmpty()) {
            return page;
        }
        Matcher body = BODY.matcher(page);
        int start = body.find() ? body.end() : 0;
        return page.substring(0, start) + "\n" + warningsBar(problems) + page.substring(start);
    }

    static String panel(List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        List<Problem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        StringBuilder out = new StringBuilder();
        out.append("<link rel=\"stylesheet\" href=\"").append(STYLE).append("\">\n");
        out.append("<aside id=\"broadside-problems\" aria-labelledby=\"broadside-problems-title\">\n");
        out.append("<h2 id=\"broadside-problems-title\">")
                .append(errors.size() == 1 ? "1 problem stops the build" : errors.size() + " problems stop the build")
                .append("</h2>\n<p>The page shows the last version that built. Fix the file and save: "
                        + "this page reloads by itself.</p>\n");
        list(out, errors, errors.size());
        if (!warnings.isEmpty()) {
            out.append("<details class=\"broadside-warnings-list\">\n<summary>").append(count(warnings))
                    .append("</summary>\n");
            list(out, warnings, SHOWN);
            out.append("</details>\n");
        }
        out.append("<p><a href=\"").append(LIST).append("\">All problems on one page</a> ")
                .append("<button type=\"button\" class=\"broadside-dismiss\" hidden>Hide</button></p>\n");
        out.append("</aside>\n");
        return out.toString();
    }

    /** The bar shown when the build has warnings only: collapsed, in the flow, dismissable. */
    static String warningsBar(List<Problem> warnings) {
        StringBuilder out = new StringBuilder();
        out.append("<link rel=\"stylesheet\" href=\"").append(STYLE).append("\">\n");
        // The key changes when the warnings do, so a dismissed bar comes back for new warnings.
        String key = Integer.toHexString(warnings.stream().map(Problem::format).toList().hashCode());
        out.append("<div id=\"broadside-warnings\" role=\"region\" aria-label=\"Build warnings\" data-key=\"")
                .append(key).append("\">\n<details>\n<summary>").append(count(warnings))
                .append(": the site built, but check these</summary>\n");
        list(out, warnings, SHOWN);
        out.append("</details>\n<p><a href=\"").append(LIST).append("\">All problems on one page</a> ")
                .append("<button type=\"button\" class=\"broadside-dismiss\" hidden>Dismiss</button></p>\n</div>\n");
        return out.toString();
    }

    /** The page at {@link #LIST}: every problem of the last build, errors first. */
    static String listPage(List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        List<Problem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Build problems</title>\n<link rel=\"stylesheet\" href=\"" + STYLE + "\">\n</head>\n"
                + "<body class=\"broadside-list\">\n<main>\n<h1>Build problems</h1>\n");
        if (problems.isEmpty()) {
            out.append("<p>None: the last build found no problem.</p>\n");
        }
        if (!errors.isEmpty()) {
            out.append("<h2>").append(errors.size() == 1 ? "1 error" : errors.size() + " errors").append("</h2>\n");
            list(out, errors, errors.size());
        }
        if (!warnings.isEmpty()) {
            out.append("<h2>").append(count(warnings)).append("</h2>\n");
            list(out, warnings, warnings.size());
        }
        out.append("<p><a href=\"/\">Back to the site</a>. This page reloads by itself when the site is rebuilt.</p>\n"
                + "</main>\n<script src=\"" + SCRIPT + "\" defer></script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String count(List<Problem> warnings) {
        return warnings.size() == 1 ? "1 warning" : warnings.size() + " warnings";
    }

    private static void list(StringBuilder out, List<Problem> problems, int shown) {
        out.append("<ol>\n");
        for (Problem problem : problems.subList(0, Math.min(shown, problems.size()))) {
            // control characters shown as escapes, as in the log: a crafted value shows what it holds
            out.append("<li><code>").append(escape(LogText.line(problem.location()))).append("</code> ")
                    .append(escape(LogText.line(problem.message())));
            if (!problem.hint().isEmpty()) {
                out.append("<br><span class=\"hint\">").append(escape(LogText.line(problem.hint()))).append("</span>");
            }
            out.append("</li>\n");
        }
        if (problems.size() > shown) {
            out.append("<li><a href=\"").append(LIST).append("\">").append(problems.size() - shown)
                    .append(" more</a></li>\n");
        }
        out.append("</ol>\n");
    }

    /** A page for addresses with no file, with the problems when the build has errors. */
    static String notFound(String path) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Not found</title>\n</head>\n<body>\n<main>\n<h1>Not found</h1>\n<p>Nothing is published at <code>"
                + escape(LogText.line(path)) + "</code>. <a href=\"/\">Go to the home page</a>.</p>\n</main>\n</body>\n</html>\n";
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
