package org.prunekit.spi;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A {@link ModelCodec} for one model class, which is what most codecs are: its name and class are declared once,
 * {@link #handles} is the class test, {@link #encode(Model, Nested)} hands the model over already cast, and
 * {@link #parse} reads the codec's protobuf message, turning a malformed one into the
 * {@link IllegalArgumentException} {@link #decode} must throw.
 *
 * @param <M> the model class it writes
 */
public abstract class TypedCodec<M extends Model<Label>> implements ModelCodec {

    private final String name;
    private final Class<M> type;

    protected TypedCodec(String name, Class<M> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean handles(Model<Label> model) {
        return type.isInstance(model);
    }

    @Override
    public final byte[] encode(Model<Label> model, Nested nested) {
        return encodeModel(type.cast(model), nested);
    }

    /** The model's own message; {@code nested} encodes models it wraps. */
    protected abstract byte[] encodeModel(M model, Nested nested);

    /**
     * The message in {@code data}, parsed by {@code parser}.
     *
     * @param what the message's name in the error, e.g. {@code an MLP}
     * @throws IllegalArgumentException {@code not <what> message: <reason>} when the bytes are not such a message
     */
    protected static <T> T parse(Parser<T> parser, byte[] data, String what) {
        try {
            return parser.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not " + what + " message: " + e.getMessage());
        }
    }
}
