# Class counts after resampling with imbalanced-learn 0.10.0 (random_state=0), pinned in ImblearnCountsTest.
# Run from the repository root: /usr/bin/python3 src/test/resources/imbalance/imblearn_counts.py
import collections
import csv

import numpy as np
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler

for f in ["pima_diabetes", "breast_cancer_wisconsin"]:
    rows = list(csv.DictReader(open("data/" + f + ".csv")))
    y = np.array([r.pop("class") for r in rows])
    X = np.array([[float(v or 0) for v in r.values()] for r in rows])
    for ratio in [1.0, 0.9, 0.7]:
        for name, s in [("smote", SMOTE(sampling_strategy=ratio, random_state=0)),
                        ("undersample", RandomUnderSampler(sampling_strategy=ratio, random_state=0)),
                        ("oversample", RandomOverSampler(sampling_strategy=ratio, random_state=0))]:
            _, yy = s.fit_resample(X, y)
            print(f, ratio, name, dict(sorted(collections.Counter(yy).items())))
