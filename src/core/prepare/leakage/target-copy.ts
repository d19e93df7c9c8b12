import { pearson } from '../../profile/relations';
import { MISSING_BOOLEAN, type Column, type Table } from '../../table/table';
import type { LeakFinding } from './leakage';
import { usedLevels, type LintTarget } from './lint-target';
import { dateText, percent, quote, score } from './words';

/** Share of each class a relabelled column must reproduce to be called a copy of the target. */
export const COPY_AGREEMENT = 0.95;
/** R² from which a number column is a straight-line copy of a number target (units, an offset). */
export const COPY_R2 = 0.999;
/** A column filled in for fewer of the target's rows than this share is not called a copy. */
const MIN_COVERAGE = 0.5;
const LISTED_PAIRS = 6;

const EXPLANATION =
	'This column is the target under another name, code or unit: a model that reads it simply copies the answer and scores almost perfectly in testing. On new rows the target is not known yet, and neither is this column.';

/** Returns a finding for each column that is the target, relabelled or rescaled. */
export function targetCopyFindings(table: Table, target: LintTarget): LeakFinding[] {
	return table.columns.flatMap((column): LeakFinding[] => {
		if (column.name === target.name) return [];
		const evidence =
			target.kind === 'classes' ? relabelled(column, target) : rescaled(column, target.y);
		if (evidence === null) return [];
		return [
			{
				check: 'target-copy',
				severity: 'leak',
				title: `${quote(column.name)} is a copy of ${quote(target.name)}`,
				explanation: EXPLANATION,
				evidence: `${quote(column.name)} ${evidence}.`,
				columns: [column.name],
				fix: { kind: 'drop-columns', columns: [column.name] }
			}
		];
	});
}

/** Returns each row's level (-1 missing) and the levels' texts, or null past `maxLevels` levels. */
function labelCodes(
	column: Column,
	maxLevels: number
): { codes: Int32Array; labels: string[] } | null {
	switch (column.kind) {
		case 'category':
		case 'text': {
			const used = usedLevels(column.codes, column.levels.length);
			return used <= maxLevels ? { codes: column.codes, labels: column.levels } : null;
		}
		case 'boolean':
			return {
				codes: Int32Array.from(column.values).map((v) => (v === MISSING_BOOLEAN ? -1 : v)),
				labels: column.words
			};
		default: {
			const index = new Map<number, number>();
			const codes = new Int32Array(column.values.length);
			for (let i = 0; i < codes.length; i++) {
				const v = column.values[i];
				if (v !== v) codes[i] = -1;
				else if (index.has(v)) codes[i] = index.get(v)!;
				else if (index.size === maxLevels) return null;
				else index.set(v, (codes[i] = index.size));
			}
			const text = column.kind === 'date' ? dateText : String;
			return { codes, labels: [...index.keys()].map((v) => text(v)) };
		}
	}
}

/** Returns the evidence that a label column is the target relabelled, or null. */
function relabelled(
	column: Column,
	target: Extract<LintTarget, { kind: 'classes' }>
): string | null {
	const k = target.classes.length;
	const read = labelCodes(column, Math.max(2 * k, k + 2));
	if (!read) return null;
	const counts = new Float64Array(read.labels.length * k);
	const classTotals = new Float64Array(k);
	let present = 0;
	let withTarget = 0;
	for (let i = 0; i < read.codes.length; i++) {
		const c = target.y[i];
		if (c < 0) continue;
		withTarget++;
		if (read.codes[i] < 0) continue;
		counts[read.codes[i] * k + c]++;
		classTotals[c]++;
		present++;
	}
	if (present < MIN_COVERAGE * withTarget) return null;
	const mapped = read.labels.map((_, l) => argmax(counts.subarray(l * k, (l + 1) * k)));
	const hits = new Float64Array(k);
	mapped.forEach((c, l) => (hits[c] += counts[l * k + c]));
	const recalls = [...classTotals.keys()]
		.filter((c) => classTotals[c] > 0)
		.map((c) => hits[c] / classTotals[c]);
	if (Math.min(...recalls) < COPY_AGREEMENT) return null;
	const agreement = hits.reduce((a, b) => a + b, 0) / present;
	const pairs = read.labels
		.map((label, l) => ({
			label,
			l,
			n: counts.subarray(l * k, (l + 1) * k).reduce((a, b) => a + b, 0)
		}))
		.filter((p) => p.n > 0)
		.slice(0, LISTED_PAIRS)
		.map((p) => `${quote(p.label)} → ${quote(target.classes[mapped[p.l]])}`);
	return `matches ${quote(target.name)} in ${percent(agreement)} of the ${present} rows where both are filled in (and in at least ${percent(Math.min(...recalls))} of each class) once its values are paired with classes: ${pairs.join(', ')}`;
}

function argmax(values: Float64Array): number {
	let best = 0;
	for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
	return best;
}

/** Returns the evidence that a number column equals the target up to units and offset, or null. */
function rescaled(column: Column, y: Float64Array): string | null {
	if (column.kind !== 'number') return null;
	const x = column.values;
	let present = 0;
	let withTarget = 0;
	let equal = 0;
	for (let i = 0; i < y.length; i++) {
		if (y[i] !== y[i]) continue;
		withTarget++;
		if (x[i] !== x[i]) continue;
		present++;
		if (x[i] === y[i]) equal++;
	}
	if (present < MIN_COVERAGE * withTarget) return null;
	if (equal >= COPY_AGREEMENT * present)
		return `equals it in ${equal} of the ${present} rows where both are filled in (${percent(equal / present)})`;
	const r = pearson(x, y).value;
	if (r === null || r * r < COPY_R2) return null;
	return `is the target on another scale: a straight line through it fits it with R² ${score(r * r)} over the ${present} rows where both are filled in`;
}
