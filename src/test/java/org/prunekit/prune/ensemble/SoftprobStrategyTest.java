package org.prunekit.prune.ensemble;

import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/** {@link StrategyTest}'s tests on the {@code objective: softprob} model: two margin columns, one tree each per round. */
class SoftprobStrategyTest extends StrategyTest {

    @Override
    XGBoostModel<Label> model() {
        return Fixture.SOFTPROB;
    }
}
