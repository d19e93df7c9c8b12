import type { Pipeline } from '../ship/pipeline';
import type { ColumnSchema } from '../table/schema';
import type { Column, RawTable } from '../table/table';
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
