// The shared datasets as the app's feature matrices (default recipe, fitted on the train rows),
// and the files that hand them to Python with every bit: float64, little-endian, row-major.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainData } from '../../src/core/models/model';
import { chooseInputs } from '../../src/core/prepare/inputs';
import {
	applyRecipe,
	defaultRecipe,
	fitRecipe,
	type FeatureMatrix
} from '../../src/core/prepare/recipe';
import { fitTargetOf } from '../../src/core/prepare/steps/step';
import type { EncodedTarget } from '../../src/core/brief/target';
import { encodeTargetOf, outputColumns, type TargetSpec } from '../../src/core/ship/pipeline';
import { bytesSource, ingestCsv } from '../../src/core/table/ingest';
import { toSchema, typeTable, type DatasetSchema } from '../../src/core/table/schema';
import { cellText, findColumn, selectRawRows, type RawTable } from '../../src/core/table/table';
import { DATASETS_DIR, loadReference, type ReferenceName } from '../core/reference';

/** One dataset ready to fit: the train data a family gets, and the test rows it is scored on. */
export interface ModelData {
	name: string;
	target: TargetSpec;
	data: TrainData;
	test: { x: FeatureMatrix; y: EncodedTarget };
}

function prepare(
	name: string,
	parts: Record<'train' | 'val' | 'test', RawTable>,
	schema: DatasetSchema,
	target: TargetSpec,
	recipe: ReturnType<typeof defaultRecipe>
): ModelData {
	const [train, val, test] = [parts.train, parts.val, parts.test].map(
		(raw) => typeTable(raw, schema).table
	);
	const classes = 'classes' in target ? target.classes : null;
	const column = findColumn(train.columns, target.name)!;
	const fit = fitRecipe(recipe, train, { target: fitTargetOf(column, classes), seed: 42 });
	const y = fit.target!;
	const valX = applyRecipe(fit.recipe, val);
	const valY = encodeTargetOf(target, val);
	const testPart = { x: applyRecipe(fit.recipe, test), y: encodeTargetOf(target, test) };
	if (y.kind === 'classes' && valY.kind === 'classes' && classes)
		return {
			name,
			target,
			data: {
				task: target.task as 'binary' | 'multiclass',
				classes,
				x: fit.x,
				y: y.y,
				validation: { x: valX, y: valY.y }
			},
			test: testPart
		};
	if (y.kind === 'values' && valY.kind === 'values')
		return {
			name,
			target,
			data: { task: 'regression', x: fit.x, y: y.y, validation: { x: valX, y: valY.y } },
			test: testPart
		};
	throw new Error(`The target of ${name} is encoded two ways.`);
}

/**
 * Returns a reference dataset with its reference split and default recipe; `every` keeps one
 * train row in that many (the others are left out), to keep a slow fit short.
 */
export async function referenceData(name: ReferenceName, every = 1): Promise<ModelData> {
	const ref = await loadReference(name);
	const rows = ref.rows.train.filter((_, i) => i % every === 0);
	const parts = { ...ref.parts, train: selectRawRows(ref.ingested.raw, rows) };
	return prepare(name, parts, ref.schema, ref.target, ref.recipe);
}

async function readCsv(file: string) {
	return ingestCsv(bytesSource(new Uint8Array(readFileSync(DATASETS_DIR + file))));
}

/**
 * Returns rank_train.csv and rank_test.csv as the ranking project: relevance learned pointwise,
 * `qid` the query; rank_train's last fifth of queries are the validation rows.
 */
export async function rankingData(): Promise<ModelData> {
	const train = await readCsv('rank_train.csv');
	const test = await readCsv('rank_test.csv');
	const target: TargetSpec = { name: 'relevance', task: 'ranking', query: 'qid' };
	const inputs = chooseInputs(train.reports, outputColumns(target), null);
	const schema = toSchema(
		[...inputs, { name: 'relevance', kind: 'number' }, { name: 'qid', kind: 'category' }],
		train.missingTokens
	);
	const qid = findColumn(train.raw.columns, 'qid')!;
	const queries = Array.from({ length: train.raw.rowCount }, (_, i) => Number(cellText(qid, i)));
	const cut = [...new Set(queries)].sort((a, b) => a - b)[Math.floor(0.8 * new Set(queries).size)];
	const pick = (keep: (q: number) => boolean) =>
		selectRawRows(
			train.raw,
			queries.flatMap((q, i) => (keep(q) ? [i] : []))
		);
	const parts = { train: pick((q) => q < cut), val: pick((q) => q >= cut), test: test.raw };
	return prepare('ranking', parts, schema, target, defaultRecipe(inputs));
}

/** Writes numbers as float64 little-endian, which numpy reads back bit for bit. */
export function writeNumbers(path: string, values: ArrayLike<number>): void {
	const array = Float64Array.from(values);
	writeFileSync(path, Buffer.from(array.buffer));
}

/** Writes a dataset's matrices and targets under `dir`; returns what Python needs to read them. */
export function writeData(dir: string, set: ModelData): Record<string, unknown> {
	const file = (part: string) => join(dir, `${set.name}-${part}.f64`);
	const parts: [string, FeatureMatrix, ArrayLike<number>][] = [
		['train', set.data.x, set.data.y],
		['val', set.data.validation!.x, set.data.validation!.y],
		['test', set.test.x, set.test.y.y]
	];
	for (const [part, x, y] of parts) {
		writeNumbers(file(`x-${part}`), x.values);
		writeNumbers(file(`y-${part}`), y);
	}
	const queries = set.test.y.kind === 'values' ? set.test.y.queries : undefined;
	if (queries) writeNumbers(file('queries'), queries);
	const target = set.target;
	return {
		task: target.task,
		width: set.data.x.width,
		prefix: join(dir, set.name),
		classes: 'classes' in target ? target.classes : null,
		positive: target.task === 'binary' ? target.positive : null,
		threshold: target.task === 'binary' ? target.threshold : 0.5
	};
}
