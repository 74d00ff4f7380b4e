package org.tribuo.classification.liblinear;

import java.util.List;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * Builds a {@link LibLinearClassificationModel} around a LibLinear model (Tribuo's constructor is package-private;
 * its protobuf reader would need Java deserialization, which prunekit never uses on files).
 */
public final class LibLinearModelAccess {

    private LibLinearModelAccess() {}

    public static LibLinearClassificationModel create(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs,
            de.bwaldvogel.liblinear.Model model) {
        return new LibLinearClassificationModel(name, provenance, features, outputs, List.of(model));
    }
}
