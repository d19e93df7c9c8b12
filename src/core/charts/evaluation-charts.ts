import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationBin, LiftPoint, PrPoint, Residuals, RocPoint } from '../evaluate/curves';
import type { CostPoint } from '../evaluate/threshold';
import {
	FIT_WIDTH,
	HIGHLIGHT,
	REFERENCE_GREY,
	referenceData,
	VEGA_LITE_SCHEMA
} from './chart-base';

const HEIGHT = 260;

/** Returns what every evaluation chart shares: schema, description, a width that fits. */
function frame(description: string) {
	return {
		$schema: VEGA_LITE_SCHEMA,
		description,
		...FIT_WIDTH,
		height: HEIGHT
	} as const;
}

/** Returns a quantitative position channel over [0, 1], as shares and rates are. */
function unitChannel(field: string, title: string, format?: string) {
	const axis = format ? { axis: { format } } : {};
	return { field, type: 'quantitative' as const, scale: { domain: [0, 1] }, title, ...axis };
}

/** Returns one tooltip line. */
function tip(field: string, title: string, format?: string) {
	return { field, type: 'quantitative' as const, title, ...(format ? { format } : {}) };
}

/** A position on a [0, 1] scale, for a reference mark on a chart of shares and rates. */
function unitDatum(datum: number) {
	return { datum, type: 'quantitative' as const, scale: { domain: [0, 1] } };
}

/**
 * Returns the dashed grey diagonal from (0, 0) to (1, 1): a model that guesses (ROC), a random
 * order (gains) or perfect calibration. A reference, not data: it has no rows of its own.
 */
function diagonal() {
	return {
		data: referenceData(),
		mark: { type: 'rule' as const, strokeDash: [4, 4], color: REFERENCE_GREY },
		encoding: { x: unitDatum(0), y: unitDatum(0), x2: { datum: 1 }, y2: { datum: 1 } }
	};
}

/** Returns a number with three decimals for a description, or "not defined". */
function d3(x: number | null): string {
	return x === null || !Number.isFinite(x) ? 'not defined' : x.toFixed(3);
}

/** Returns a threshold fit for JSON: Infinity ("above every score") becomes null. */
function finiteOrNull(x: number): number | null {
	return Number.isFinite(x) ? x : null;
}

/** Returns a share as a whole percentage. */
function pct(x: number): string {
	return `${Math.round(x * 100)}%`;
}

/**
 * Returns the ROC chart: the share of positives caught against the share of negatives wrongly
 * flagged at every threshold, over the dashed diagonal of a model that guesses.
 */
export function rocChartSpec(points: readonly RocPoint[], auc: number): TopLevelSpec {
	const x = unitChannel('fpr', 'false positive rate (share of negatives flagged)');
	const y = unitChannel('tpr', 'true positive rate (share of positives caught)');
	const values = points.map((p, order) => ({
		order,
		fpr: p.fpr,
		tpr: p.tpr,
		threshold: finiteOrNull(p.threshold)
	}));
	return {
		...frame(
			`ROC curve: share of positives caught against share of negatives wrongly flagged, at every threshold. Area under the curve ${d3(auc)}; the dashed diagonal is a model that guesses (0.5).`
		),
		layer: [
			diagonal(),
			{
				data: { values },
				mark: { type: 'line', clip: true },
				encoding: {
					x,
					y,
					// The curve's own order: at a tied false positive rate it climbs straight up.
					order: { field: 'order', type: 'quantitative' },
					tooltip: [
						tip('threshold', 'threshold', '.3f'),
						tip('fpr', 'false positive rate', '.3f'),
						tip('tpr', 'true positive rate', '.3f')
					]
				}
			}
		]
	};
}

/**
 * Returns the precision-recall chart, drawn as steps (the area under the steps is the average
 * precision), over a dashed rule at the positive share: the precision of a model that guesses.
 */
export function prChartSpec(
	points: readonly PrPoint[],
	averagePrecision: number,
	baseRate: number
): TopLevelSpec {
	const x = unitChannel('recall', 'recall (share of positives found)');
	const y = unitChannel('precision', 'precision (share of flagged rows that are positive)');
	// Points arrive recall-falling (scikit-learn's order); steps are drawn recall-rising, each
	// precision holding back to the previous recall, as average precision sums them.
	const values = points.map((p, i) => ({
		order: points.length - 1 - i,
		recall: p.recall,
		precision: p.precision,
		threshold: finiteOrNull(p.threshold)
	}));
	return {
		...frame(
			`Precision-recall curve: precision against recall at every threshold. Average precision ${d3(averagePrecision)}; the dashed line is a model that guesses, at the positive share ${d3(baseRate)}.`
		),
		layer: [
			{
				data: referenceData(),
				mark: { type: 'rule', strokeDash: [4, 4], color: REFERENCE_GREY },
				encoding: { y: unitDatum(baseRate) }
			},
			{
				data: { values },
				mark: { type: 'line', interpolate: 'step-before', clip: true },
				encoding: {
					x,
					y,
					order: { field: 'order', type: 'quantitative' },
					tooltip: [
						tip('threshold', 'threshold', '.3f'),
						tip('recall', 'recall', '.3f'),
						tip('precision', 'precision', '.3f')
					]
				}
			}
		]
	};
}

