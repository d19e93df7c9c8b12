import type { EncodedTarget } from '../brief/target';
import type { Prediction } from '../models/model';
import {
	decisionOf,
	encodeTargetOf,
	predictRaw,
	predictionCells,
	scoringColumns,
	type Pipeline,
	type PredictedRows,
	withThreshold
} from '../ship/pipeline';
import { typeTable, type ColumnSchema, type DatasetSchema } from '../table/schema';
import type { RawTable, Table } from '../table/table';
import { CoreError } from '../util/core-error';
import { createRng } from '../util/rng';
import type { TaskContext } from '../util/task';
import {
	brierScore,
	calibrationCurve,
	liftCurve,
	precisionRecallCurve,
	residuals,
	rocCurve,
	type CalibrationBin,
	type Curve,
	type LiftPoint,
	type PrPoint,
	type Residuals,
	type RocPoint
} from './curves';
import {
	errorsByFeature,
	worstPredictions,
	type ErrorsByFeature,
	type WorstPredictions
} from './error-analysis';
import { assessFairness, type FairnessReport } from './fairness';
import { confusionMatrix, mapeWarning } from './metrics';
import {
	permutationImportance,
	type PermutationImportance,
	type PermutationOptions
} from './permutation-importance';
import { metricInfo, type MetricName } from './metric-catalogue';
import { queryScores, type QueryScore } from './ranking-metrics';
import { sliceMetrics, worstSlices, type Slice, type SliceReport } from './slices';
import { scoreTest, type TestScores } from './test-scores';
import {
	chooseThreshold,
	costCurve,
	type CostPoint,
	type ThresholdChoice,
	type ThresholdRule
} from './threshold';
import { judge, type Kpi, type Verdict } from './verdict';

/** What one look at the test set needs: the rows, the model, and the brief's contract. */
export interface EvaluateInput {
	pipeline: Pipeline;
	baseline: Pipeline;
	test: RawTable;
	/** The file row of each test row. */
	rowIds: ArrayLike<number>;
	/** The validation rows, where a binary model's threshold is chosen before the test is scored. */
	validation: RawTable | null;
	target: ColumnSchema;
	/** The primary KPI first, then the brief's others. */
	kpis: readonly Kpi[];
	thresholdRule: ThresholdRule;
	/** Columns to check for fairness (binary tasks), model inputs or not. */
	sensitive: readonly ColumnSchema[];
	/** Seeds the bootstrap and the permutations. */
	seed: number;
}

/** The curves that fit the task (binary: the score curves; regression: the residuals). */
export interface TestCurves {
	roc?: Curve<RocPoint>;
	pr?: Curve<PrPoint>;
	/** The share of positives among the test rows: a PR curve's no-skill line. */
	baseRate?: number;
	calibration?: Curve<CalibrationBin>;
	brier?: number | null;
	lift?: Curve<LiftPoint>;
	residuals?: Residuals;
}

/** The one deliberate look at the test set: scores, curves, slices, fairness, errors, verdict. */
export interface TestEvaluation extends TestScores {
	verdict: Verdict;
	/** Binary: the threshold chosen on validation and applied to test. */
	threshold: ThresholdChoice | null;
	/** The cost of each threshold on validation, when the rule is the cost matrix. */
	costCurve: CostPoint[] | null;
	/** Rows are true classes, columns predicted classes (classification only). */
	confusion: number[][] | null;
	classes: string[] | null;
	curves: TestCurves;
	slices: SliceReport;
	worstSlices: Slice[];
	fairness: FairnessReport[];
	worst: WorstPredictions;
	errorsByFeature: ErrorsByFeature;
	importance: PermutationImportance;
	/** What makes a figure less trustworthy than it looks (zeros under MAPE, a small test set). */
	warnings: string[];
	rows: number;
	/** Ranking: each query's NDCG@10 and MAP@10, worst first; null for other tasks. */
	queries: QueryScore[] | null;
	/** Predictions as a table: the file row, then the bundle's output columns. */
	predictions: { header: string[]; cells: string[][] };
}

/** Below this many test queries (ranking), intervals over resampled queries mean little. */
const FEW_TEST_QUERIES = 20;
/** Below this many test rows, intervals are wide enough to say so. */
const FEW_TEST_ROWS = 100;

