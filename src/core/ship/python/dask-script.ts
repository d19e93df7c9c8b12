import { isClassification } from '../../brief/task';
import type { BoostingSpec } from '../../models/boosting/boosting';
import type { TargetSpec } from '../pipeline';
import { xgboostParams } from './boosting-code';
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

The data is read with dask.dataframe (CSV files, or Parquet with pyarrow installed), every cell
typed as the app typed it. The recipe is the one the app fitted (recipe.json): each partition is
prepared with the parameters the app learned on its train rows, so nothing is refitted on a
sample by accident. The model is trained with xgboost.dask, on a LocalCluster by default or on
the cluster whose scheduler address you give. It writes model_dask.json and metrics_dask.json.

Which rows are train, validation and test: by default (--split, split.csv beside this script)
the data must hold the project's rows in the same order, maybe cut into several files (read in
name order, numbers in names compared as numbers), and each row keeps its part in the app. With
--test-data, every labelled row of --data trains (with no validation rows, so no early
stopping) and the labelled rows of the --test-data files are scored.
"""

import argparse
import glob
import json
import re
import shutil
import tempfile
from pathlib import Path

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
from dask.distributed import Client, LocalCluster
from xgboost.dask import __ESTIMATOR__

from shipshape.frame import type_columns
from shipshape.metrics import score
from shipshape.project import PARTS, json_safe, load_project, read_options, read_split, target_of
from shipshape.recipe import fitted_recipe
from shipshape.steps import STEPS

HERE = Path(__file__).resolve().parent
CLASSIFY = __CLASSIFY__
# XGBoost's parameters for the app's boosted trees (see the README for what maps to what).
PARAMS = __PARAMS__


def natural(path):
    """Sorts file names as people do: part-2 before part-10."""
    return [int(piece) if piece.isdigit() else piece for piece in re.split(r"(\\d+)", path)]


def paths_of(patterns):
    """Returns the files the patterns name, each pattern's matches in name order."""
    found = []
    for pattern in patterns:
        matches = sorted(glob.glob(str(pattern)), key=natural)
        if not matches:
            raise SystemExit(f"No file matches {pattern}.")
        found.extend(matches)
    return found


def ship_package(client):
    """Sends the shipshape package beside this script to the workers, which may not have it."""
    with tempfile.TemporaryDirectory() as folder:
        archive = shutil.make_archive(
            str(Path(folder) / "shipshape"), "zip", root_dir=HERE, base_dir="shipshape"
        )
        client.upload_file(archive)


def read_texts(paths, project, blocksize):
    """Reads the columns the project uses from the files, as a Dask frame of text cells."""
    columns = [column["name"] for column in project["schema"]["columns"]]
    if all(path.endswith(".parquet") for path in paths):
        # Typed Parquet columns are typed again as the app reads their text (see frame.py).
        return dd.read_parquet(paths, columns=columns)
    options = read_options(project)
    # The workers may not know the codec error handler the notebook uses for windows-1252.
    options.pop("encoding_errors", None)
    if options["encoding"].startswith("utf-16"):
        blocksize = None  # Dask cuts files at newline bytes, which UTF-16 does not have
    texts = dd.read_csv(
        paths, dtype=str, keep_default_na=False, na_filter=False, blocksize=blocksize, **options
    )
    return texts[columns]


def _with_part(block, parts):
    return block.assign(__part__=parts)


def with_parts(texts, split):
    """Adds each row's part from the app's split, by the row's position across the files.

    Each partition's task carries only its own slice of the split.
    """
    lengths = texts.map_partitions(len).compute().to_numpy()
    if lengths.sum() != len(split):
        raise SystemExit(
            f"The data has {lengths.sum()} rows but the split lists {len(split)}: "
            "pass the project's rows in order, or --test-data."
        )
    ends = np.cumsum(lengths)
    blocks = [
        dask.delayed(_with_part)(block, split[end - length : end])
        for block, end, length in zip(texts.to_delayed(), ends, lengths)
    ]
    return dd.from_delayed(blocks, meta=texts._meta.assign(__part__=np.int8(0)))


