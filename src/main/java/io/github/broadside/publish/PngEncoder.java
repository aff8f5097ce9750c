package io.github.broadside.publish;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an opaque image as an 8-bit RGB PNG, about three times faster than {@code ImageIO}.
 *
 * <p>A site of ten thousand campaigns draws ten thousand share cards; ImageIO spent 12 ms on each
 * (copying the raster and trying five filters per row), more than the rest of the build together.
 * Cards are flat colour and text, so rows are left unfiltered and deflated at a fast level: the
 * files come out about a sixth larger than ImageIO's. No time stamp or other metadata is written,
 * so the same pixels always give the same bytes.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int LEVEL = 2;

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a PNG needs at least one pixel");
        }
        int[] argb = image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints && ints.getNumBanks() == 1
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                ? ints.getData() : image.getRGB(0, 0, width, height, null, 0, width);
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        png.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB
        chunk(png, "IHDR", header, header.length);
        // Row by row into the compressor: no copy of the whole image (2 MB for a card) is ever made.
        Deflater deflater = new Deflater(LEVEL);
        try {
            byte[] row = new byte[1 + width * 3]; // filter type 0 (none), then R, G, B per pixel
            byte[] buffer = new byte[64 * 1024];
            int buffered = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0, in = y * width, out = 1; x < width; x++, in++) {
                    int pixel = argb[in];
                    row[out++] = (byte) (pixel >> 16);
                    row[out++] = (byte) (pixel >> 8);
                    row[out++] = (byte) pixel;
                }
                boolean last = y == height - 1;
                deflater.setInput(row);
                if (last) {
                    deflater.finish();
                }
                // The row array is reused once the compressor has taken all of it (needsInput).
                while (last ? !deflater.finished() : !deflater.needsInput()) {
                    buffered += deflater.deflate(buffer, buffered, buffer.length - buffered);
                    if (buffered == buffer.length) {
                        chunk(png, "IDAT", buffer, buffered);
                        buffered = 0;
                    }
                }
            }
            if (buffered > 0) {
                chunk(png, "IDAT", buffer, buffered);
            }
        } finally {
            deflater.end();
        }
        chunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] word = new byte[4];
        putInt(word, 0, length);
        out.writeBytes(word);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        putInt(word, 0, (int) crc.getValue());
        out.writeBytes(word);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
