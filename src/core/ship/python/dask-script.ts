import { isClassification } from '../../brief/task';
import type { BoostingSpec } from '../../models/boosting/boosting';
import type { TargetSpec } from '../pipeline';
import { xgboostParams } from './model-code';
import { pyValue } from './python-step';

/**
 * Returns pipeline_dask.py: the data read with dask.dataframe (CSV or Parquet, many files), the
 * app's fitted recipe applied partition by partition (nothing refitted), and the boosted trees
 * trained with xgboost.dask on a LocalCluster or any scheduler.
 */
export function daskScript(target: TargetSpec, spec: BoostingSpec, seed: number): string {
	const classify = isClassification(target.task);
	const params = xgboostParams(spec, target.task, seed);
	const estimator = classify ? 'DaskXGBClassifier' : 'DaskXGBRegressor';
	const body = DASK_SCRIPT.replace('__PARAMS__', pyValue(params))
		.replaceAll('__ESTIMATOR__', estimator)
		.replace('__CLASSIFY__', classify ? 'True' : 'False');
	return body;
}

const DASK_SCRIPT = `"""Trains the project's boosted trees on Dask: many files, many machines.

The data is read with dask.dataframe (CSV, or Parquet with pyarrow installed), every cell as text
and typed as the app typed it. The recipe is the one the app fitted (recipe.json): each partition
is prepared with the parameters the app learned on its train rows, so nothing is refitted on a
sample by accident. The model is trained with xgboost.dask, on a LocalCluster by default or on
the cluster whose scheduler address you give. It writes model_dask.json and metrics_dask.json.

Which rows are train, validation and test: with --split (default: split.csv beside this script,
used when the data holds the project's rows, in the same order, maybe cut into several files),
each row keeps its part in the app. With --test-data, every row of --data trains (validation
rows too, for early stopping, only from --split) and the --test-data rows are scored.
"""

import argparse
import glob
import json
from pathlib import Path

import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask.distributed import Client, LocalCluster
from xgboost.dask import __ESTIMATOR__

from shipshape.frame import type_columns
from shipshape.metrics import score
from shipshape.project import PARTS, load_project, read_options, target_of
from shipshape.recipe import fitted_recipe
from shipshape.steps import STEPS

HERE = Path(__file__).resolve().parent
CLASSIFY = __CLASSIFY__
# XGBoost's parameters for the app's boosted trees (see the README for what maps to what).
PARAMS = __PARAMS__


def paths_of(patterns):
    """Returns the files the patterns name, each pattern's matches in name order."""
    found = []
    for pattern in patterns:
        matches = sorted(glob.glob(str(pattern)))
        if not matches:
            raise SystemExit(f"No file matches {pattern}.")
        found.extend(matches)
    return found


def read_texts(paths, project, blocksize):
    """Reads the files as text cells, with the project's column names, as a Dask frame."""
    if all(p.endswith(".parquet") for p in paths):
        texts = dd.read_parquet(paths)
        return texts[project["data"]["columns"]]
    options = read_options(project)
    options.pop("encoding")
    return dd.read_csv(
        paths, dtype=str, keep_default_na=False, na_filter=False, blocksize=blocksize, **options
    )


def with_parts(texts, split):
    """Adds each row's part from the app's split, by the row's position across the files."""
    lengths = texts.map_partitions(len).compute().to_numpy()
    if lengths.sum() != len(split):
        raise SystemExit(
            f"The data has {lengths.sum()} rows but the split lists {len(split)}: "
            "pass the project's rows in order, or --test-data."
        )
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])

    def add(partition, partition_info=None):
        start = starts[partition_info["number"]]
        return partition.assign(__part__=split[start : start + len(partition)])

    meta = texts._meta.assign(__part__=np.int8(0))
    return texts.map_partitions(add, meta=meta)


def prepare(texts, project, recipe):
    """Types one partition, applies the fitted recipe, and adds the encoded target."""
    frame = type_columns(texts, project["schema"])
    features = recipe.transform(frame)
    target = target_of(frame, project)
    features["__target__"] = np.asarray(target.codes if CLASSIFY else target, dtype=np.float64)
    if "__part__" in texts:
        features["__part__"] = texts["__part__"].to_numpy()
    return features


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", default=[], help="CSV or Parquet files (globs too)")
    parser.add_argument("--split", type=Path, default=HERE / "split.csv", help="the app's split")
    parser.add_argument("--test-data", nargs="+", help="files to score instead of split's test rows")
    parser.add_argument("--scheduler", help="a Dask scheduler address; default: a LocalCluster")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers")
    parser.add_argument("--threads", type=int, default=1, help="threads per LocalCluster worker")
    parser.add_argument("--blocksize", default="64MB", help="bytes per CSV partition")
    parser.add_argument("--out", type=Path, default=HERE, help="where the model and metrics go")
    args = parser.parse_args()

    project = load_project(HERE)
    recipe = fitted_recipe(json.loads((HERE / "recipe.json").read_text()), STEPS)
    data = args.data or [str(HERE / project["data"]["file"])]
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=args.threads))
    with client:
        texts = read_texts(paths_of(data), project, args.blocksize)
        if args.test_data:
            texts = texts.assign(__part__=np.int8(PARTS["train"]))
            tests = read_texts(paths_of(args.test_data), project, args.blocksize)
            tests = tests.assign(__part__=np.int8(PARTS["test"]))
            texts = dd.concat([texts, tests])
        else:
            split = pd.read_csv(args.split, keep_default_na=False)["part"].map(PARTS)
            texts = with_parts(texts, split.fillna(-1).astype(np.int8).to_numpy())
        features = list(recipe[-1].features)
        meta = pd.DataFrame({name: pd.Series(dtype=np.float64) for name in features})
        meta = meta.assign(__target__=np.float64(0), __part__=np.int8(0)).iloc[:0]
        prepared = texts.map_partitions(prepare, project, recipe, meta=meta).persist()

        def part(name):
            rows = prepared[prepared["__part__"] == PARTS[name]]
            return rows[features], rows["__target__"]

        x_train, y_train = part("train")
        x_val, y_val = part("validation")
        model = __ESTIMATOR__(**PARAMS)
        model.client = client
        early = PARAMS.get("early_stopping_rounds")
        eval_set = [(x_val, y_val)] if early and len(y_val) > 0 else None
        model.fit(x_train, y_train, eval_set=eval_set, verbose=False)

        x_test, y_test = part("test")
        truth = y_test.compute().to_numpy()
        target = project["target"]
        if CLASSIFY:
            prediction = np.asarray(model.predict_proba(x_test).compute())
            if prediction.ndim == 1:
                prediction = np.column_stack([1 - prediction, prediction])
            extra = {"classes": target["classes"]}
            if target["task"] == "binary":
                extra.update(positive=target["positive"], threshold=target["threshold"])
            metrics = score(target["task"], truth.astype(np.int64), prediction, **extra)
        else:
            prediction = np.asarray(model.predict(x_test).compute())
            metrics = score(target["task"], truth, prediction)
        args.out.mkdir(parents=True, exist_ok=True)
        model.get_booster().save_model(str(args.out / "model_dask.json"))
        recorded = project["metrics"]["test"] or {}
        result = {
            "rows": {"train": int(len(y_train)), "test": int(len(truth))},
            "test": metrics,
            "shipshape_test": recorded,
        }
        (args.out / "metrics_dask.json").write_text(json.dumps(result, indent=2) + "\\n")
        for name, value in metrics.items():
            app = recorded.get(name)
            print(f"{name:>20} {value:.6f}" + ("" if app is None else f"   app {app:.6f}"))


if __name__ == "__main__":
    main()
`;
