"""Fits and applies a recipe: the steps in order, each a scikit-learn transformer on a frame.

A step that drops train rows (repeated rows) has `fit_resample(X, y)`, which returns the rows it
keeps and their target; a step whose train output differs from what it applies to other rows
(out-of-fold target encoding) overrides `fit_transform`. Every other step is a plain
`fit` / `transform` transformer, scikit-learn's own where it computes what the app computes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.pipeline import Pipeline


def fit_steps(steps, X: pd.DataFrame, y=None):
    """Fits each step on the train frame left by the steps before it; returns (frame, target)."""
    for step in steps:
        if hasattr(step, "fit_resample"):
            X, y = step.fit_resample(X, y)
        else:
            X = step.fit_transform(X, y)
    return X, y


def transform_steps(steps, X: pd.DataFrame) -> pd.DataFrame:
    """Applies fitted steps to any rows: validation, test, production."""
    for step in steps:
        X = step.transform(X)
    return X


class Features(BaseEstimator, TransformerMixin):
    """The last step: the model's feature columns, in the app's order, as a float64 frame.

    It fails, naming the column, where a feature is missing or not a finite number, as the app's
    `fitRecipe` does: the model gets no silent NaN.
    """

    def __init__(self, features):
        self.features = features

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        absent = [name for name in self.features if name not in X.columns]
        if absent:
            raise ValueError(f'The recipe did not make the feature column "{absent[0]}".')
        out = X[list(self.features)].astype(np.float64)
        bad = ~np.isfinite(out.to_numpy())
        if bad.any():
            row, col = np.argwhere(bad)[0]
            raise ValueError(
                f'Column "{self.features[col]}" still has a missing or infinite value after '
                f"the recipe (row {out.index[row]})."
            )
        return out


class Recipe(Pipeline):
    """The app's recipe as a scikit-learn Pipeline whose steps may drop train rows.

    `fit_resample(X, y)` fits the steps on the train rows and returns their features and the
    target of the rows kept; `transform(X)` prepares any other rows. A Pipeline's own `fit`
    cannot drop rows, so a recipe with a repeated-rows step is fitted through `fit_resample`.
    """

    def fit_resample(self, X, y=None):
        X, y = fit_steps([step for _, step in self.steps], X, y)
        return X, y

    def fit(self, X, y=None, **params):
        self.fit_resample(X, y)
        return self

    def fit_transform(self, X, y=None, **params):
        return self.fit_resample(X, y)[0]

    def transform(self, X):
        return transform_steps([step for _, step in self.steps], X)


def fitted_recipe(recipe: dict, registry) -> Recipe:
    """Returns the app's fitted recipe (recipe.json) as a fitted `Recipe`: nothing is refitted."""
    steps = [(f"{i + 1} {s['kind']}", registry[s["kind"]].from_fitted(s)) for i, s in enumerate(recipe["steps"])]
    steps.append(("features", Features(recipe["features"])))
    return Recipe(steps)
