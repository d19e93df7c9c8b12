// The shared datasets with their reference splits (../shared/datasets), for the quality test, the
// bundle test and the benchmark. No vitest import, so bench/ can use it too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesSource, ingestCsv, type Ingested } from '../../src/core/table/ingest';
import { columnSchema } from '../../src/core/table/infer-kinds';
import { cellText, selectRawRows, type RawTable } from '../../src/core/table/table';
import { toSchema, type ColumnSchema, type DatasetSchema } from '../../src/core/table/schema';
import { defaultRecipe, type Recipe } from '../../src/core/prepare/recipe';
import type { ModelSpec } from '../../src/core/models/model';
import type { TargetSpec } from '../../src/core/ship/pipeline';
import type { SplitPart } from '../../src/core/split/split';
import type { TrainRequest } from '../../src/core/train/train-run';

export const DATASETS_DIR = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

/** The binary reference datasets the tests use, with REFERENCE.md's linear test ROC-AUC. */
export const REFERENCE = {
	titanic: { file: 'titanic.csv', target: 'Survived', positive: '1', linearAuc: 0.8344 },
	adult: { file: 'adult_train.csv', target: 'Y', positive: '>50K', linearAuc: 0.9076 }
} as const;

export type ReferenceName = keyof typeof REFERENCE;

/** A reference dataset read by the app, its split, and what a default training run needs. */
export interface ReferenceData {
	bytes: Uint8Array;
	ingested: Ingested;
	schema: DatasetSchema;
	target: TargetSpec;
	/** Inputs that are not the target, not identifiers and not free text. */
	inputs: ColumnSchema[];
	recipe: Recipe;
	rows: Record<SplitPart, Int32Array>;
	parts: Record<SplitPart, RawTable>;
}

/** Returns the 0-based data rows of each part in `splits/<name>.split.csv`. */
export function readReferenceSplit(name: string): Record<SplitPart, Int32Array> {
	const text = readFileSync(`${DATASETS_DIR}splits/${name}.split.csv`, 'utf8');
	const rows: Record<SplitPart, number[]> = { train: [], val: [], test: [] };
	for (const line of text.trim().split('\n').slice(1)) {
		const [row, part] = line.split(',');
		if (part === 'train' || part === 'val' || part === 'test') rows[part].push(Number(row));
	}
	return {
		train: Int32Array.from(rows.train),
		val: Int32Array.from(rows.val),
		test: Int32Array.from(rows.test)
	};
}

/** Returns a reference dataset ingested as the app does, with its reference split applied. */
export async function loadReference(name: ReferenceName): Promise<ReferenceData> {
	const ref = REFERENCE[name];
	const bytes = new Uint8Array(readFileSync(DATASETS_DIR + ref.file));
	const ingested = await ingestCsv(bytesSource(bytes));
	const inputs = ingested.reports
		.filter((r) => r.name !== ref.target && !r.idLike && r.kind !== 'text')
		.map(columnSchema);
	const schema = toSchema(ingested.reports.map(columnSchema), ingested.missingTokens);
	const targetKind = ingested.reports.find((r) => r.name === ref.target)!.kind;
	schema.columns = [...inputs, { name: ref.target, kind: targetKind }];
	const rows = readReferenceSplit(name);
	const parts = {
		train: selectRawRows(ingested.raw, rows.train),
		val: selectRawRows(ingested.raw, rows.val),
		test: selectRawRows(ingested.raw, rows.test)
	};
	const targetColumn = ingested.raw.columns.find((c) => c.name === ref.target)!;
	let negative = '';
	for (let row = 0; row < ingested.raw.rowCount && negative === ''; row++) {
		const text = cellText(targetColumn, row);
		if (text !== ref.positive) negative = text;
	}
	const target: TargetSpec = {
		name: ref.target,
		task: 'binary',
		classes: [negative, ref.positive],
		positive: ref.positive,
		threshold: 0.5
	};
	return { bytes, ingested, schema, target, inputs, recipe: defaultRecipe(inputs), rows, parts };
}

/** Returns the training request for a reference dataset and a model spec (seed 42). */
export function referenceRequest(data: ReferenceData, spec: ModelSpec): TrainRequest {
	const { parts, schema, target, recipe } = data;
	return { train: parts.train, val: parts.val, schema, target, recipe, spec, seed: 42 };
}
