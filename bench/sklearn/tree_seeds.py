"""scikit-learn's full-depth decision tree over seeds 0..19 on each reference split.

REFERENCE.md scores one DecisionTree, fitted with random_state=42. A fully grown tree's test score
depends on how ties between equally good splits are broken, which random_state decides, so one
seed is one draw from a spread. This prints that spread as JSON, with REFERENCE.md's protocol
(its seed-42 score is printed too, to show the protocol is the same):

    apt-get install python3-sklearn python3-pandas   # Debian 12: scikit-learn 1.2.1, as REFERENCE.md
    /usr/bin/python3 bench/sklearn/tree_seeds.py > bench/sklearn/tree-seeds.json
"""
import json
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

warnings.filterwarnings("ignore")
DATASETS = "../shared/datasets/"
SEEDS = range(20)
# name: file, target, positive label, metric, separator, dropped columns (as REFERENCE.md)
SETS = {
    "titanic": ("titanic.csv", "Survived", "1", "roc_auc", ",", ["Cabin", "Name", "PassengerId", "Ticket"]),
    "adult": ("adult_train.csv", "Y", ">50K", "roc_auc", ",", []),
    "bank_full": ("bank_full.csv", "y", "yes", "roc_auc", ";", []),
    "german_credit": ("german_credit.csv", "credit_risk", "bad", "roc_auc", ",", []),
    "penguins": ("penguins.csv", "species", None, "accuracy", ",", []),
    "california_housing": ("california_housing.csv", "median_house_value", None, "rmse", ",", []),
    "bike_day": ("bike_day.csv", "cnt", None, "rmse", ",", ["casual", "registered", "dteday", "instant"]),
    "bike_hour": ("bike_hour.csv", "cnt", None, "rmse", ",", ["casual", "registered", "dteday", "instant"]),
}


def score(name, seed, X, y, train, test):
    _, _, positive, metric, _, _ = SETS[name]
    numeric = [c for c in X.columns if pd.api.types.is_numeric_dtype(X[c]) and not pd.api.types.is_bool_dtype(X[c])]
    other = [c for c in X.columns if c not in numeric]
    prepare = ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("other", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), other),
    ])
    tree = DecisionTreeRegressor(random_state=seed) if metric == "rmse" else DecisionTreeClassifier(random_state=seed)
    model = Pipeline([("prepare", prepare), ("tree", tree)]).fit(X.iloc[train], y.iloc[train])
    Xt, yt = X.iloc[test], y.iloc[test]
    if metric == "roc_auc":
        classes = [str(c) for c in model.classes_]
        proba = model.predict_proba(Xt)[:, classes.index(positive)]
        return roc_auc_score((yt.astype(str) == positive).astype(int), proba)
    if metric == "accuracy":
        return accuracy_score(yt, model.predict(Xt))
    return mean_squared_error(yt, model.predict(Xt)) ** 0.5


def main():
    out = {"sklearn": sklearn.__version__, "seeds": list(SEEDS), "datasets": {}}
    for name, (file, target, _, metric, sep, drop) in SETS.items():
        frame = pd.read_csv(DATASETS + file, sep=sep, skipinitialspace=True, na_values=["?"])
        split = pd.read_csv(DATASETS + "splits/" + name + ".split.csv")
        X, y = frame.drop(columns=drop + [target]), frame[target]
        train = split.row[split.split == "train"].values
        test = split.row[split.split == "test"].values
        values = np.array([score(name, seed, X, y, train, test) for seed in SEEDS])
        out["datasets"][name] = {
            "metric": metric,
            "seed42": round(score(name, 42, X, y, train, test), 6),
            "mean": round(values.mean(), 6),
            "sd": round(values.std(), 6),
            "min": round(values.min(), 6),
            "max": round(values.max(), 6),
        }
        print(name, out["datasets"][name], file=sys.stderr, flush=True)
    print(json.dumps(out, indent="\t"))


main()