def prepare(texts, project, recipe):
    """Types one partition, applies the fitted recipe, and adds the encoded target and part."""
    frame = type_columns(texts, project["schema"])
    features = recipe.transform(frame)
    target = target_of(frame, project)
    features["__target__"] = np.asarray(target.codes if CLASSIFY else target, dtype=np.float64)
    features["__part__"] = texts["__part__"].to_numpy()
    return features


def refuse_train_only_steps(recipe):
    """Stops on steps whose train rows the app prepares otherwise than any other rows."""
    for step in recipe["steps"]:
        if step["kind"] == "target-encode":
            raise SystemExit(
                f'The recipe target-encodes "{step["column"]}". The app encodes each train row '
                "out of fold, which the fitted recipe cannot reproduce here: applied to the train "
                "rows, the encoding would leak their target into the model. Run pipeline.py, or "
                "encode the column another way (one-hot) in the app."
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", default=[], help="CSV or Parquet files (globs too)")
    parser.add_argument("--split", type=Path, default=HERE / "split.csv", help="the app's split")
    parser.add_argument("--test-data", nargs="+", help="files to score instead of split's test rows")
    parser.add_argument("--scheduler", help="a Dask scheduler address; default: a LocalCluster")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers")
    parser.add_argument("--threads", type=int, default=1, help="threads per LocalCluster worker")
    parser.add_argument(
        "--blocksize",
        default=None,
        help="cut CSV files into partitions of this many bytes (e.g. 64MB); only for files with "
        "no line break inside a quoted cell. Default: one partition per file",
    )
    parser.add_argument("--out", type=Path, default=HERE, help="where the model and metrics go")
    args = parser.parse_args()

    project = load_project(HERE)
    fitted = json.loads((HERE / "recipe.json").read_text(encoding="utf-8"))
    refuse_train_only_steps(fitted)
    recipe = fitted_recipe(fitted, STEPS)
    data = args.data or [str(HERE / project["data"]["fileName"])]
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=args.threads))
    with client:
        ship_package(client)
        texts = read_texts(paths_of(data), project, args.blocksize)
        if args.test_data:
            texts = texts.assign(__part__=np.int8(PARTS["train"]))
            tests = read_texts(paths_of(args.test_data), project, args.blocksize)
            texts = dd.concat([texts, tests.assign(__part__=np.int8(PARTS["test"]))])
        else:
            texts = with_parts(texts, read_split(args.split))
        features = list(recipe[-1].features)
        meta = pd.DataFrame({name: pd.Series(dtype=np.float64) for name in features})
        meta = meta.assign(__target__=np.float64(0), __part__=np.int8(0)).iloc[:0]
        prepared = texts.map_partitions(prepare, project, recipe, meta=meta)
        # Rows with no target neither train nor are scored, as in the app.
        target = prepared["__target__"]
        prepared = prepared[target >= 0 if CLASSIFY else target.notnull()].persist()

        def part(name):
            rows = prepared[prepared["__part__"] == PARTS[name]]
            return rows[features], rows["__target__"]

        x_train, y_train = part("train")
        x_val, y_val = part("validation")
        params = dict(PARAMS)
        validation = len(y_val) > 0
        if not validation:
            params["early_stopping_rounds"] = None
        model = __ESTIMATOR__(**params)
        model.client = client
        model.fit(x_train, y_train, eval_set=[(x_val, y_val)] if validation else None, verbose=False)

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
        text = json.dumps(json_safe(result), indent=2, allow_nan=False)
        (args.out / "metrics_dask.json").write_text(text + "\\n")
        for name, value in metrics.items():
            app = recorded.get(name)
            print(f"{name:>20} {value:.6f}" + ("" if app is None else f"   app {app:.6f}"))


if __name__ == "__main__":
    main()
`;
