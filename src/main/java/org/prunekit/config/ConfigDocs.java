package org.prunekit.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ParamSchema;

/**
 * Generates the key tables of {@code docs/config.md} from the parameter schemas, so the docs cannot drift from what
 * binding accepts. Each table lives between {@code <!-- generated:NAME -->} and {@code <!-- /generated:NAME -->};
 * {@link #update} rewrites those regions and leaves the prose around them alone. {@code ConfigDocsTest} fails when
 * the file differs from what this class generates.
 */
public final class ConfigDocs {

    private static final Pattern REGION =
            Pattern.compile("(<!-- generated:([a-z:-]+) -->\n)(.*?)(<!-- /generated:\\2 -->)", Pattern.DOTALL);

    private ConfigDocs() {}

    /**
     * The generated regions by name: {@code study}, {@code families} and {@code methods} (docs/config.md), and one
     * table per family ({@code family:cart}) and method ({@code method:magnitude}) for the module docs.
     */
    public static Map<String, String> regions() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("study", study());
        out.put("families", families());
        out.put("methods", methods());
        Registry.discoveredFamilies().forEach((name, f) -> out.put("family:" + name, "\n" + table(f.schema()) + "\n"));
        Registry.discoveredMethods().forEach((name, m) -> out.put("method:" + name, "\n" + table(m.schema()) + "\n"));
        return out;
    }

    /** {@code doc} with every generated region replaced by its current text; unknown region names are an error. */
    public static String update(String doc) {
        Map<String, String> regions = regions();
        Matcher m = REGION.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = regions.get(m.group(2));
            if (body == null) {
                throw new IllegalArgumentException("unknown generated region: " + m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One table of every key of the study's own blocks, by full key path. */
    private static String study() {
        StringBuilder b = new StringBuilder("\n").append(ParamSchema.MARKDOWN_HEADER);
        StudySchema.blocks().forEach((path, schema) -> b.append(schema.markdownRows(path.isEmpty() ? "" : path + ".")));
        return b.append('\n').toString();
    }

    private static String families() {
        StringBuilder b = new StringBuilder();
        for (ModelFamily f : Registry.discoveredFamilies().values()) {
            b.append("\n#### Family `").append(f.name()).append("`\n\n");
            b.append(table(f.schema()));
        }
        return b.append('\n').toString();
    }

    private static String methods() {
        StringBuilder b = new StringBuilder();
        for (MethodFactory m : Registry.discoveredMethods().values()) {
            b.append("\n#### Method `").append(m.name()).append("`\n\nPrunes: ");
            b.append(m.families().isEmpty() ? "every family" : String.join(", ", new TreeSet<>(m.families())));
            b.append(".\n\n");
            b.append(table(m.schema()));
        }
        return b.append('\n').toString();
    }

    private static String table(ParamSchema schema) {
        if (!schema.isDeclared()) {
            return "Keys not declared.\n";
        }
        return schema.specs().isEmpty() ? "No keys.\n" : schema.markdownTable("");
    }
}
