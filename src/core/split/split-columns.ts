import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import { hashRows } from '../profile/duplicates';
import { MISSING_BOOLEAN, type Column, type RawTable } from '../table/table';

/**
 * Returns a date or number column's values to order a time split by (NaN when missing); throws
 * `CoreError('wrong-split-column')` for any other kind of column.
 */
export function timeValues(column: Column): Float64Array {
	if (column.kind === 'date' || column.kind === 'number') return column.values;
	throw new CoreError(
		'wrong-split-column',
		`A time split orders rows by a date or number column; "${column.name}" holds ${column.kind} values. Read it as a date, or choose another column.`,
		{ column: column.name }
	);
}

/**
 * Returns a group code per row (-1 when missing) for a group split: equal values share a code.
 * Any kind of column can group rows; numbers and dates group by exact value.
 */
export function groupCodes(column: Column): Int32Array {
	switch (column.kind) {
		case 'category':
		case 'text':
			return column.codes;
		case 'boolean':
			return Int32Array.from(column.values, (v) => (v === MISSING_BOOLEAN ? -1 : v));
		case 'number':
		case 'date':
			return codesOfValues(column.values);
		default:
			return assertNever(column, 'column');
	}
}

/** Returns a code per distinct number, in order of first appearance; NaN is -1. */
function codesOfValues(values: Float64Array): Int32Array {
	const codes = new Map<number, number>();
	return Int32Array.from(values, (v) => {
		if (Number.isNaN(v)) return -1;
		let code = codes.get(v);
		if (code === undefined) {
			code = codes.size;
			codes.set(v, code);
		}
		return code;
	});
}

/**
 * Returns a key per row, equal for rows whose cells (as read) are equal in every column but those
 * named in `ignore` (the target): the `keepTogether` input that keeps copies in one part.
 */
export function duplicateKeys(raw: RawTable, ignore: readonly string[]): Int32Array {
	const skip = new Set(ignore);
	const [h1, h2] = hashRows(
		raw.rowCount,
		raw.columns.filter((column) => !skip.has(column.name))
	);
	// 53 of the 64 hash bits, exact in a double: a collision only keeps two rows together.
	const codes = new Map<number, number>();
	return Int32Array.from(h1, (a, row) => {
		const key = (a >>> 0) * 2 ** 21 + (h2[row] >>> 11);
		let code = codes.get(key);
		if (code === undefined) {
			code = codes.size;
			codes.set(key, code);
		}
		return code;
	});
}
