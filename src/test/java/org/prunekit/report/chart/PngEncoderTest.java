package org.prunekit.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knowm.xchart.BitmapEncoder;

class PngEncoderTest {

    /** Every sample chart, drawn by XChart, decodes (ImageIO) to exactly the pixels drawn, as ImageIO's own PNG does. */
    @TestFactory
    Stream<DynamicTest> chartsDecodeToTheDrawnPixels() {
        return ChartSamples.all().stream()
                .map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
                    var chart = spec.build();
                    ChartStyle.finish(chart);
                    BufferedImage drawn = BitmapEncoder.getBufferedImage(chart);
                    assertSamePixels(drawn, decode(PngEncoder.encode(drawn)));
                    var io = new ByteArrayOutputStream();
                    ImageIO.write(drawn, "png", io);
                    assertSamePixels(decode(io.toByteArray()), decode(PngEncoder.encode(drawn)));
                }));
    }

    @Test
    void randomPixelsAndOddSizesRoundTrip() throws Exception {
        Random rnd = new Random(17);
        for (int[] size : new int[][] {{1, 1}, {3, 7}, {257, 2}, {100, 100}}) {
            var img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    img.setRGB(x, y, rnd.nextInt());
                }
            }
            assertSamePixels(img, decode(PngEncoder.encode(img)));
        }
    }

    @Test
    void aSubImageEncodesItsOwnPixels() throws Exception {
        var img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.BLUE);
        g.fillRect(10, 5, 20, 20);
        g.dispose();
        BufferedImage sub = img.getSubimage(10, 5, 20, 20);
        BufferedImage back = decode(PngEncoder.encode(sub));
        assertEquals(20, back.getWidth());
        assertEquals(Color.BLUE.getRGB(), back.getRGB(0, 0));
        assertEquals(Color.BLUE.getRGB(), back.getRGB(19, 19));
    }

    /** Every chunk's CRC-32 is right (ImageIO's reader does not check them) and the chunks are IHDR, IDAT, IEND. */
    @Test
    void chunksAndCrcs() {
        byte[] png = PngEncoder.encode(new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB));
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(8);
        StringBuilder types = new StringBuilder();
        while (b.hasRemaining()) {
            int len = b.getInt();
            byte[] typeAndData = new byte[4 + len];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertEquals((int) crc.getValue(), b.getInt(), "CRC of " + new String(typeAndData, 0, 4));
            types.append(new String(typeAndData, 0, 4)).append(' ');
            if (types.length() == 5) {
                ByteBuffer h = ByteBuffer.wrap(typeAndData, 4, len);
                assertEquals(5, h.getInt());
                assertEquals(4, h.getInt());
                assertEquals(8, h.get(), "bit depth");
                assertEquals(2, h.get(), "colour type RGB");
            }
        }
        assertEquals("IHDR IDAT IEND ", types.toString());
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img);
        return img;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y) & 0xFFFFFF, actual.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }
}
