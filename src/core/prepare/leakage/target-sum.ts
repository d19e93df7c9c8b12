import { evenlySpacedRows } from '../../profile/relations';
import type { NumberColumn, Table } from '../../table/table';
import type { LeakFinding } from './leakage';
import type { LintTarget } from './lint-target';
import { percent, quote } from './words';

/** Share of rows on which two columns must add up to the target (or differ by it). */
export const SUM_AGREEMENT = 0.99;
/** Rows tried first: a pair that fails on these is not read in full (most pairs fail at once). */
const PROBE_ROWS = 64;
/** A column equal to the target on this share of rows is a copy (see target-copy), not a part. */
const COPY_SHARE = 0.5;
/** Pairs filled in for fewer of the target's rows than this share are not reported. */
const MIN_COVERAGE = 0.5;
/** Relative tolerance of a match: decimals from a file add up with rounding error. */
const TOLERANCE = 1e-9;
/** The combinations tried: a + b, a - b and b - a. */
const SIGNS: readonly (readonly [number, number])[] = [
	[1, 1],
	[1, -1],
	[-1, 1]
];

const EXPLANATION =
	'The target can be computed exactly from these columns, so a model that reads them does arithmetic instead of predicting. The parts of a total are known only once the total is, so they will not be there when a prediction is needed.';

interface Match {
	rows: number;
	matched: number;
}

/** Returns a finding for each pair of number columns whose sum or difference is the target. */
export function targetSumFindings(table: Table, target: LintTarget): LeakFinding[] {
	if (target.kind !== 'values') return [];
	const y = target.y;
	const parts = table.columns.filter(
		(c): c is NumberColumn =>
			c.kind === 'number' &&
			c.name !== target.name &&
			varies(c.values) &&
			copyShare(c.values, y) < COPY_SHARE
	);
	const withTarget = y.filter((v) => v === v).length;
	const probe = probeRows(y);
	const findings: LeakFinding[] = [];
	for (let i = 0; i < parts.length; i++)
		for (let j = i + 1; j < parts.length; j++)
			for (const signs of SIGNS) {
				const [a, b] = [parts[i], parts[j]];
				if (!isMatch(matchRows(a.values, b.values, y, signs, probe), 1)) continue;
				const match = matchRows(a.values, b.values, y, signs, null);
				if (!isMatch(match, MIN_COVERAGE * withTarget)) continue;
				findings.push(sumFinding(a.name, b.name, target.name, signs, match));
				break;
			}
	return findings;
}

function sumFinding(
	a: string,
	b: string,
	target: string,
	[sa, sb]: readonly [number, number],
	{ rows, matched }: Match
): LeakFinding {
	const formula = `${sa < 0 ? '-' : ''}${quote(a)} ${sb < 0 ? '-' : '+'} ${quote(b)}`;
	return {
		check: 'target-sum',
		severity: 'leak',
		title: `${quote(a)} and ${quote(b)} add up to ${quote(target)}`,
		explanation: EXPLANATION,
		evidence: `${formula} equals ${quote(target)} in ${matched} of the ${rows} rows where all three are filled in (${percent(matched / rows)}).`,
		columns: [a, b],
		fix: { kind: 'drop-columns', columns: [a, b] }
	};
}

const isMatch = ({ rows, matched }: Match, minRows: number) =>
	rows >= minRows && matched >= SUM_AGREEMENT * rows;

/** Counts the rows (of `rows`, or all) where sa * a + sb * b is the target, and those with all three. */
function matchRows(
	a: Float64Array,
	b: Float64Array,
	y: Float64Array,
	[sa, sb]: readonly [number, number],
	rows: Int32Array | null
): Match {
	const n = rows ? rows.length : y.length;
	let present = 0;
	let matched = 0;
	for (let k = 0; k < n; k++) {
		const i = rows ? rows[k] : k;
		const total = sa * a[i] + sb * b[i];
		if (total !== total || y[i] !== y[i]) continue;
		present++;
		const scale = Math.max(1, Math.abs(a[i]), Math.abs(b[i]), Math.abs(y[i]));
		if (Math.abs(total - y[i]) <= TOLERANCE * scale) matched++;
	}
	return { rows: present, matched };
}

function probeRows(y: Float64Array): Int32Array {
	const present = Int32Array.from(y.keys()).filter((i) => y[i] === y[i]);
	if (present.length <= PROBE_ROWS) return present;
	return evenlySpacedRows(present.length, PROBE_ROWS).map((k) => present[k]);
}

function varies(values: Float64Array): boolean {
	let first = NaN;
	for (const v of values) {
		if (v !== v) continue;
		if (first !== first) first = v;
		else if (v !== first) return true;
	}
	return false;
}

function copyShare(values: Float64Array, y: Float64Array): number {
	let equal = 0;
	for (let i = 0; i < y.length; i++) if (values[i] === y[i]) equal++;
	return equal / Math.max(1, y.length);
}
