package io.github.broadside.publish;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Writes {@code width} and {@code height} on the site's own {@code <img>} elements that have neither,
 * from the image file's header, so the browser reserves the space before the picture arrives and the
 * page does not jump (cumulative layout shift). The theme's CSS keeps the picture fluid
 * ({@code max-inline-size: 100%; block-size: auto}).
 *
 * <p>Works on the generated text, touching only the {@code <img>} tags it completes, so the rest of
 * the page keeps its exact bytes. PNG, JPEG, GIF and BMP are read; other formats are left alone.
 */
final class ImageSizes {
    // Letter classes rather than CASE_INSENSITIVE: the matcher tries every position of every page,
    // and a case-insensitive literal was 5 % of a warm build.
    private static final Pattern IMG = Pattern.compile("<[iI][mM][gG]\\b[^>]*>");
    private static final Pattern SRC = Pattern.compile("\\ssrc=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("\\s(width|height)=", Pattern.CASE_INSENSITIVE);

    private ImageSizes() {
    }

    /**
     * {@code html} with sizes added.
     *
     * @param sizeOf the size of the image an {@code src} address leads to, when it is one of the site's
     */
    static String complete(String html, Function<String, Optional<Dimension>> sizeOf) {
        Matcher tags = IMG.matcher(html);
        StringBuilder out = null;
        int last = 0;
        int next = 0;
        for (int from = imgStart(html, 0); from >= 0; from = imgStart(html, next)) {
            tags.region(from, html.length());
            if (!tags.lookingAt()) {
                next = from + 1;
                continue;
            }
            next = tags.end(); // as find() would go on: after the tag
            String tag = tags.group();
            Matcher src = SRC.matcher(tag);
            if (SIZE.matcher(tag).find() || !src.find()) {
                continue;
            }
            Optional<Dimension> size = sizeOf.apply(org.jsoup.parser.Parser.unescapeEntities(src.group(1), true));
            if (size.isEmpty()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(html.length() + 64);
            }
            int end = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
            String head = tag.substring(0, end).stripTrailing();
            out.append(html, last, tags.start()).append(head).append(" width=\"").append(size.get().width)
                    .append("\" height=\"").append(size.get().height).append('"').append(tag.substring(end));
            last = tags.end();
        }
        if (out == null) {
            return html;
        }
        return out.append(html, last, html.length()).toString();
    }

    /**
     * The next {@code <img} (any case) at or after {@code from}, or -1: where {@link #IMG} can match.
     * Found with {@code indexOf('<')}, since letting the regular expression try every position of
     * every page was 2–3 % of a warm build's CPU.
     */
    private static int imgStart(String html, int from) {
        int length = html.length();
        for (int at = html.indexOf('<', from); at >= 0 && at + 3 < length; at = html.indexOf('<', at + 1)) {
            if ((html.charAt(at + 1) | 0x20) == 'i' && (html.charAt(at + 2) | 0x20) == 'm'
                    && (html.charAt(at + 3) | 0x20) == 'g') {
                return at;
            }
        }
        return -1;
    }

    /** The pixel size in an image file's header, without decoding the picture. */
    static Optional<Dimension> read(InputStream in) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return Optional.of(new Dimension(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Dimension> read(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