/**
 * Returns the calibration chart: for each band of predicted probability, the share of rows that
 * were positive against the mean prediction, over the dashed diagonal of perfect calibration.
 */
export function calibrationChartSpec(
	bins: readonly CalibrationBin[],
	brier: number | null
): TopLevelSpec {
	const x = unitChannel('meanPredicted', 'mean predicted probability');
	const y = unitChannel('fractionPositive', 'share of rows that were positive');
	return {
		...frame(
			`Calibration: in each band of predicted probability, the share of rows that were positive against the mean prediction; a well-calibrated model follows the dashed diagonal. Brier score ${d3(brier)} (lower is better).`
		),
		layer: [
			diagonal(),
			{
				data: { values: bins.map((b) => ({ ...b })) },
				mark: { type: 'line', point: true },
				encoding: {
					x,
					y,
					tooltip: [
						tip('binStart', 'band from', '.2f'),
						tip('binEnd', 'band to', '.2f'),
						tip('count', 'rows'),
						tip('meanPredicted', 'mean predicted probability', '.3f'),
						tip('fractionPositive', 'share positive', '.3f')
					]
				}
			}
		]
	};
}

/**
 * Returns the residual chart: each row's residual (truth minus prediction) against its prediction,
 * with a rule at zero; a pattern around the rule is error the model could still learn.
 */
export function residualChartSpec(residuals: Residuals): TopLevelSpec {
	const sample = residuals.sampled
		? ` Showing an evenly spaced sample of ${residuals.points.length} of the ${residuals.rows} rows.`
		: '';
	return {
		...frame(
			`Residuals: truth minus prediction against the prediction, one point per row, with a line at zero. Mean residual ${d3(residuals.meanResidual)}.${sample}`
		),
		layer: [
			{
				data: referenceData(),
				mark: { type: 'rule', color: REFERENCE_GREY },
				encoding: { y: { datum: 0, type: 'quantitative' } }
			},
			{
				data: { values: residuals.points.map((p) => ({ ...p })) },
				mark: { type: 'point', filled: true, size: 12, opacity: 0.5, tooltip: true },
				encoding: {
					x: {
						field: 'predicted',
						type: 'quantitative',
						scale: { zero: false },
						title: 'predicted value'
					},
					y: { field: 'residual', type: 'quantitative', title: 'residual (truth minus prediction)' }
				}
			}
		]
	};
}

/**
 * Returns the cumulative gains chart: the share of positives found in the top share of rows by
 * score, from the origin, over the dashed diagonal of a random order.
 */
export function liftChartSpec(points: readonly LiftPoint[]): TopLevelSpec {
	const x = unitChannel('share', 'share of rows, highest scores first', '%');
	const y = unitChannel('gain', 'share of positives found', '%');
	const first = points[0];
	const headline = first
		? ` The top ${pct(first.share)} of rows hold ${pct(first.gain)} of the positives (lift ${first.lift.toFixed(2)}).`
		: '';
	const values = first ? [{ share: 0, gain: 0, lift: null }, ...points.map((p) => ({ ...p }))] : [];
	return {
		...frame(
			`Cumulative gains: the share of positives found when taking the rows with the highest scores first; the dashed diagonal is a random order.${headline}`
		),
		layer: [
			diagonal(),
			{
				data: { values },
				mark: { type: 'line', point: true },
				encoding: {
					x,
					y,
					tooltip: [
						tip('share', 'top rows', '.0%'),
						tip('gain', 'positives found', '.1%'),
						tip('lift', 'lift', '.2f')
					]
				}
			}
		]
	};
}

/**
 * Returns the cost chart: the total cost of errors at each threshold, as steps (a cost holds until
 * the next score), with a rule at the chosen threshold.
 */
export function costChartSpec(curve: readonly CostPoint[], chosen: number): TopLevelSpec {
	return {
		...frame(
			`Total cost of errors (false positives and false negatives, each times its cost) at each threshold; the vertical line marks the chosen threshold, ${Number(chosen.toPrecision(3))}.`
		),
		layer: [
			{
				data: { values: curve.map((p) => ({ ...p })) },
				mark: { type: 'line', interpolate: 'step-after' },
				encoding: {
					x: {
						field: 'threshold',
						type: 'quantitative',
						title: 'threshold (positive when the score is above it)'
					},
					y: { field: 'cost', type: 'quantitative', title: 'total cost of errors' },
					tooltip: [tip('threshold', 'threshold', '.3f'), tip('cost', 'cost')]
				}
			},
			{
				data: referenceData(),
				mark: { type: 'rule', color: HIGHLIGHT, strokeWidth: 2 },
				encoding: { x: { datum: chosen, type: 'quantitative' } }
			}
		]
	};
}
