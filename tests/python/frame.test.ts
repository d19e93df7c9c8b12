// frame.py reads a file as the app does; typed columns (Parquet's) type as their text would.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedData } from '../../src/core/ship/python/export';
import { bytesSource, ingestCsv } from '../../src/core/table/ingest';
import { cellText } from '../../src/core/table/table';
import { DATASETS_DIR } from '../core/reference';
import { runPython } from './python';

describe('frame.py', () => {
	it('types numbers, labels, booleans and dates the same from typed columns as from text', () => {
		const printed = runPython(`
import json
import numpy as np
import pandas as pd
from shipshape.frame import read_texts, type_columns

schema = {
    "columns": [
        {"name": "Age", "kind": "number"},
        {"name": "Fare", "kind": "number"},
        {"name": "Pclass", "kind": "category"},
        {"name": "Sex", "kind": "category"},
        {"name": "Survived", "kind": "boolean"},
        {"name": "When", "kind": "date"},
    ],
    "missingTokens": ["", "NA"],
}
texts = read_texts(${JSON.stringify(DATASETS_DIR + 'titanic.csv')})
days = pd.Series(pd.date_range("1912-04-10", periods=len(texts), freq="37min"))
texts["When"] = days.dt.strftime("%Y-%m-%d %H:%M:%S")
texts.loc[3, "When"] = ""
from_text = type_columns(texts, schema)
typed = pd.DataFrame({
    "Age": from_text["Age"],
    "Fare": from_text["Fare"],
    "Pclass": pd.to_numeric(texts["Pclass"]),
    "Sex": texts["Sex"].astype("category"),
    "Survived": texts["Survived"] == "1",
    "When": from_text["When"],
})
from_typed = type_columns(typed, schema)
same = {c: bool(from_text[c].equals(from_typed[c])) for c in from_text.columns}
print(json.dumps({"same": same, "missing_when": bool(pd.isna(from_typed["When"][3]))}))
`);
		const result = JSON.parse(printed);
		expect(result.same).toEqual({
			Age: true,
			Fare: true,
			Pclass: true,
			Sex: true,
			Survived: true,
			When: true
		});
		expect(result.missing_when).toBe(true);
	});
});

describe('read_data', () => {
	it('leaves out the rows with the wrong number of fields, as the app does', async () => {
		const lines = readFileSync(DATASETS_DIR + 'titanic.csv', 'utf8')
			.trimEnd()
			.split('\n');
		// Line 4 loses its last field, line 7 gains one: the app leaves both out.
		lines[4] = lines[4].slice(0, lines[4].lastIndexOf(','));
		lines[7] = `${lines[7]},extra`;
		const folder = mkdtempSync(join(tmpdir(), 'shipshape-ragged-'));
		writeFileSync(join(folder, 'ragged.csv'), lines.join('\n') + '\n');
		const ingested = await ingestCsv(
			bytesSource(new TextEncoder().encode(lines.join('\n') + '\n'))
		);
		expect(ingested.ragged.count).toBe(2);
		const project = {
			data: exportedData({ ...ingested, fileName: 'ragged.csv', rowCount: ingested.raw.rowCount }),
			schema: { columns: [{ name: 'Name', kind: 'text' }], missingTokens: [''] }
		};
		writeFileSync(join(folder, 'project.json'), JSON.stringify(project));
		const names = JSON.parse(
			runPython(
				'import json\nfrom shipshape.project import load_project, read_data\n' +
					'project = load_project(".")\n' +
					'print(json.dumps(read_data("ragged.csv", project)["Name"].tolist()))\n',
				{ cwd: folder }
			)
		);
		const column = ingested.raw.columns.find((c) => c.name === 'Name')!;
		expect(names).toEqual(
			Array.from({ length: ingested.raw.rowCount }, (_, row) => cellText(column, row))
		);
	});
});
