import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * What a fresh JVM spends before its first chart, outside prunekit: a 1200×800 antialiased image with one line drawn
 * (Java2D's start), then the first text in the charts' sans-serif font (font lookup through fontconfig, glyph
 * rasterising); one-off costs of the first report a JVM draws. Compile it, then run it (the source launcher,
 * {@code java bench/Java2dStart.java}, runs javac in the same JVM first, which warms it):
 * {@code javac -d /tmp/j2d bench/Java2dStart.java && java -cp /tmp/j2d Java2dStart}. Run it a few times; quote
 * {@code uptime} with it.
 */
public class Java2dStart {
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        long t0 = System.nanoTime();
        BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawLine(0, 0, 100, 100);
        long t1 = System.nanoTime();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("balanced-accuracy 0.72", 10, 10);
        long t2 = System.nanoTime();
        g.dispose();
        System.out.printf(
                Locale.ROOT, "image and Graphics2D %.3f s, first font and text %.3f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}
