import { SPLIT_PARTS, type Split, type SplitPart } from './split';

/** One class's rows in a part, and its share of the part's rows (0 when the part is empty). */
export interface ClassCount {
	label: string;
	count: number;
	share: number;
}

/** What one part holds: its rows, its classes (classification) and its time range. */
export interface PartReport {
	part: SplitPart;
	rows: number;
	/** Per class, in class order; null when no classes were given (regression). */
	classes: ClassCount[] | null;
	/** Smallest and largest time value of the part's rows; null without a time column or values. */
	timeRange: { min: number; max: number } | null;
}

/** A split described for the user: one report per part, in train, val, test order. */
export interface SplitReport {
	parts: PartReport[];
	/** Rows in no part (no target, or no time value in a time split). */
	dropped: number;
	/** Class labels, in class order, when the report has classes. */
	labels: string[] | null;
}

/** What a report can describe besides sizes: each row's class code and each row's time value. */
export interface SplitReportInputs {
	classes?: { strata: Int32Array; labels: readonly string[] };
	time?: Float64Array;
}

/**
 * Returns each part's row count, class counts and shares, and time range, to show that a split
 * is honest (similar class shares, or test after train in time). Describes the test part's size
 * and classes only, never anything a model predicted.
 */
export function splitReport(split: Split, inputs: SplitReportInputs = {}): SplitReport {
	const { assignment } = split;
	const classCount = inputs.classes?.labels.length ?? 0;
	const rows = [0, 0, 0];
	const counts = SPLIT_PARTS.map(() => new Array<number>(classCount).fill(0));
	const mins = [Infinity, Infinity, Infinity];
	const maxes = [-Infinity, -Infinity, -Infinity];
	for (let i = 0; i < assignment.length; i++) {
		const part = assignment[i];
		if (part < 0) continue;
		rows[part]++;
		const code = inputs.classes?.strata[i] ?? -1;
		if (code >= 0 && code < classCount) counts[part][code]++;
		const t = inputs.time?.[i] ?? NaN;
		if (!Number.isNaN(t)) {
			if (t < mins[part]) mins[part] = t;
			if (t > maxes[part]) maxes[part] = t;
		}
	}
	const labels = inputs.classes ? [...inputs.classes.labels] : null;
	return {
		parts: SPLIT_PARTS.map((part, p) => ({
			part,
			rows: rows[p],
			classes: labels
				? labels.map((label, c) => ({
						label,
						count: counts[p][c],
						share: rows[p] === 0 ? 0 : counts[p][c] / rows[p]
					}))
				: null,
			timeRange: mins[p] <= maxes[p] ? { min: mins[p], max: maxes[p] } : null
		})),
		dropped: split.counts.dropped,
		labels
	};
}
