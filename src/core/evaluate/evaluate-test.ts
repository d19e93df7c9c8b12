import { CoreError } from '../util/core-error';
import { confusionMatrix } from './metrics';
import type { MetricValues } from './metric-catalogue';
import { judge, type Kpi, type Verdict } from './verdict';
import {
	encodeTargetOf,
	predictRaw,
	predictionCells,
	scorePrediction,
	type Pipeline
} from '../ship/pipeline';
import { typeTable, type DatasetSchema } from '../table/schema';
import type { ColumnSchema } from '../table/schema';
import type { RawTable } from '../table/table';

/** The one look at the test set: scores of the model and the baseline, and the verdict. */
export interface TestEvaluation {
	metrics: MetricValues;
	baselineMetrics: MetricValues;
	verdict: Verdict;
	/** Rows are true classes, columns predicted classes (classification only). */
	confusion: number[][] | null;
	/** Predictions as a table: the file row, then the bundle's output columns. */
	predictions: { header: string[]; cells: string[][] };
}

/**
 * Returns the evaluation of a pipeline and its baseline on the test rows, predicted by the same
 * code path as the exported bundle (`predictRaw` on the rows' cell text).
 */
export function evaluateTest(
	pipeline: Pipeline,
	baseline: Pipeline,
	test: RawTable,
	rowIds: ArrayLike<number>,
	target: ColumnSchema,
	kpi: Kpi
): TestEvaluation {
	const schema: DatasetSchema = { columns: [target], missingTokens: pipeline.schema.missingTokens };
	const truth = encodeTargetOf(pipeline.target, typeTable(test, schema).table.columns[0]);
	const predicted = predictRaw(pipeline, test);
	const failed = predicted.errors.findIndex((e) => e !== null);
	if (failed >= 0) {
		// Scoring such a row with an imputed value would count a prediction the bundle refuses.
		throw new CoreError(
			'invalid-cell',
			`Test row ${rowIds[failed] + 1}: ${predicted.errors[failed]}.`
		);
	}
	const baselinePredicted = predictRaw(baseline, test);
	const metrics = scorePrediction(pipeline.target, truth, predicted.prediction);
	const baselineMetrics = scorePrediction(baseline.target, truth, baselinePredicted.prediction);
	const confusion =
		truth.kind === 'classes' && predicted.decided
			? confusionMatrix(truth.y, predicted.decided, truth.classes.length)
			: null;
	const table = predictionCells(predicted);
	return {
		metrics,
		baselineMetrics,
		verdict: judge(kpi, metrics, baselineMetrics),
		confusion,
		predictions: {
			header: ['row', ...table.header],
			cells: table.cells.map((cells, i) => [String(rowIds[i]), ...cells])
		}
	};
}
