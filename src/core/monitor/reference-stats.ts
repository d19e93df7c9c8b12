import type { Pipeline } from '../ship/pipeline';
import type { ColumnSchema } from '../table/schema';
import { MISSING_BOOLEAN, type Column, type RawTable, type Table } from '../table/table';
import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import { predictionName, typeReference } from './batch-tables';
import { columnSample } from './column-sample';

/**
 * One column of the reference as the drift checks read it: its distribution (each distinct
 * number or label with its count) and its missing cells. Only the marginal of each column: no
 * row can be put back together from it.
 */
export type ColumnStats = { name: string; rows: number; missing: number } & (
	| { kind: 'number'; values: number[]; counts: number[] }
	| { kind: 'category'; labels: string[]; counts: number[] }
	| { kind: 'boolean'; words: [string, string]; labels: string[]; counts: number[] }
	| { kind: 'text' | 'date' }
);

/**
 * The reference statistics a bundle ships (`reference.json`): every column the monitor compares
 * (the model's inputs, the target, the prediction), as the train rows hold them. Enough to run
 * every drift check exactly as the app does, outside it.
 */
export interface ReferenceStats {
	/** What the statistics describe. */
	source: 'train rows';
	rows: number;
	/** The target column's name, and the prediction column's, among `columns`. */
	target: string;
	prediction: string;
	columns: ColumnStats[];
}

/** Returns the statistics of one typed column. */
export function columnStats(column: Column): ColumnStats {
	const sample = columnSample(column);
	const base = { name: column.name, rows: sample.rows, missing: sample.missing };
	if (sample.kind === 'numbers') {
		const counts = new Map<number, number>();
		for (const v of sample.values) counts.set(v, (counts.get(v) ?? 0) + 1);
		const values = [...counts.keys()].sort((a, b) => a - b);
		return { ...base, kind: 'number', values, counts: values.map((v) => counts.get(v)!) };
	}
	if (sample.kind === 'labels') {
		const labels = [...sample.counts.keys()];
		const counts = labels.map((l) => sample.counts.get(l)!);
		if (column.kind === 'boolean')
			return { ...base, kind: 'boolean', words: column.words, labels, counts };
		return { ...base, kind: 'category', labels, counts };
	}
	return { ...base, kind: column.kind as 'text' | 'date' };
}

/**
 * Returns the reference statistics of the train rows: typed as the monitor types its reference
 * (`typeReference`), the target included, with the pipeline's predictions.
 */
export function referenceStats(
	pipeline: Pipeline,
	train: RawTable,
	target: ColumnSchema
): ReferenceStats {
	const inputs = pipeline.schema.columns;
	const prediction = predictionName([...inputs, target].map((c) => c.name));
	const compared = { ...pipeline.schema, columns: [...inputs, target] };
	const table = typeReference(pipeline, train, compared, prediction);
	return {
		source: 'train rows',
		rows: table.rowCount,
		target: target.name,
		prediction,
		columns: table.columns.map(columnStats)
	};
}

/**
 * Returns a table whose drift samples are exactly the statistics' (values in ascending order,
 * missing cells last). Text and date columns keep only their missing cells, which is all the
 * monitor checks of them. Throws `bad-reference` for statistics that do not add up.
 */
export function statsTable(stats: ReferenceStats): Table {
	return { rowCount: stats.rows, columns: stats.columns.map((c) => statsColumn(c, stats.rows)) };
}

function statsColumn(stats: ColumnStats, rows: number): Column {
	const { name, missing } = stats;
	const counted = 'counts' in stats ? stats.counts.reduce((a, b) => a + b, 0) : rows - missing;
	if (stats.rows !== rows || counted + missing !== rows || missing < 0) {
		throw new CoreError(
			'bad-reference',
			`The reference statistics of "${name}" count ${counted + missing} rows, not ${rows}.`,
			{ column: name }
		);
	}
	const kind = stats.kind;
	switch (kind) {
		case 'number': {
			const values = new Float64Array(rows).fill(NaN);
			expand(stats.counts, (i, at) => (values[at] = stats.values[i]));
			return { kind, name, values };
		}
		case 'category': {
			const codes = new Int32Array(rows).fill(-1);
			expand(stats.counts, (i, at) => (codes[at] = i));
			return { kind, name, codes, levels: [...stats.labels] };
		}
		case 'boolean': {
			const values = new Uint8Array(rows).fill(MISSING_BOOLEAN);
			const truth = stats.labels.map((l) => (l === stats.words[1] ? 1 : 0));
			expand(stats.counts, (i, at) => (values[at] = truth[i]));
			return { kind, name, values, words: stats.words };
		}
		case 'text': {
			const codes = new Int32Array(rows).fill(-1).fill(0, 0, rows - missing);
			return { kind, name, codes, levels: [''] };
		}
		case 'date': {
			const values = new Float64Array(rows).fill(NaN).fill(0, 0, rows - missing);
			return { kind, name, values, offsets: null };
		}
		default:
			return assertNever(kind as never);
	}
}

/** Calls `set(i, at)` for each of the `counts[i]` cells of entry i, filled from the first row. */
function expand(counts: readonly number[], set: (i: number, at: number) => void): void {
	let at = 0;
	counts.forEach((count, i) => {
		for (let k = 0; k < count; k++) set(i, at++);
	});
}
