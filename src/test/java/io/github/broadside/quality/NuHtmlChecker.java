package io.github.broadside.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu) run in-process: one
 * {@link SimpleDocumentValidator} with the HTML schema loaded once (about two seconds), then reused
 * for every page and stylesheet (milliseconds each). The schema and its parts ship inside the
 * validator jar, so nothing is fetched.
 *
 * <p>Not thread-safe: one checker per test class, used from one thread.
 */
public final class NuHtmlChecker {
    /** The schema the command-line checker uses for .html files; resolved from the jar's local copy. */
    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    public NuHtmlChecker() {
        // initialize log4j quietly, log no URLs, no language guessing (its hints are warnings anyway)
        validator = new SimpleDocumentValidator(true, false, false);
        try {
            validator.setUpMainSchema(HTML_SCHEMA, collector);
            validator.setUpValidatorAndParsers(collector, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML Checker could not load its HTML schema", e);
        }
    }

    /** The errors in an HTML file, each as {@code display:line:column: message}; empty when valid. */
    public List<String> checkHtml(Path file, String display) {
        return check(display, 0, () -> validator.checkHtmlFile(file.toFile(), true));
    }

    /** The errors in a CSS file, each as {@code display:line:column: message}; empty when valid. */
    public List<String> checkCss(Path file, String display) {
        // the checker counts CSS lines from 2 (it checks a stylesheet as the body of a wrapper); the CLI subtracts 1 too
        return check(display, -1, () -> validator.checkCssFile(file.toFile(), true));
    }

    private interface Check {
        void run() throws IOException, SAXException;
    }

    private List<String> check(String display, int lineOffset, Check check) {
        collector.start(display, lineOffset);
        try {
            check.run();
        } catch (SAXParseException e) {
            // a fatal error the handler rethrew: already recorded
        } catch (SAXException e) {
            collector.errors.add(display + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(collector.errors);
    }

    /** Records errors and fatal errors against the file being checked; warnings and info are not failures. */
    private static final class Collector implements ErrorHandler {
        private final List<String> errors = new ArrayList<>();
        private String display = "";
        private int lineOffset;

        void start(String file, int offset) {
            display = file;
            lineOffset = offset;
            errors.clear();
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings ("consider adding lang", "possible misuse of aria-label") are advice, not errors
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            errors.add(format(e));
            throw e;
        }

        private String format(SAXParseException e) {
            return display + ":" + Math.max(e.getLineNumber() + lineOffset, 0) + ":" + Math.max(e.getColumnNumber(), 0)
                    + ": " + e.getMessage();
        }
    }
}
