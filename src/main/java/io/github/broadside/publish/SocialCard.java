package io.github.broadside.publish;

import io.github.broadside.files.ProjectFiles;
import io.github.broadside.problem.Problem;
import io.github.broadside.problem.Problems;
import io.github.broadside.render.ShareImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Draws the picture shown when a campaign without an image of its own is shared: a 1200×630 PNG with
 * the campaign's status, title and organisation, in the theme's colours.
 *
 * <p>Text is set with the fonts shipped in the theme's {@code fonts/} folder (no system font, no
 * network), choosing for each run of text the first font that has its letters, and laid out with
 * {@link TextLayout}, which shapes joined scripts such as Arabic and orders right-to-left text
 * (Unicode bidi). Right-to-left cards are mirrored. Drawing runs headless, and the PNG carries no
 * time stamp or other metadata, so the same text always gives the same bytes.
 */
public final class SocialCard {
    public static final int WIDTH = ShareImage.WIDTH;
    public static final int HEIGHT = ShareImage.HEIGHT;
    /** Folder of a theme holding the card fonts (TrueType or OpenType). */
    public static final String FONTS = "fonts";
    private static final int MARGIN = 80;
    private static final Color PAPER = new Color(0xf4f1ea);
    private static final Color INK = new Color(0x1a1a1a);
    private static final Color MUTED = new Color(0x4a4a4a);
    private static final Color ACCENT = new Color(0xa3161a);
    private static final Color LINE = new Color(0xd6d0c4);
    private static final float[] TITLE_SIZES = {80, 72, 64, 58, 52, 46, 40};
    /** The rule above the footer; the title ends above it. */
    private static final int FOOTER_RULE = HEIGHT - 120;
    private static final float LINE_GAP = 4;

    /** What a card says. {@code status} and {@code footer} may be empty. */
    public record Card(String title, String status, Color statusColour, String footer, boolean rightToLeft) {
        public Card {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(statusColour, "statusColour");
            Objects.requireNonNull(footer, "footer");
        }
    }

