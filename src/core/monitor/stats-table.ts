import { MISSING_BOOLEAN, type Column, type Table } from '../table/table';
import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import type { ColumnStats, ReferenceStats } from './reference-stats';

/**
 * Returns a table whose drift samples are exactly the statistics' (values in ascending order,
 * missing cells last). Text and date columns keep only their missing cells, which is all the
 * monitor checks of them. Throws `bad-reference` for statistics that do not add up.
 */
export function statsTable(stats: ReferenceStats): Table {
	return { rowCount: stats.rows, columns: stats.columns.map((c) => statsColumn(c, stats.rows)) };
}

/**
 * Returns the reference the monitor compares a batch with, from the statistics: the `compared`
 * columns, in that order, and the statistics' prediction column named `prediction` (none when
 * null). Throws `bad-reference` when a compared column has no statistics.
 */
export function statsReference(
	stats: ReferenceStats,
	compared: readonly string[],
	prediction: string | null
): Table {
	const table = statsTable(stats);
	const column = (name: string) => {
		const found = table.columns.find((c) => c.name === name);
		if (!found)
			throw new CoreError(
				'bad-reference',
				`The reference statistics have no column "${name}"; export the model again.`,
				{ column: name }
			);
		return found;
	};
	const columns = compared.map(column);
	if (prediction !== null) columns.push({ ...column(stats.prediction), name: prediction });
	return { rowCount: table.rowCount, columns };
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
