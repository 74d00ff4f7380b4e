package org.prunekit.bundle;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.prunekit.spi.ModelCodec.Domains;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.ImmutableLabelInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.protos.ImmutableLabelInfoProto;

/**
 * A model's feature and output domains rebuilt from names alone. Tribuo numbers features by sorted name, so the
 * names of a model's features, in its feature-id order, rebuild the same ids; output ids are stored explicitly. The
 * rebuilt domains carry no training statistics (each feature seen once with value 0, each class once): prediction does
 * not use them.
 */
final class ModelDomains {

    private ModelDomains() {}

    /** The model's feature names in feature-id order. */
    static List<String> featureNames(Model<Label> model) {
        ImmutableFeatureMap fm = model.getFeatureIDMap();
        List<String> out = new ArrayList<>(fm.size());
        for (int id = 0; id < fm.size(); id++) {
            out.add(fm.get(id).getName());
        }
        return out;
    }

    /** The model's class labels in output-id order. */
    static List<String> outputNames(Model<Label> model) {
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        List<String> out = new ArrayList<>(info.size());
        for (int id = 0; id < info.size(); id++) {
            out.add(info.getOutput(id).getLabel());
        }
        return out;
    }

    /**
     * Domains with these feature names (in feature-id order, hence sorted) and class labels (in output-id order).
     *
     * @throws IllegalArgumentException when names repeat or the feature names are not in Tribuo's id order
     */
    static Domains of(List<String> features, List<String> outputs) {
        if (new HashSet<>(features).size() != features.size() || new HashSet<>(outputs).size() != outputs.size()) {
            throw new IllegalArgumentException("repeated feature or class names");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("the model has no classes");
        }
        List<VariableInfo> infos = new ArrayList<>(features.size());
        features.forEach(f -> infos.add(new RealInfo(f, 1, 0, 0, 0, 0)));
        ImmutableFeatureMap fm = new ImmutableFeatureMap(infos);
        for (int id = 0; id < features.size(); id++) {
            if (fm.getID(features.get(id)) != id) {
                throw new IllegalArgumentException("feature names are not in feature-id order");
            }
        }
        ImmutableLabelInfoProto.Builder labels = ImmutableLabelInfoProto.newBuilder();
        for (int id = 0; id < outputs.size(); id++) {
            labels.addLabel(outputs.get(id)).addCount(1).addId(id);
        }
        try {
            ImmutableLabelInfo info = ImmutableLabelInfo.deserializeFromProto(
                    0, ImmutableLabelInfo.class.getName(), Any.pack(labels.build()));
            return new Domains(fm, info);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
