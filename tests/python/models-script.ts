// The Python side of models.test.ts: every case's estimator built from its generated code,
// fitted with shipshape.models.fit_model on the app's matrices, and scored by shipshape.metrics.

/** What the Python run reports for one case. */
export interface PythonResult {
	/** The Python estimator's test metrics, per seed. */
	python: Record<number, Record<string, number>>;
	/** The app's predictions scored by shipshape.metrics, per seed. */
	appScored: Record<number, Record<string, number>>;
	/** The largest gap between the Python and the app predictions of the first common seed. */
	maxPredictionGap: number;
	/** Linear models: the largest gap between the weights (or intercepts), over max(1, |w|). */
	coefficientGap?: number;
	/** The one-rule model: the index of the feature it chose. */
	feature?: number;
	/** Milliseconds each seed's fit took. */
	fitMs: Record<number, number>;
}

/** Returns the script that fits and scores every case listed in the JSON file `casesFile`. */
export const MODELS_SCRIPT = (casesFile: string) => `
import json, time, warnings
import numpy as np
from shipshape.metrics import score
from shipshape.models import fit_model, predict_model
warnings.filterwarnings("ignore")


def read(prefix, part, width=None):
    values = np.fromfile(f"{prefix}-{part}.f64", dtype="<f8")
    return values if width is None else values.reshape(-1, width)


def coefficient_gap(model, weights, intercepts):
    inner = getattr(model, "estimator_", model)
    w, b = np.atleast_2d(inner.coef_), np.atleast_1d(inner.intercept_).astype(float)
    tw, tb = np.array(weights), np.array(intercepts)
    if len(tb) > 1:  # softmax intercepts are defined up to a common shift: compare them centred
        b, tb = b - b.mean(), tb - tb.mean()
    scale = max(1.0, np.max(np.abs(tw)), np.max(np.abs(tb)))
    return float(max(np.max(np.abs(w - tw)), np.max(np.abs(b - tb))) / scale)


def run_case(case, data, meta, extra, k):
    X, y, Xv, yv, Xt, yt = data
    scope = {}
    for imp in case["imports"]:
        exec(f"from {imp['module']} import {', '.join(imp['names'])}", scope)
    result = {"python": {}, "appScored": {}, "fitMs": {}, "maxPredictionGap": None}
    predictions = {}
    for seed, code in case["codes"].items():
        model = eval(code, scope)
        started = time.perf_counter()
        fit_model(model, X, y, Xv, yv)
        result["fitMs"][seed] = 1000 * (time.perf_counter() - started)
        predictions[seed] = predict_model(model, Xt, k)
        result["python"][seed] = score(meta["task"], yt, predictions[seed], **extra)
        if "weights" in case:
            result["coefficientGap"] = coefficient_gap(model, case["weights"], case["intercepts"])
        if hasattr(model, "feature_"):
            result["feature"] = int(model.feature_)
    for seed, path in case["predictions"].items():
        theirs = np.fromfile(path, dtype="<f8")
        theirs = theirs.reshape(-1, k) if k else theirs
        result["appScored"][seed] = score(meta["task"], yt, theirs, **extra)
        if seed in predictions and result["maxPredictionGap"] is None:
            result["maxPredictionGap"] = float(np.max(np.abs(predictions[seed] - theirs)))
    return result


out = {}
for name, dataset in json.load(open(${JSON.stringify(casesFile)})).items():
    meta, prefix = dataset["meta"], dataset["meta"]["prefix"]
    k = len(meta["classes"]) if meta["classes"] is not None else None
    X, Xv, Xt = (read(prefix, "x-" + part, meta["width"]) for part in ("train", "val", "test"))
    y, yv, yt = (read(prefix, "y-" + part) for part in ("train", "val", "test"))
    if k:
        y, yv, yt = y.astype(np.int64), yv.astype(np.int64), yt.astype(np.int64)
    queries = read(prefix, "queries") if meta["task"] == "ranking" else None
    extra = dict(classes=meta["classes"], positive=meta["positive"], threshold=meta["threshold"], queries=queries)
    data = (X, y, Xv, yv, Xt, yt)
    out[name] = {case["id"]: run_case(case, data, meta, extra, k) for case in dataset["cases"]}
print(json.dumps(out))
`;

/** Returns the script that fits each case's estimator on small random rows and prints the shapes. */
export const BUILD_SCRIPT = (cases: string) => `
import json, warnings
import numpy as np
from shipshape.models import fit_model, predict_model
warnings.filterwarnings("ignore")

rng = np.random.default_rng(0)
X = rng.normal(size=(120, 4))
shapes = []
for case in json.loads(${JSON.stringify(cases)}):
    k = {"binary": 2, "multiclass": 3}.get(case["task"])
    y = (np.arange(120) % k) if k else X @ [1.0, -2.0, 0.5, 0.0] + rng.normal(size=120)
    scope = {}
    for imp in case["imports"]:
        exec(f"from {imp['module']} import {', '.join(imp['names'])}", scope)
    model = fit_model(eval(case["code"], scope), X[:70], y[:70], X[70:90], y[70:90])
    shapes.append(list(predict_model(model, X[90:], k).shape))
print(json.dumps(shapes))
`;
