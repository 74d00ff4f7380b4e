package org.prunekit.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.prunekit.data.InputException;
import org.prunekit.data.TextEncoding;
import org.prunekit.spi.ConfigException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a config file (YAML 1.1, or JSON, which YAML reads as well) into plain maps, lists and scalars, safely: only
 * standard types are constructed (no arbitrary classes), duplicate keys are rejected, and aliases, nesting depth and
 * size are bounded so that an alias bomb or a huge file is a one-line error rather than a hang or an
 * out-of-memory.
 */
public final class ConfigLoader {

    /** Largest config file accepted, in bytes (and code points). */
    public static final int MAX_SIZE = 1 << 20;
    /** Most aliases that may point at a collection (a "billion laughs" document needs many). */
    public static final int MAX_ALIASES = 50;
    /** Deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 40;

    private ConfigLoader() {}

    /** The top-level mapping of {@code file}. */
    public static Map<String, Object> read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, not a config file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, "config file not found");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new InputException(name, "config file is larger than " + MAX_SIZE + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
        TextEncoding.wideEncoding(bytes, bytes.length).ifPresent(e -> {
            throw new InputException(name, 1, 0, TextEncoding.refusal(e));
        });
        return parse(name, new StringReader(utf8(name, bytes)));
    }

    /** Decodes strictly; a byte that is not UTF-8 is an error naming its line, column and byte offset. */
    private static String utf8(String name, byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            long line = 1;
            int col = 1;
            for (int i = 0; i < out.position(); i++) {
                char c = out.get(i);
                if (c == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            throw new InputException(
                    name,
                    line,
                    col,
                    String.format(
                            "byte 0x%02X at byte offset %d is not valid UTF-8; save the config as UTF-8",
                            bytes[at] & 0xff, at));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Parses a config from text (for tests and {@code validate}). */
    public static Map<String, Object> parse(String name, Reader in) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_SIZE);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        DumperOptions dump = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dump), dump, options, new PlainResolver());
        Object doc;
        try {
            doc = yaml.load(in);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && what != null && !what.contains(e.getContext())) {
                what = e.getContext() + ": " + what;
            }
            throw new InputException(
                    name,
                    m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1,
                    "invalid YAML: " + oneLine(what));
        } catch (YAMLException e) {
            throw new InputException(name, "invalid YAML: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new InputException(name, "invalid YAML: nested too deeply");
        }
        if (doc == null) {
            throw new InputException(name, "config file is empty");
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new InputException(name, "a config must be a mapping (key: value) at the top level");
        }
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                throw new ConfigException(name, String.valueOf(k), "keys must be strings");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) map;
        return out;
    }

    /**
     * YAML 1.1 without its surprises: only {@code true}/{@code false} are booleans (so a class named {@code yes},
     * {@code no}, {@code on} or {@code off} stays a string), and dates stay strings.
     */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
    }
}
