package org.prunekit.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The declared keys of one config block (a family's {@code model:} block, a method's {@code prune:} block, or a block
 * of the study config), in order. One schema drives binding ({@link #bind}), the defaults ({@link #defaults}), the
 * resolved listing of {@code prunekit validate} ({@link ParamValues#toString}) and the key tables of
 * {@code docs/config.md} ({@link #markdownTable}).
 */
public final class ParamSchema {

    /** A block without keys. */
    public static final ParamSchema EMPTY = new ParamSchema(List.of());

    /**
     * The schema of a family or method that declares none (a test double): binding reads nothing, the docs and
     * {@code validate} say the keys are undeclared. Every registered family and method declares its schema.
     */
    public static final ParamSchema UNDECLARED = new ParamSchema(List.of());

    private final List<ParamSpec<?>> specs;
    private final Map<String, ParamSpec<?>> byName = new LinkedHashMap<>();

    private ParamSchema(List<ParamSpec<?>> specs) {
        this.specs = List.copyOf(specs);
        for (ParamSpec<?> s : this.specs) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalArgumentException("key declared twice: " + s.name());
            }
            if (s.whenKey() != null && !byName.containsKey(s.whenKey())) {
                throw new IllegalArgumentException(
                        s.name() + " depends on " + s.whenKey() + ", which must be declared before it");
            }
        }
    }

    public static ParamSchema of(ParamSpec<?>... specs) {
        return new ParamSchema(List.of(specs));
    }

    /** This schema followed by {@code more} keys. */
    public ParamSchema plus(ParamSpec<?>... more) {
        List<ParamSpec<?>> all = new ArrayList<>(specs);
        all.addAll(List.of(more));
        return new ParamSchema(all);
    }

    /** False for {@link #UNDECLARED}. */
    public boolean isDeclared() {
        return this != UNDECLARED;
    }

    public List<ParamSpec<?>> specs() {
        return specs;
    }

    /** The declared key named {@code name}, or null. */
    public ParamSpec<?> spec(String name) {
        return byName.get(name);
    }

    /** Whether {@code spec} itself (not only a key of the same name) is declared here. */
    public boolean contains(ParamSpec<?> spec) {
        return byName.get(spec.name()) == spec;
    }

    /**
     * Reads every key that applies from {@code block}, in order: a wrong type, a value out of range or a missing
     * required key is a {@link ConfigException} naming its key path. Keys of the block this schema does not declare
     * are left unread, for {@link Params#requireNoUnknownKeys()}.
     */
    public ParamValues bind(Params block) {
        ParamValues bound = new ParamValues(this, Map.of());
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec<?> s : specs) {
            if (s.appliesTo(bound)) {
                values.put(s.name(), s.read(block));
                bound = new ParamValues(this, values);
            }
        }
        return bound;
    }

    /**
     * Binds {@code block} and builds the settings from the values: a {@link ParamException} from {@code build} (a
     * rule across keys) becomes a {@link ConfigException} at its key's path, any other
     * {@link IllegalArgumentException} one at the block's path.
     */
    public <R> R bind(Params block, Function<ParamValues, R> build) {
        ParamValues values = bind(block);
        try {
            return build.apply(values);
        } catch (ParamException e) {
            throw block.error(e.key(), e.detail());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(block.file(), block.path(), e.getMessage());
        }
    }

    /** The defaults (conditional keys under their controlling keys' defaults); required keys are null. */
    public ParamValues defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        ParamValues bound = new ParamValues(this, values);
        for (ParamSpec<?> s : specs) {
            if (s.appliesTo(bound)) {
                values.put(s.name(), s.defaultValue());
                bound = new ParamValues(this, values);
            }
        }
        return bound;
    }

    /**
     * The docs table of this block: one row per key with its type, default, allowed values and description. Keys
     * are written as {@code prefix + name} (e.g. {@code arms[i].model.} for a family).
     */
    public String markdownTable(String prefix) {
        return MARKDOWN_HEADER + markdownRows(prefix);
    }

    /** The header of {@link #markdownTable}, for a table that joins the rows of several blocks. */
    public static final String MARKDOWN_HEADER =
            "| key | type | default | allowed | description |\n|---|---|---|---|---|\n";

    /** The rows of {@link #markdownTable}, without its header. */
    public String markdownRows(String prefix) {
        StringBuilder b = new StringBuilder();
        for (ParamSpec<?> s : specs) {
            String doc = s.doc();
            if (s.whenKey() != null) {
                doc = "(only with `" + s.whenKey() + "`: " + String.join(", ", s.whenValues()) + ") " + doc;
            }
            b.append("| `")
                    .append(prefix)
                    .append(s.name())
                    .append("` | ")
                    .append(cell(s.typeText()))
                    .append(" | ")
                    .append(cell(s.defaultDisplay()))
                    .append(" | ")
                    .append(cell(s.allowedText()))
                    .append(" | ")
                    .append(cell(doc))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
