import { encodeClasses } from '../brief/target';
import { typedColumn, type Dataset } from '../table/dataset';
import type { ColumnSchema } from '../table/schema';
import { splitKindOf, type Split } from './split';
import { timeValues } from './split-columns';
import { splitReport, type SplitReport } from './split-report';

/** A split's report, and the column its time ranges come from (null when there is none). */
export interface DatasetSplitReport extends SplitReport {
	time: ColumnSchema | null;
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
		time: timeColumn && { name: timeColumn.name, kind: timeColumn.kind }
	};
}
