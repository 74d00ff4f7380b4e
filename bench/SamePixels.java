import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code java bench/SamePixels.java A B}: whether the reports of two results folders show the same thing although
 * their PNG bytes may differ (another encoder): every {@code plots/*.png} of either folder is in both and decodes to
 * the same pixels, the images embedded in {@code report.html} likewise, in order, and the page is identical once they
 * are left out. Prints one line with the PNG sizes; exit status 1 on any difference.
 */
public class SamePixels {

    private static final Pattern IMAGE = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

    public static void main(String[] args) throws IOException {
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        boolean same = true;
        Set<String> names = new TreeSet<>();
        names.addAll(pngs(a.resolve("plots")));
        names.addAll(pngs(b.resolve("plots")));
        long bytesA = 0;
        long bytesB = 0;
        for (String n : names) {
            Path pa = a.resolve("plots").resolve(n);
            Path pb = b.resolve("plots").resolve(n);
            if (!Files.exists(pa) || !Files.exists(pb)) {
                System.out.println("only in one folder: plots/" + n);
                same = false;
                continue;
            }
            byte[] ba = Files.readAllBytes(pa);
            byte[] bb = Files.readAllBytes(pb);
            bytesA += ba.length;
            bytesB += bb.length;
            if (!Arrays.equals(pixels(ba), pixels(bb))) {
                System.out.println("pixels differ: plots/" + n);
                same = false;
            }
        }
        String pageA = Files.readString(a.resolve("report.html"));
        String pageB = Files.readString(b.resolve("report.html"));
        List<String> imagesA = images(pageA);
        List<String> imagesB = images(pageB);
        if (imagesA.size() != imagesB.size()) {
            System.out.println("report.html embeds " + imagesA.size() + " vs " + imagesB.size() + " images");
            same = false;
        }
        for (int i = 0; i < Math.min(imagesA.size(), imagesB.size()); i++) {
            if (!Arrays.equals(pixels(decode(imagesA.get(i))), pixels(decode(imagesB.get(i))))) {
                System.out.println("pixels differ: image " + (i + 1) + " of report.html");
                same = false;
            }
        }
        if (!IMAGE.matcher(pageA).replaceAll("").equals(IMAGE.matcher(pageB).replaceAll(""))) {
            System.out.println("report.html differs outside its images");
            same = false;
        }
        System.out.printf(
                "%s: %d PNG files and %d embedded images, pixels %s, page text %s; PNG bytes %d -> %d (%+.1f %%)%n",
                b.getFileName(),
                names.size(),
                imagesB.size(),
                same ? "equal" : "NOT EQUAL",
                same ? "equal" : "see above",
                bytesA,
                bytesB,
                bytesA == 0 ? 0 : 100.0 * (bytesB - bytesA) / bytesA);
        System.exit(same ? 0 : 1);
    }

    private static List<String> pngs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).toList();
        }
    }

    private static List<String> images(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = IMAGE.matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** ARGB of every pixel, then width and height. */
    private static int[] pixels(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        if (img == null) {
            return new int[] {-1};
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] p = Arrays.copyOf(img.getRGB(0, 0, w, h, null, 0, w), w * h + 2);
        p[w * h] = w;
        p[w * h + 1] = h;
        return p;
    }
}
