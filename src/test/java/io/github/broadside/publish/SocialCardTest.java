package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.broadside.problem.Problems;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Share cards: size, reproducible PNG bytes without metadata, and Arabic set right to left and shaped. */
class SocialCardTest {
    static final String ARABIC = "أوقفوا المداهمات";
    static SocialCard cards;
    static List<Font> fonts;

    @BeforeAll
    static void loadFonts() throws Exception {
        Problems problems = new Problems();
        fonts = SocialCard.loadFonts(List.of(SampleProject.REPO.resolve("themes/default")), Path::toString, problems);
        assertThat(problems.sorted()).isEmpty();
        cards = new SocialCard(fonts);
    }

    static SocialCard.Card card(String title, boolean rtl) {
        return new SocialCard.Card(title, rtl ? "نشطة" : "Active", new Color(0x0d6b2f), rtl ? "منظمة" : "Coalition",
                rtl);
    }

    @Test
    void cardIsA1200By630PngWithNoMetadataAndTheSameBytesEachTime() throws Exception {
        byte[] png = cards.png(card("Stop Unjust Immigration Raids", false));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        assertThat(chunks(png)).containsExactly("IHDR", "IDAT", "IEND");
        assertThat(cards.png(card("Stop Unjust Immigration Raids", false))).isEqualTo(png);
        assertThat(new SocialCard(fonts).png(card("Stop Unjust Immigration Raids", false))).isEqualTo(png);
        assertThat(cards.png(card("Stop Unjust Immigration Raids!", false))).isNotEqualTo(png);
    }

    @Test
    void themeFontsCoverLatinAndArabic() {
        assertThat(fonts).hasSize(2);
        assertThat(cards.fontFor('A').getFontName()).startsWith("Noto Sans");
        assertThat(cards.fontFor('ب').getFontName()).startsWith("Noto Sans Arabic");
        assertThat(cards.fontFor('ب').canDisplayUpTo(ARABIC)).isEqualTo(-1);
    }

    @Test
    void arabicTitleIsSetRightToLeftAndShaped() {
        BufferedImage image = cards.render(card(ARABIC, true));
        // Ink of the title band (below the badge, above the footer rule).
        int[] ink = inkColumns(image, 150, 480);
        assertThat(ink[1] - ink[0]).as("title has ink").isGreaterThan(200);
        // Right-aligned: the text ends at the right margin and leaves the left side empty.
        assertThat(ink[1]).isBetween(1200 - 80 - 12, 1200 - 80 + 2);
        assertThat(ink[0]).isGreaterThan(300);

        FontRenderContext frc = new FontRenderContext(null, true, true);
        TextLayout layout = cards.lines(ARABIC, 80, 1040, true, frc).get(0);
        assertThat(layout.isLeftToRight()).isFalse();
        // Joined letters: the shaped word is narrower than its letters set apart with zero-width non-joiners,
        // which is what a renderer without Arabic shaping would show.
        String isolated = String.join("\u200c", ARABIC.split(""));
        TextLayout unjoined = cards.lines(isolated, 80, 1040, true, frc).get(0);
        assertThat(layout.getAdvance()).isLessThan(unjoined.getAdvance() * 0.95f);
        assertThat(cards.render(card(isolated, true)).getRGB(0, 0)).isEqualTo(image.getRGB(0, 0));
        assertThat(pixelsDiffer(cards.render(card(isolated, true)), image)).isTrue();
    }

    @Test
    void longTitlesShrinkAndStayAboveTheFooter() {
        String longTitle = "Protect Migrant Children and Families: Fund the Family Case Management Program "
                + "and End the Detention of Asylum Seekers at the Border Now, Before Another Child Is Harmed";
        BufferedImage image = cards.render(card(longTitle, false));
        // Nothing but the footer text below the rule (y = 510): the band between rule and footer stays clear.
        int[] band = inkColumns(image, 514, 528);
        assertThat(band[1]).isLessThan(band[0]);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        List<TextLayout> lines = cards.title(longTitle, 1040, 300, false, frc);
        float height = 0;
        for (TextLayout line : lines) {
            height += line.getAscent() + line.getDescent() + line.getLeading() + 4;
        }
        assertThat(height).isLessThanOrEqualTo(300);
    }

    /** Leftmost and rightmost column with dark (text) pixels between rows {@code top} and {@code bottom}. */
    static int[] inkColumns(BufferedImage image, int top, int bottom) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return new int[] {left, right};
    }

    static boolean pixelsDiffer(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The chunk types of a PNG file, in order. */
    static List<String> chunks(byte[] png) {
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at + 8 <= png.length) {
            int length = ((png[at] & 0xff) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8)
                    | (png[at + 3] & 0xff);
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (types.isEmpty() || !types.get(types.size() - 1).equals(type)) {
                types.add(type);
            }
            at += 12 + length;
        }
        return types;
    }
}
