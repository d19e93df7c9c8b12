import type { CleanStep } from '../../prepare/steps/clean-steps';
import { DEFAULT_OTHER_LABEL } from '../../prepare/steps/rare-levels';
import { DEFAULT_FOLDS, DEFAULT_SMOOTHING } from '../../prepare/steps/target-encode';
import { assertNever } from '../../util/assert-never';
import { pyValue, type PythonStep } from './python-step';

/** The module of the cleaning and encoding step classes, all but target encoding's. */
const MODULE = 'shipshape.steps_clean';
/** The module of target encoding's class. */
const TARGET_ENCODE_MODULE = 'shipshape.target_encode';

/**
 * Returns the Python that builds a cleaning or encoding step's transformer, unfitted, from the
 * step's own fields (a fitted step's extra fields are ignored); `seed` seeds the folds of target
 * encoding, as the run's seed does in the app.
 */
export function cleanStepPython(step: CleanStep, seed: number): PythonStep {
	switch (step.kind) {
		case 'drop-columns':
			return build('DropColumns', 'pandas', {
				columns: step.columns,
				...(step.reason === undefined ? {} : { reason: step.reason })
			});
		case 'drop-duplicates':
			return build('DropDuplicates', 'none', {}, DROP_DUPLICATES_WARNING);
		case 'clean-labels':
			return build('CleanLabels', 'pandas', {
				column: step.column,
				trim: step.trim,
				case_fold: step.caseFold,
				merge: step.merge
			});
		case 'rare-levels':
			return build('RareLevels', 'pandas', {
				column: step.column,
				min_count: step.minCount ?? null,
				min_share: step.minShare ?? null,
				other: step.other ?? DEFAULT_OTHER_LABEL
			});
		case 'impute':
			return build('Impute', 'scikit-learn', {
				column: step.column,
				strategy: step.strategy,
				indicator: step.indicator ?? false,
				...(step.strategy === 'constant' ? { value: step.value } : {})
			});
		case 'ordinal':
			return build('Ordinal', 'scikit-learn', { column: step.column, order: step.order ?? null });
		case 'target-encode':
			return build(
				'TargetEncode',
				'none',
				{
					column: step.column,
					smoothing: step.smoothing ?? DEFAULT_SMOOTHING,
					folds: step.folds ?? DEFAULT_FOLDS,
					seed
				},
				TARGET_ENCODE_WARNING,
				TARGET_ENCODE_MODULE
			);
		case 'one-hot':
			return build('OneHot', 'scikit-learn', { column: step.column });
		default:
			return assertNever(step, 'cleaning step');
	}
}

const DROP_DUPLICATES_WARNING =
	'Dropping repeated train rows changes the rows a model learns from, which a scikit-learn Pipeline cannot do, so the recipe fits it with `fit_resample` (pandas `duplicated` on the inputs and the target) and leaves other rows unchanged.';
const TARGET_ENCODE_WARNING =
	"Target encoding is the app's own (scikit-learn 1.2 has no TargetEncoder and 1.3's draws other folds and smooths otherwise): each label's smoothed train target mean, out of fold on train with the app's seeded folds.";

function build(
	className: string,
	equivalent: PythonStep['equivalent'],
	fields: Record<string, unknown>,
	warning?: string,
	module = MODULE
): PythonStep {
	const args = Object.entries(fields)
		.map(([name, value]) => `${name}=${pyValue(value)}`)
		.join(', ');
	return {
		code: `${className}(${args})`,
		imports: [{ module, names: [className] }],
		equivalent,
		...(warning === undefined ? {} : { warning })
	};
}
