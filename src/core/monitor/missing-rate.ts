import { normalTwoSidedPValue } from './special-functions';
import type { ResolvedDriftOptions } from './drift-options';

/** One column's missing cells in both samples and whether their rate changed enough to alert. */
export interface MissingRateCheck {
	referenceMissing: number;
	referenceRows: number;
	/** Missing share of the reference rows; null when the reference has no rows. */
	referenceRate: number | null;
	currentMissing: number;
	currentRows: number;
	currentRate: number | null;
	/** currentRate - referenceRate; null when either side has no rows. */
	change: number | null;
	/** The pooled two-proportion z-test's two-sided p-value; null when either side has no rows. */
	pValue: number | null;
	alert: boolean;
}

/**
 * Returns the missing-rate check of one column. It alerts when the change is both significant
 * (pooled two-proportion z-test, p below `missingRate.pValue`) and large (at least
 * `missingRate.minChange` in absolute share). Either rule alone misleads: with 100,000 rows a
 * harmless 1.0% -> 1.3% is highly significant, and with 20 rows one more missing cell is a
 * 5-point jump that means nothing. Requiring both keeps alerts for changes that are real and big
 * enough to hurt a model (an imputer fitted on 1% missing now filling 16%).
 */
export function missingRateCheck(
	referenceMissing: number,
	referenceRows: number,
	currentMissing: number,
	currentRows: number,
	options: ResolvedDriftOptions['missingRate']
): MissingRateCheck {
	const counts = { referenceMissing, referenceRows, currentMissing, currentRows };
	if (referenceRows === 0 || currentRows === 0) {
		return {
			...counts,
			referenceRate: referenceRows === 0 ? null : referenceMissing / referenceRows,
			currentRate: currentRows === 0 ? null : currentMissing / currentRows,
			change: null,
			pValue: null,
			alert: false
		};
	}
	const referenceRate = referenceMissing / referenceRows;
	const currentRate = currentMissing / currentRows;
	const change = currentRate - referenceRate;
	const pooled = (referenceMissing + currentMissing) / (referenceRows + currentRows);
	const variance = pooled * (1 - pooled) * (1 / referenceRows + 1 / currentRows);
	// No variance: both sides all missing or both complete, so the rates are equal.
	const pValue = variance > 0 ? normalTwoSidedPValue(change / Math.sqrt(variance)) : 1;
	// The slack keeps 3/20 - 2/20 (0.04999... in doubles) a change of 5 points.
	const alert = pValue < options.pValue && Math.abs(change) >= options.minChange - 1e-12;
	return { ...counts, referenceRate, currentRate, change, pValue, alert };
}
