package org.prunekit.prune;

import com.google.protobuf.ByteString;
import java.util.TreeSet;
import org.prunekit.spi.TypedCodec;
import org.prunekit.spi.proto.FeatureSubsetProto;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Codec {@code feature-subset}: a {@link FeatureSubsetModel} as the wrapped model (in its own codec, which shares the
 * wrapper's domains) and the names of the features it uses.
 */
public final class FeatureSubsetCodec extends TypedCodec<FeatureSubsetModel> {

    public FeatureSubsetCodec() {
        super("feature-subset", FeatureSubsetModel.class);
    }

    @Override
    protected byte[] encodeModel(FeatureSubsetModel m, Nested nested) {
        Encoded inner = nested.encode(m.inner());
        return FeatureSubsetProto.newBuilder()
                .setInnerCodec(inner.codec())
                .setInner(ByteString.copyFrom(inner.data()))
                .addAllFeatures(m.featuresUsed())
                .build()
                .toByteArray();
    }

    @Override
    public Model<Label> decode(byte[] data, Domains domains, Nested nested) {
        FeatureSubsetProto p = parse(FeatureSubsetProto.parser(), data, "a feature-subset");
        if (p.getInnerCodec().equals(name())) {
            throw new IllegalArgumentException("a feature-subset model cannot wrap another");
        }
        for (String f : p.getFeaturesList()) {
            if (domains.features().getID(f) < 0) {
                throw new IllegalArgumentException("feature-subset names unknown feature '" + f + "'");
            }
        }
        Model<Label> inner =
                nested.decode(new Encoded(p.getInnerCodec(), p.getInner().toByteArray()), domains);
        return new FeatureSubsetModel(inner, new TreeSet<>(p.getFeaturesList()));
    }
}
