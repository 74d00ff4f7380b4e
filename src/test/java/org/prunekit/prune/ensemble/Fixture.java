package org.prunekit.prune.ensemble;

import java.util.stream.IntStream;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/** A small XGBoost model on breast_cancer (rows split by index mod 3 into train / validation / test), shared by tests. */
final class Fixture {

    static final Table TABLE = TestData.table("breast_cancer_wisconsin.csv");
    static final int[] TRAIN =
            IntStream.range(0, TABLE.rows()).filter(i -> i % 3 == 0).toArray();
    static final int[] VALIDATION =
            IntStream.range(0, TABLE.rows()).filter(i -> i % 3 == 1).toArray();
    static final int[] TEST =
            IntStream.range(0, TABLE.rows()).filter(i -> i % 3 == 2).toArray();
    static final TableEncoder ENCODER = TableEncoder.fit(TABLE, TRAIN);
    static final MutableDataset<Label> TRAIN_DATA = ENCODER.encode(TRAIN);
    static final MutableDataset<Label> VALIDATION_DATA = ENCODER.encode(VALIDATION);
    static final MutableDataset<Label> TEST_DATA = ENCODER.encode(TEST);
    static final int ROUNDS = 30;
    static final XgboostParams PARAMS = new XgboostParams(ROUNDS, 3, 0.3, 0.8, 1.0, 0.0, 1.0, 7L, 1, "auto");
    /** The family's default model for this two-class label: {@code binary:logistic}, one tree per round. */
    static final XGBoostModel<Label> MODEL = train(PARAMS);
    /** The same settings with {@code objective: softprob}: Tribuo's {@code multi:softprob}, two trees per round. */
    static final XGBoostModel<Label> SOFTPROB = train(PARAMS.withObjective("softprob"));

    static XGBoostModel<Label> train(XgboostParams p) {
        return XgboostModels.require(XgboostFamily.trainer(p).train(TRAIN_DATA));
    }

    private Fixture() {}
}
