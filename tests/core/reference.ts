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
import type { Pipeline, TargetSpec } from '../../src/core/ship/pipeline';
import type { EvaluateInput } from '../../src/core/evaluate/evaluate-test';
import type { Kpi } from '../../src/core/evaluate/verdict';
import type { SplitPart } from '../../src/core/split/split';
import type { TrainRequest } from '../../src/core/train/train-run';

export const DATASETS_DIR = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

/** The scikit-learn models of REFERENCE.md, by the name its tables use. */
export type ReferenceModel =
	'baseline' | 'linear' | 'decision_tree' | 'random_forest' | 'hist_gb' | 'mlp';

/** A reference dataset: its file, target, the columns REFERENCE.md drops, and its test scores. */
export interface ReferenceInfo {
	file: string;
	target: string;
	/** The positive label of a binary target; absent for multiclass and regression. */
	positive?: string;
	task: 'binary' | 'multiclass' | 'regression';
	/** The headline metric of REFERENCE.md's table: ROC-AUC, accuracy (multiclass) or RMSE. */
	metric: 'roc_auc' | 'accuracy' | 'rmse';
	/** Columns REFERENCE.md drops beyond identifiers and free text (leaks, dates). */
	drop?: string[];
	scores: Record<ReferenceModel, number>;
}

/** The reference datasets the tests and the benchmark use, with REFERENCE.md's test scores. */
export const REFERENCE = {
	titanic: {
		file: 'titanic.csv',
		target: 'Survived',
		positive: '1',
		task: 'binary',
		metric: 'roc_auc',
		scores: {
			baseline: 0.5,
			linear: 0.8344,
			decision_tree: 0.7308,
			random_forest: 0.8019,
			hist_gb: 0.819,
			mlp: 0.8393
		}
	},
	adult: {
		file: 'adult_train.csv',
		target: 'Y',
		positive: '>50K',
		task: 'binary',
		metric: 'roc_auc',
		scores: {
			baseline: 0.5,
			linear: 0.9076,
			decision_tree: 0.7451,
			random_forest: 0.9053,
			hist_gb: 0.9275,
			mlp: 0.8934
		}
	},
	bank_full: {
		file: 'bank_full.csv',
		target: 'y',
		positive: 'yes',
		task: 'binary',
		metric: 'roc_auc',
		scores: {
			baseline: 0.5,
			linear: 0.9055,
			decision_tree: 0.7,
			random_forest: 0.9271,
			hist_gb: 0.9333,
			mlp: 0.9083
		}
	},
	german_credit: {
		file: 'german_credit.csv',
		target: 'credit_risk',
		positive: 'bad',
		task: 'binary',
		metric: 'roc_auc',
		scores: {
			baseline: 0.5,
			linear: 0.7592,
			decision_tree: 0.644,
			random_forest: 0.7905,
			hist_gb: 0.7493,
			mlp: 0.7393
		}
	},
	penguins: {
		file: 'penguins.csv',
		target: 'species',
		task: 'multiclass',
		metric: 'accuracy',
		scores: {
			baseline: 0.4348,
			linear: 1,
			decision_tree: 0.9855,
			random_forest: 1,
			hist_gb: 0.9855,
			mlp: 1
		}
	},
	california_housing: {
		file: 'california_housing.csv',
		target: 'median_house_value',
		task: 'regression',
		metric: 'rmse',
		scores: {
			baseline: 114481,
			linear: 70092,
			decision_tree: 68771,
			random_forest: 50111,
			hist_gb: 48766,
			mlp: 55742
		}
	},
	bike_day: {
		file: 'bike_day.csv',
		target: 'cnt',
		task: 'regression',
		metric: 'rmse',
		drop: ['casual', 'registered', 'dteday', 'instant'],
		scores: {
			baseline: 3091,
			linear: 1306,
			decision_tree: 2265,
			random_forest: 2114,
			hist_gb: 1948,
			mlp: 1577
		}
	},
	bike_hour: {
		file: 'bike_hour.csv',
		target: 'cnt',
		task: 'regression',
		metric: 'rmse',
		drop: ['casual', 'registered', 'dteday', 'instant'],
		scores: {
			baseline: 243.8,
			linear: 187.3,
			decision_tree: 117.4,
			random_forest: 114.2,
			hist_gb: 107.6,
			mlp: 142.9
		}
	}
} as const satisfies Record<string, ReferenceInfo>;

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
	const ref: ReferenceInfo = REFERENCE[name];
	const bytes = new Uint8Array(readFileSync(DATASETS_DIR + ref.file));
	const ingested = await ingestCsv(bytesSource(bytes));
	const drop = new Set<string>(ref.drop ?? []);
	const inputs = ingested.reports
		.filter((r) => r.name !== ref.target && !r.idLike && r.kind !== 'text' && !drop.has(r.name))
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
	const labels = new Set<string>();
	for (let row = 0; row < ingested.raw.rowCount; row++) labels.add(cellText(targetColumn, row));
	let target: TargetSpec;
	if (ref.task === 'regression') target = { name: ref.target, task: 'regression' };
	else if (ref.task === 'multiclass')
		target = { name: ref.target, task: 'multiclass', classes: [...labels].sort() };
	else {
		const negative = [...labels].find((label) => label !== ref.positive)!;
		target = {
			name: ref.target,
			task: 'binary',
			classes: [negative, ref.positive!],
			positive: ref.positive!,
			threshold: 0.5
		};
	}
	return { bytes, ingested, schema, target, inputs, recipe: defaultRecipe(inputs), rows, parts };
}

/** Returns the training request for a reference dataset and a model spec (seed 42). */
export function referenceRequest(data: ReferenceData, spec: ModelSpec): TrainRequest {
	const { parts, schema, target, recipe } = data;
	return { train: parts.train, val: parts.val, schema, target, recipe, spec, seed: 42 };
}

/**
 * Returns the input of one look at a reference dataset's test rows: the pipeline and its
 * baseline, the brief's KPIs, the default 0.5 threshold and no fairness columns.
 */
export function referenceEvaluation(
	data: ReferenceData,
	pipeline: Pipeline,
	baseline: Pipeline,
	kpis: Kpi[]
): EvaluateInput {
	return {
		pipeline,
		baseline,
		test: data.parts.test,
		rowIds: data.rows.test,
		validation: data.parts.val,
		target: data.schema.columns.find((c) => c.name === data.target.name)!,
		kpis,
		thresholdRule: { kind: 'default' },
		sensitive: [],
		seed: 42
	};
}