function truthOf(pipeline: Pipeline, raw: RawTable, target: ColumnSchema): EncodedTarget {
	const columns = [target, ...scoringColumns(pipeline.target)];
	const schema: DatasetSchema = { columns, missingTokens: pipeline.schema.missingTokens };
	return encodeTargetOf(pipeline.target, typeTable(raw, schema).table);
}

/** A ranking's per-query scores on the rows, named by the query column's values; else null. */
function queryScoresOf(
	pipeline: Pipeline,
	raw: RawTable,
	truth: EncodedTarget,
	prediction: Prediction
): QueryScore[] | null {
	const [query] = scoringColumns(pipeline.target);
	if (!query || truth.kind !== 'values' || !truth.queries || prediction.kind !== 'values')
		return null;
	const schema: DatasetSchema = { columns: [query], missingTokens: pipeline.schema.missingTokens };
	const column = typeTable(raw, schema).table.columns[0];
	const labels = column.kind === 'category' ? column.levels : [];
	return queryScores(truth.y, prediction.values, truth.queries, labels);
}

/** Throws for the first row the bundle would refuse: scoring it imputed would count a refused row. */
function checkPredicted(predicted: PredictedRows, rowIds: ArrayLike<number>, part: string): void {
	const failed = predicted.errors.findIndex((e) => e !== null);
	if (failed >= 0)
		throw new CoreError(
			'invalid-cell',
			`${part} row ${rowIds[failed] + 1}: ${predicted.errors[failed]}.`
		);
}

/** Positive-class scores and truth of a binary prediction. */
function binaryScores(prediction: Prediction, truth: EncodedTarget, positive: number) {
	if (prediction.kind !== 'classes' || truth.kind !== 'classes') return null;
	const k = prediction.classes.length;
	return {
		scores: Float64Array.from(
			{ length: truth.y.length },
			(_, i) => prediction.proba[i * k + positive]
		),
		positive: Array.from(truth.y, (t) => t === positive)
	};
}

/** Chooses a binary model's threshold on the validation rows; null for other tasks. */
function chooseOnValidation(
	input: EvaluateInput
): { choice: ThresholdChoice; costs: CostPoint[] | null } | null {
	const { pipeline, validation, target } = input;
	if (pipeline.target.task !== 'binary') return null;
	const positive = pipeline.target.classes.indexOf(pipeline.target.positive);
	const rows = validation ?? { rowCount: 0, columns: [] };
	const predicted = validation ? predictRaw(pipeline, validation).prediction : null;
	const scored = predicted && binaryScores(predicted, truthOf(pipeline, rows, target), positive);
	const scores = scored?.scores ?? new Float64Array(0);
	const truth = scored?.positive ?? [];
	const rule = input.thresholdRule;
	return {
		choice: chooseThreshold(scores, truth, rule),
		costs:
			rule.kind === 'cost' ? costCurve(scores, truth, rule.falsePositive, rule.falseNegative) : null
	};
}

function curvesOf(pipeline: Pipeline, prediction: Prediction, truth: EncodedTarget): TestCurves {
	if (prediction.kind === 'values' && truth.kind === 'values')
		return { residuals: residuals(truth.y, prediction.values) };
	if (pipeline.target.task !== 'binary') return {};
	const scored = binaryScores(
		prediction,
		truth,
		pipeline.target.classes.indexOf(pipeline.target.positive)
	);
	if (!scored) return {};
	const { scores, positive } = scored;
	return {
		roc: rocCurve(scores, positive),
		pr: precisionRecallCurve(scores, positive),
		baseRate: positive.length > 0 ? positive.filter(Boolean).length / positive.length : NaN,
		calibration: calibrationCurve(scores, positive),
		brier: brierScore(scores, positive),
		lift: liftCurve(scores, positive)
	};
}

/**
 * Returns the permutation importance on the primary metric, or none when that metric is undefined
 * on the test rows (ROC-AUC on rows of one class): shuffling cannot worsen what is not defined.
 */
function importanceOf(
	pipeline: Pipeline,
	inputs: Table,
	truth: EncodedTarget,
	scores: TestScores,
	metric: MetricName,
	options: PermutationOptions
): Promise<PermutationImportance> {
	const value = scores.metrics[metric] ?? NaN;
	if (!Number.isFinite(value)) return Promise.resolve({ metric, baseline: value, columns: [] });
	return permutationImportance(pipeline, inputs, truth, metric, options);
}

