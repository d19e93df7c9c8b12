"""The project as the app exported it: its data file, split, target and recorded metrics."""

from __future__ import annotations

import codecs
import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd

from .frame import boolean_of, number_text, read_number, read_texts, type_columns

codecs.register_error("shipshape-c1", lambda error: (chr(error.object[error.start]), error.start + 1))

PARTS = {"train": 0, "validation": 1, "test": 2}
_ENCODINGS = {"utf-8": "utf-8-sig", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be", "windows-1252": "cp1252"}


def load_project(folder) -> dict:
    """Reads project.json, written by the app beside this code."""
    return json.loads((Path(folder) / "project.json").read_text(encoding="utf-8"))


def read_options(project: dict) -> dict:
    """Returns pandas `read_csv` options that read the file as the app did (its dialect)."""
    dialect = project["data"]["dialect"]
    options = {
        "sep": dialect["delimiter"],
        "encoding": _ENCODINGS.get(dialect["encoding"], dialect["encoding"]),
        "skipinitialspace": dialect["skipInitialSpace"],
        "header": 0 if dialect["header"] else None,
        "names": project["data"]["columns"],
    }
    if options["encoding"] == "cp1252":
        # Browsers read the five bytes windows-1252 leaves undefined as C1 controls; so does this.
        options["encoding_errors"] = "shipshape-c1"
    if dialect["quote"] == "none":
        options["quoting"] = csv.QUOTE_NONE
    else:
        options["quotechar"] = dialect["quote"]
    return options


def read_data(path, project: dict) -> pd.DataFrame:
    """Reads the data file as the app did: every cell as text, then typed by the project's schema.

    Returns the input columns and the target (and a ranking's query column), typed.
    """
    options = read_options(project)
    ragged = project["data"].get("ragged", 0)
    texts = read_records(path, options, ragged) if ragged else read_texts(path, **options)
    rows = project["data"]["rows"]
    if len(texts) != rows:
        raise ValueError(
            f"{path} has {len(texts)} data rows, but the project was made from {rows}. "
            "The split assigns rows by their position: use the same file."
        )
    return type_columns(texts, project["schema"])


def read_records(path, options: dict, ragged: int) -> pd.DataFrame:
    """Reads a file some of whose rows have the wrong number of fields, as the app does: those
    rows (and blank lines) are left out. Slower than pandas' reader, which keeps them."""
    names = options["names"]
    quoting = options.get("quoting", csv.QUOTE_MINIMAL)
    errors = options.get("encoding_errors", "strict")
    with open(path, newline="", encoding=options["encoding"], errors=errors) as file:
        reader = csv.reader(
            file,
            delimiter=options["sep"],
            quotechar=options.get("quotechar") or '"',
            quoting=quoting,
            skipinitialspace=options["skipinitialspace"],
        )
        records = [record for record in reader if record]
    if options["header"] == 0:
        records = records[1:]
    kept = [record for record in records if len(record) == len(names)]
    if len(records) - len(kept) != ragged:
        raise ValueError(
            f"{path} has {len(records) - len(kept)} rows with the wrong number of fields, but the "
            f"app left out {ragged}: use the file the project was made from."
        )
    return pd.DataFrame(kept, columns=names, dtype=object)


def read_split(path) -> np.ndarray:
    """Returns each row's part (0 train, 1 validation, 2 test, -1 left out) from split.csv."""
    table = pd.read_csv(path, dtype={"row": np.int64, "part": str}, keep_default_na=False)
    if not (table["row"].to_numpy() == np.arange(len(table))).all():
        raise ValueError(f"{path} must list every row once, in order.")
    return table["part"].map(PARTS).fillna(-1).astype(np.int8).to_numpy()


def target_of(frame: pd.DataFrame, project: dict):
    """Returns the target as the app encodes it: class codes in the app's order, or numbers.

    A class is the label the app reads from the cell: a number's shortest text (`1`, `2.5`),
    a boolean's word as the file writes it, a label as it is.
    """
    target = project["target"]
    values = frame[target["name"]]
    if target["task"] not in ("binary", "multiclass"):
        return values.to_numpy(dtype=np.float64)
    kind = next(c["kind"] for c in project["schema"]["columns"] if c["name"] == target["name"])
    if kind == "number":
        values = values.map(lambda v: None if np.isnan(v) else number_text(v))
    elif kind == "boolean":
        words = {}
        for label in target["classes"]:
            word = boolean_of(label)
            words[read_number(label) if np.isnan(word) else word] = label
        values = values.map(lambda v: None if np.isnan(v) else words.get(v, str(v)))
    labels = pd.Categorical(values, categories=target["classes"])
    unknown = values.notna().to_numpy() & (labels.codes < 0)
    if unknown.any():
        row = int(np.argmax(unknown))
        raise ValueError(
            f'Row {row + 1} of "{target["name"]}" has the class "{values.iloc[row]}", '
            "which the model was not trained on."
        )
    return labels


def compare(recorded: dict, computed: dict) -> pd.DataFrame:
    """Returns the app's metrics beside this run's, with the differences, one row per metric."""
    names = [name for name in recorded if recorded[name] is not None and name in computed]
    table = pd.DataFrame(
        {
            "Shipshape": [recorded[name] for name in names],
            "Python": [computed[name] for name in names],
        },
        index=pd.Index(names, name="metric"),
    )
    table["difference"] = table["Python"] - table["Shipshape"]
    return table


def json_safe(value):
    """Returns the value with NaN as None, so that its JSON is JSON (`NaN` is not)."""
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(item) for item in value]
    if isinstance(value, float) and value != value:
        return None
    return value
