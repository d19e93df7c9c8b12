import { encodeClasses } from '../brief/target';
import { typedColumn, type Dataset } from '../table/dataset';
import type { ColumnSchema } from '../table/schema';
import { splitKindOf, type Split } from './split';
import { timeValues } from './split-columns';
import { splitReport, type ClassCount, type SplitReport } from './split-report';

/** A split's report, and the column its time ranges come from (null when there is none). */
export interface DatasetSplitReport extends SplitReport {
	time: ColumnSchema | null;
	/** With cross-validation folds: rows and class shares of each fold. */
	folds: FoldReport[] | null;
}

/** One cross-validation fold: its rows, and its class counts and shares (classification). */
export interface FoldReport {
	fold: number;
	rows: number;
	classes: ClassCount[] | null;
}

/**
 * Returns the report of a split of the dataset: class shares per part (with `classes`), and the
 * range per part of the time split's column, or else of the first date column, if any.
 */
export function datasetSplitReport(
	dataset: Dataset,
	split: Split,
	target: ColumnSchema,
	classes: readonly string[] | null
): DatasetSplitReport {
	const plan = split.plan;
	const timeName =
		splitKindOf(plan) === 'time' && plan.column
			? plan.column
			: (dataset.reports.find((r) => r.kind === 'date' && r.name !== target.name)?.name ?? null);
	const timeColumn = timeName === null ? null : typedColumn(dataset, timeName);
	const classInputs = classes
		? { strata: encodeClasses(typedColumn(dataset, target.name), classes), labels: classes }
		: undefined;
	const report = splitReport(split, {
		...(classInputs ? { classes: classInputs } : {}),
		...(timeColumn ? { time: timeValues(timeColumn) } : {})
	});
	return {
		...report,
		time: timeColumn && { name: timeColumn.name, kind: timeColumn.kind },
		folds: split.folds ? foldReports(split.folds, classInputs) : null
	};
}

function foldReports(
	folds: Int8Array,
	classes: { strata: Int32Array; labels: readonly string[] } | undefined
): FoldReport[] {
	let k = 0;
	for (const f of folds) if (f + 1 > k) k = f + 1;
	const labels = classes?.labels ?? [];
	const counts = Array.from({ length: k }, () => new Array<number>(labels.length).fill(0));
	const rows = new Array<number>(k).fill(0);
	folds.forEach((f, row) => {
		if (f < 0) return;
		rows[f]++;
		const c = classes?.strata[row] ?? -1;
		if (c >= 0) counts[f][c]++;
	});
	return rows.map((n, fold) => ({
		fold,
		rows: n,
		classes: classes
			? labels.map((label, c) => ({
					label,
					count: counts[fold][c],
					share: n > 0 ? counts[fold][c] / n : 0
				}))
			: null
	}));
}