function noImportance(metric: MetricName): string {
	return `${metricInfo(metric).label} is undefined on these test rows (one class only?), so permutation importance, which measures how much it worsens, was not computed.`;
}

/** The inputs' schema with the sensitive columns the model does not read added after them. */
function withColumns(schema: DatasetSchema, extra: readonly ColumnSchema[]): DatasetSchema {
	const known = new Set(schema.columns.map((c) => c.name));
	return { ...schema, columns: [...schema.columns, ...extra.filter((c) => !known.has(c.name))] };
}

function warningsOf(truth: EncodedTarget, rows: number): string[] {
	const warnings: string[] = [];
	if (rows < FEW_TEST_ROWS)
		warnings.push(
			`The test set has only ${rows} rows: every figure below is uncertain, as its interval shows.`
		);
	if (truth.kind === 'values' && truth.queries) {
		const queries = new Set(truth.queries).size;
		if (queries < FEW_TEST_QUERIES)
			warnings.push(
				`The test set has only ${queries} quer${queries === 1 ? 'y' : 'ies'}: the intervals resample whole queries, so with this few they cannot show how much the scores would vary.`
			);
	} else if (truth.kind === 'values') {
		const mape = mapeWarning(truth.y);
		if (mape) warnings.push(mape);
	}
	return warnings;
}

/**
 * Returns the evaluation of a pipeline and its baseline on the test rows, predicted by the same
 * code path as the exported bundle (`predictRaw` on the rows' cell text). A binary model's
 * threshold is chosen on the validation rows first (by the brief's rule) and then applied to the
 * test rows, so the test set judges the threshold rather than picking it. Every random choice (the
 * bootstrap, the permutations) draws from `seed`.
 */
export async function evaluateTest(
	input: EvaluateInput,
	ctx: TaskContext = {}
): Promise<TestEvaluation> {
	const { test, rowIds, target, kpis } = input;
	if (kpis.length === 0)
		throw new CoreError('no-kpi', 'The brief has no KPI to judge the model against.');
	const chosen = chooseOnValidation(input);
	const pipeline = chosen ? withThreshold(input.pipeline, chosen.choice.threshold) : input.pipeline;
	const truth = truthOf(pipeline, test, target);
	const predicted = predictRaw(pipeline, test);
	checkPredicted(predicted, rowIds, 'Test');
	const baseline = predictRaw(input.baseline, test).prediction;
	const rng = createRng(input.seed);
	const scores = await scoreTest(
		truth,
		{ target: pipeline.target, prediction: predicted.prediction },
		{ target: input.baseline.target, prediction: baseline },
		kpis[0].metric,
		rng,
		ctx
	);
	const decision = decisionOf(pipeline.target);
	const inputs = typeTable(test, withColumns(pipeline.schema, input.sensitive)).table;
	const slices = sliceMetrics(inputs, truth, predicted.prediction, decision, kpis[0].metric);
	const importance = await importanceOf(pipeline, inputs, truth, scores, kpis[0].metric, {
		...ctx,
		rng: createRng(rng.int(2 ** 32))
	});
	const table = predictionCells(predicted);
	return {
		...scores,
		verdict: judge({ kpis, ...scores, baseline: scores.baselineMetrics }),
		threshold: chosen?.choice ?? null,
		costCurve: chosen?.costs ?? null,
		confusion:
			truth.kind === 'classes' && predicted.decided
				? confusionMatrix(truth.y, predicted.decided, truth.classes.length)
				: null,
		classes: truth.kind === 'classes' ? truth.classes : null,
		curves: curvesOf(pipeline, predicted.prediction, truth),
		slices,
		worstSlices: worstSlices(slices.slices, kpis[0].metric),
		fairness: input.sensitive.map((column) =>
			assessFairness(inputs, truth, predicted.prediction, decision, column.name)
		),
		worst: worstPredictions(truth, predicted.prediction, decision, rowIds),
		errorsByFeature: errorsByFeature(inputs, truth, predicted.prediction, decision),
		importance,
		warnings: [
			...warningsOf(truth, truth.y.length),
			...(importance.columns.length === 0 ? [noImportance(kpis[0].metric)] : [])
		],
		rows: truth.y.length,
		queries: queryScoresOf(pipeline, test, truth, predicted.prediction),
		predictions: {
			header: ['row', ...table.header],
			cells: table.cells.map((cells, i) => [String(rowIds[i]), ...cells])
		}
	};
}
