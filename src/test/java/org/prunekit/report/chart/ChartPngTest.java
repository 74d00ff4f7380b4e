package org.prunekit.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.knowm.xchart.BitmapEncoder;

/** A chart's PNG ({@link ChartFiles#png}) decodes to exactly the pixels XChart drew. */
class ChartPngTest {

    @TestFactory
    Stream<DynamicTest> chartsDecodeToTheDrawnPixels() {
        return ChartSamples.all().stream()
                .map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
                    var chart = spec.build();
                    byte[] png = ChartFiles.png(chart);
                    BufferedImage drawn = BitmapEncoder.getBufferedImage(chart);
                    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
                    assertNotNull(decoded, "a PNG ImageIO reads");
                    assertEquals(drawn.getWidth(), decoded.getWidth());
                    assertEquals(drawn.getHeight(), decoded.getHeight());
                    for (int y = 0; y < drawn.getHeight(); y++) {
                        for (int x = 0; x < drawn.getWidth(); x++) {
                            assertEquals(
                                    drawn.getRGB(x, y) & 0xFFFFFF,
                                    decoded.getRGB(x, y) & 0xFFFFFF,
                                    "pixel " + x + "," + y);
                        }
                    }
                }));
    }
}
