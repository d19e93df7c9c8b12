import { CoreError } from '../util/core-error';

/** The per-column drift tests, as Evidently names them. */
export type DriftMethod = 'ks' | 'wasserstein' | 'z' | 'chisquare' | 'jensenshannon';

export const DRIFT_METHODS: readonly DriftMethod[] = [
	'ks',
	'wasserstein',
	'z',
	'chisquare',
	'jensenshannon'
];

/** True for the methods whose threshold is a p-value; the others compare a distance. */
export function isPValueMethod(method: DriftMethod): boolean {
	return method === 'ks' || method === 'z' || method === 'chisquare';
}

/** What the monitor's checks compare against, every field filled in. */
export interface ResolvedDriftOptions {
	/** Per method: the p-value at or below which (Z-test: below which) a column drifts, or the distance at or above which it drifts. */
	thresholds: Record<DriftMethod, number>;
	/** The share of drifted columns at or above which the dataset drifts. */
	datasetDriftShare: number;
	/** A reference with at most this many non-missing values gets the p-value tests, a larger one the distances. */
	referenceSizeCutoff: number;
	/** A missing-rate change alerts when its two-proportion z-test p-value is below `pValue` and its absolute size is at least `minChange` (a share: 0.05 = 5 points). */
	missingRate: { pValue: number; minChange: number };
}

/** The user's edits to the defaults; any field left out keeps its default. */
export interface DriftOptions {
	thresholds?: Partial<Record<DriftMethod, number>>;
	datasetDriftShare?: number;
	referenceSizeCutoff?: number;
	missingRate?: { pValue?: number; minChange?: number };
}

/**
 * Evidently's defaults (`get_default_stattest` and each stattest's default threshold): p < 0.05
 * for K-S, chi-square and Z, 0.1 for the normed Wasserstein and Jensen-Shannon distances, a
 * reference cutoff of 1000 values and dataset drift at half the columns. The missing-rate pair is
 * ours (see `missingRateCheck`): 5% significance and a 5-point change.
 */
export const DEFAULT_DRIFT_OPTIONS: ResolvedDriftOptions = {
	thresholds: { ks: 0.05, wasserstein: 0.1, z: 0.05, chisquare: 0.05, jensenshannon: 0.1 },
	datasetDriftShare: 0.5,
	referenceSizeCutoff: 1000,
	missingRate: { pValue: 0.05, minChange: 0.05 }
};

/**
 * Returns the options with the defaults filled in; throws a `CoreError` (`bad-drift-option`)
 * naming the field when a value is out of range: p-values in (0, 1), distances above 0, the
 * dataset share in (0, 1], the cutoff a whole number >= 0 and the minimum change in [0, 1].
 */
export function resolveDriftOptions(options: DriftOptions = {}): ResolvedDriftOptions {
	const d = DEFAULT_DRIFT_OPTIONS;
	const thresholds = { ...d.thresholds };
	for (const method of DRIFT_METHODS) {
		const value = options.thresholds?.[method];
		if (value === undefined) continue;
		if (isPValueMethod(method)) check(value, `the ${method} p-value threshold`, 0, 1, false);
		else check(value, `the ${method} distance threshold`, 0, Infinity, false);
		thresholds[method] = value;
	}
	const share = options.datasetDriftShare ?? d.datasetDriftShare;
	check(share, 'the dataset drift share', 0, 1, true);
	const cutoff = options.referenceSizeCutoff ?? d.referenceSizeCutoff;
	if (!Number.isInteger(cutoff) || cutoff < 0) {
		throw badOption(`the reference size cutoff must be a whole number >= 0, not ${cutoff}`);
	}
	const pValue = options.missingRate?.pValue ?? d.missingRate.pValue;
	check(pValue, 'the missing-rate p-value threshold', 0, 1, false);
	const minChange = options.missingRate?.minChange ?? d.missingRate.minChange;
	if (!(minChange >= 0 && minChange <= 1)) {
		throw badOption(`the missing-rate minimum change must be between 0 and 1, not ${minChange}`);
	}
	return {
		thresholds,
		datasetDriftShare: share,
		referenceSizeCutoff: cutoff,
		missingRate: { pValue, minChange }
	};
}

/** Throws unless low < value < high (value <= high when `closedHigh`). */
function check(value: number, what: string, low: number, high: number, closedHigh: boolean) {
	const ok = value > low && (closedHigh ? value <= high : value < high) && Number.isFinite(value);
	if (!ok) {
		const range = high === Infinity ? `above ${low}` : `between ${low} and ${high}`;
		throw badOption(`${what} must be ${range}${closedHigh ? '' : ' (exclusive)'}, not ${value}`);
	}
}

function badOption(message: string): CoreError {
	return new CoreError('bad-drift-option', `Drift option: ${message}.`);
}
