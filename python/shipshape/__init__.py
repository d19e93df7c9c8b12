"""Shipshape's Python side: the project exported from the app, as pandas and scikit-learn code.

`frame` reads a CSV as the app reads it; `steps_clean`, `target_encode`, `steps_dates` and
`steps_feature` hold one scikit-learn transformer per recipe step (`steps` maps each kind to its
class); `recipe` fits and applies them, `models` builds the estimator of each model family and
`metrics` scores predictions as the app does.
"""