    private final List<Font> fonts;
    private final ThreadLocal<BufferedImage> canvas =
            ThreadLocal.withInitial(() -> new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB));

    /** @param fonts the fonts to set text in, most preferred first; the JDK's sans-serif when empty */
    public SocialCard(List<Font> fonts) {
        headless();
        this.fonts = fonts.isEmpty() ? List.of(new Font(Font.SANS_SERIF, Font.BOLD, 12)) : List.copyOf(fonts);
    }

    /**
     * Loads the {@code .ttf} and {@code .otf} files of each theme's {@code fonts/} folder, most specific
     * theme first, files in name order. A file that is not a font is reported and skipped.
     */
    public static List<Font> loadFonts(List<Path> themeFolders, Function<Path, String> display, Problems problems)
            throws IOException {
        return loadFonts(themeFolders, new ProjectFiles(themeFolders.stream().map(Path::getParent).toList(), display),
                problems);
    }

    /** {@link #loadFonts(List, Function, Problems)} read through the project's guard {@code files}. */
    public static List<Font> loadFonts(List<Path> themeFolders, ProjectFiles files, Problems problems)
            throws IOException {
        headless();
        List<Font> fonts = new ArrayList<>();
        for (Path file : fontFiles(themeFolders, files, problems)) {
            try (java.io.InputStream in = files.open(file)) {
                fonts.add(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (FontFormatException e) {
                problems.add(Problem.warning(files.display(file), 0, 0,
                        "this font cannot be read (" + e.getMessage() + "); share cards will not use it",
                        "replace it with a TrueType (.ttf) or OpenType (.otf) font"));
            }
        }
        return fonts;
    }

    /** The {@code .ttf} and {@code .otf} files of each theme's {@code fonts/} folder, most specific theme first. */
    static List<Path> fontFiles(List<Path> themeFolders) {
        return fontFiles(themeFolders, ProjectFiles.trusting(themeFolders.get(0).getParent()), new Problems());
    }

    /** {@link #fontFiles(List)} listed through {@code guard}; links are reported to {@code problems}. */
    static List<Path> fontFiles(List<Path> themeFolders, ProjectFiles guard, Problems problems) {
        List<Path> files = new ArrayList<>();
        for (Path theme : themeFolders) {
            for (Path p : guard.list(theme.resolve(FONTS), problems)) {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".ttf") || name.endsWith(".otf")) {
                    files.add(p);
                }
            }
        }
        return files;
    }

    /** Java2D needs no display; the build must not need one either. */
    private static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The card as PNG bytes. */
    public byte[] png(Card card) {
        // Each worker draws every card into its own image: a new 3 MB image per card kept the
        // garbage collector busier than drawing did.
        return PngEncoder.encode(draw(card, canvas.get()));
    }

    /** The card as an image. */
    public BufferedImage render(Card card) {
        return draw(card, new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB));
    }

    /** Paints the whole of {@code image} (background first, so an image used before is fine). */
    private BufferedImage draw(Card card, BufferedImage image) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(ACCENT);
            g.fillRect(0, 0, WIDTH, 20);
            FontRenderContext frc = g.getFontRenderContext();
            int textWidth = WIDTH - 2 * MARGIN;
            float y = 72;
            if (!card.status().isEmpty()) {
                TextLayout status = single(card.status(), 30, card.rightToLeft(), frc);
                float padX = 24;
                float height = status.getAscent() + status.getDescent() + 20;
                float width = status.getAdvance() + 2 * padX;
                float x = card.rightToLeft() ? WIDTH - MARGIN - width : MARGIN;
                g.setColor(card.statusColour());
                g.fill(new RoundRectangle2D.Float(x, y - 10, width, height, height, height));
                g.setColor(Color.WHITE);
                status.draw(g, x + padX, y + status.getAscent());
                y += height + 28;
            }
            List<TextLayout> title = title(card.title(), textWidth, FOOTER_RULE - 28 - y, card.rightToLeft(), frc);
            g.setColor(INK);
            for (TextLayout line : title) {
                y += line.getAscent();
                line.draw(g, startX(line, textWidth, card.rightToLeft()), y);
                y += line.getDescent() + line.getLeading() + LINE_GAP;
            }
            g.setColor(LINE);
            g.fillRect(MARGIN, FOOTER_RULE, textWidth, 3);
            if (!card.footer().isEmpty()) {
                List<TextLayout> footer = lines(card.footer(), 32, textWidth, card.rightToLeft(), frc);
                TextLayout first = footer.get(0);
                g.setColor(MUTED);
                first.draw(g, startX(first, textWidth, card.rightToLeft()), HEIGHT - 60);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static float startX(TextLayout line, int width, boolean rightToLeft) {
        return rightToLeft ? MARGIN + width - line.getAdvance() : MARGIN;
    }

    /** The title at the largest size whose lines fit in {@code height}; cut with an ellipsis when none does. */
    List<TextLayout> title(String text, int width, float height, boolean rightToLeft, FontRenderContext frc) {
        for (float size : TITLE_SIZES) {
            List<TextLayout> lines = lines(text, size, width, rightToLeft, frc);
            if (height(lines) <= height) {
                return lines;
            }
        }
        float size = TITLE_SIZES[TITLE_SIZES.length - 1];
        String cut = text.strip();
        List<TextLayout> lines = lines(cut, size, width, rightToLeft, frc);
        while (height(lines) > height && cut.length() > 1) {
            int space = cut.lastIndexOf(' ', cut.length() - 2);
            cut = (space > 0 ? cut.substring(0, space) : cut.substring(0, cut.length() - 1)).strip();
            lines = lines(cut + "…", size, width, rightToLeft, frc);
        }
        return lines;
    }

    private static float height(List<TextLayout> lines) {
        float total = 0;
        for (TextLayout line : lines) {
            total += line.getAscent() + line.getDescent() + line.getLeading() + LINE_GAP;
        }
        return total;
    }

    private TextLayout single(String text, float size, boolean rightToLeft, FontRenderContext frc) {
        return new TextLayout(styled(text, size, rightToLeft).getIterator(), frc);
    }

    /** {@code text} broken into lines of at most {@code width} pixels. */
    List<TextLayout> lines(String text, float size, int width, boolean rightToLeft, FontRenderContext frc) {
        String clean = text.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            return List.of(single(" ", size, rightToLeft, frc));
        }
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled(clean, size, rightToLeft).getIterator(), frc);
        List<TextLayout> lines = new ArrayList<>();
        while (measurer.getPosition() < clean.length()) {
            lines.add(measurer.nextLayout(width));
        }
        return lines;
    }

    /**
     * {@code text} with a font on each run: the first font that has the run's letters. Spaces, digits
     * and punctuation stay in the font of the letters before them, so a run of Arabic is not split.
     */
    AttributedString styled(String text, float size, boolean rightToLeft) {
        AttributedString styled = new AttributedString(text);
        styled.addAttribute(TextAttribute.RUN_DIRECTION,
                rightToLeft ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        int start = 0;
        Font current = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean neutral = script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
            Font font = neutral && current != null && current.canDisplay(cp) ? current : fontFor(cp);
            if (current != null && !font.equals(current)) {
                styled.addAttribute(TextAttribute.FONT, current.deriveFont(size), start, i);
                start = i;
            }
            current = font;
            i += Character.charCount(cp);
        }
        styled.addAttribute(TextAttribute.FONT, current.deriveFont(size), start, text.length());
        return styled;
    }

    /** The first font that can draw {@code codePoint}, or the first font when none can. */
    Font fontFor(int codePoint) {
        for (Font font : fonts) {
            if (font.canDisplay(codePoint)) {
                return font;
            }
        }
        return fonts.get(0);
    }
}
