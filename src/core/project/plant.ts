// Planting a trap for an assignment: a copy of the target with a little noise, added as a column,
// as a real leak looks (a code derived from the outcome, an appraisal made after the sale).
import { CoreError } from '../util/core-error';
import { createRng, type Rng } from '../util/rng';
import type { ColumnSchema } from '../table/schema';
import { cellText, NUMBER_CELL, type RawTable } from '../table/table';

/** Share of class labels the planted column copies unchanged; the rest get another label. */
export const PLANTED_AGREEMENT = 0.97;
/** Relative noise (standard deviation) on a number target's planted copy. */
export const PLANTED_NOISE = 0.03;

/**
 * Returns the table as CSV text with a column `name` appended: the target's label (kept with
 * probability PLANTED_AGREEMENT, else another label) or, for a number target, its value times
 * 1 + N(0, PLANTED_NOISE). A missing target stays missing. Texts are written as read; a cell
 * read as a number is written in its shortest form ("41.0" as 41, "1e3" as 1000): the same value.
 */
export function plantLeak(raw: RawTable, target: ColumnSchema, name: string, seed: number): string {
	const column = raw.columns.find((c) => c.name === target.name);
	if (!column) throw new CoreError('plant', `The data has no column "${target.name}" to copy.`);
	if (!name.trim()) throw new CoreError('plant', 'Name the planted column.');
	if (raw.columns.some((c) => c.name === name))
		throw new CoreError('plant', `The data already has a column "${name}": choose another name.`);
	const rng = createRng(seed);
	const texts = Array.from({ length: raw.rowCount }, (_, row) => cellText(column, row));
	const numeric = target.kind === 'number';
	const labels = numeric ? [] : [...new Set(texts.filter((t) => t.trim() !== ''))];
	if (!numeric && labels.length < 2)
		throw new CoreError(
			'plant',
			`The target "${target.name}" has one label: a copy of it leaks nothing.`
		);
	const planted = (row: number): string => {
		const text = texts[row];
		if (text.trim() === '') return '';
		// A number target's other cells (a missing-value token) are copied as they are.
		if (numeric) return column.codes[row] === NUMBER_CELL ? noisy(column.numbers![row], rng) : text;
		if (rng.next() < PLANTED_AGREEMENT) return text;
		const others = labels.filter((l) => l !== text);
		return others[rng.int(others.length)];
	};
	const header = [...raw.columns.map((c) => c.name), name];
	const lines = [header.map(csvCell).join(',')];
	for (let row = 0; row < raw.rowCount; row++)
		lines.push([...raw.columns.map((c) => cellText(c, row)), planted(row)].map(csvCell).join(','));
	return lines.join('\n') + '\n';
}

/** A value times 1 + N(0, PLANTED_NOISE) (Box-Muller), to six significant digits. */
function noisy(value: number, rng: Rng): string {
	const u = 1 - rng.next();
	const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
	return String(Number((value * (1 + PLANTED_NOISE * z)).toPrecision(6)));
}

/** A cell as RFC 4180 writes it: quoted only when it must be, the text itself never changed. */
function csvCell(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
