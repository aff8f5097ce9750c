package io.github.broadside.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    @Test
    void decodesToTheSamePixels() throws Exception {
        BufferedImage image = new BufferedImage(97, 41, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf4f1ea));
        g.fillRect(0, 0, 97, 41);
        g.setColor(new Color(0xa3161a));
        g.drawString("Won", 5, 30);
        g.dispose();
        image.setRGB(96, 40, 0x123456);

        byte[] png = PngEncoder.encode(image);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(read.getWidth()).isEqualTo(97);
        assertThat(read.getHeight()).isEqualTo(41);
        for (int y = 0; y < 41; y++) {
            for (int x = 0; x < 97; x++) {
                assertThat(read.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(PngEncoder.encode(image)).isEqualTo(png);
    }

    @Test
    void imagesOfOtherTypesAreWrittenThroughTheirRgbValues() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(2, 1, 0x00ff7f);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));
        assertThat(read.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(read.getRGB(2, 1) & 0xffffff).isEqualTo(0x00ff7f);
    }
}
