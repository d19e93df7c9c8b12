// The exported Python of each feature step: the `shipshape.steps_feature` class (for a date
// step, `shipshape.steps_dates`) that computes exactly what the app computes, and how close
// pandas or scikit-learn come to it.
import type { FeatureStep } from '../../prepare/steps/feature-steps';
import { assertNever } from '../../util/assert-never';
import { pyValue, type PythonStep } from './python-step';

const MODULE = 'shipshape.steps_feature';
/** The module of the date steps' classes. */
const DATES_MODULE = 'shipshape.steps_dates';

/** A kind's class, its fields in order, and how faithful the library equivalents are. */
interface KindInfo {
	name: string;
	/** The class's module, where it is not `MODULE`. */
	module?: string;
	fields: readonly string[];
	equivalent: PythonStep['equivalent'];
	warning?: string;
}

function info(kind: FeatureStep['kind']): KindInfo {
	switch (kind) {
		case 'parse-date':
			return {
				name: 'ParseDate',
				module: DATES_MODULE,
				fields: ['column', 'format'],
				equivalent: 'none',
				warning:
					"pandas.to_datetime(format=...) is stricter than the app about spaces and month names (`Sept`, `Jul.`) and refuses leap seconds, so the export reads dates with the app's own format reader."
			};
		case 'time-zone':
			return {
				name: 'TimeZone',
				module: DATES_MODULE,
				fields: ['column', 'zone'],
				equivalent: 'none',
				warning:
					"pandas' tz_localize moves a time in a spring-forward gap by a fixed amount or to its end, where the app reads it with the offset before the change (02:30 becomes 03:30), so the export converts with the app's rule."
			};
		case 'date-parts':
			return {
				name: 'DateParts',
				module: DATES_MODULE,
				fields: ['column', 'parts', 'keep'],
				equivalent: 'pandas'
			};
		case 'units':
			return {
				name: 'Units',
				fields: ['column', 'unit', 'bare'],
				equivalent: 'none',
				warning:
					"No pandas or scikit-learn function reads numbers written with units (`5 kg`, `11 lb`), so the export converts them with the app's own unit table."
			};
		case 'clip':
			return {
				name: 'Clip',
				fields: ['column', 'method', 'k', 'lower', 'upper'],
				equivalent: 'pandas'
			};
		case 'transform':
			return { name: 'Transform', fields: ['column', 'fn'], equivalent: 'pandas' };
		case 'standardize':
			return { name: 'Standardize', fields: ['column'], equivalent: 'scikit-learn' };
		case 'scale':
			return { name: 'Scale', fields: ['column', 'method'], equivalent: 'scikit-learn' };
		case 'derive':
			return { name: 'Derive', fields: ['op', 'left', 'right', 'name'], equivalent: 'pandas' };
		case 'bin':
			return {
				name: 'Bin',
				fields: ['column', 'method', 'bins'],
				equivalent: 'none',
				warning:
					"scikit-learn's KBinsDiscretizer refuses missing cells and merges bin edges closer than 1e-8, so the export bins with the app's own edges."
			};
		case 'hash-tokens':
			return {
				name: 'HashTokens',
				fields: ['column', 'buckets'],
				equivalent: 'none',
				warning:
					"scikit-learn's HashingVectorizer hashes with MurmurHash3 and its own tokenizer, so its columns would differ: the export counts words with the app's FNV-1a hashing."
			};
		default:
			return assertNever(kind, 'feature step');
	}
}

/**
 * Returns the Python that builds a feature step's transformer, unfitted: the
 * `shipshape.steps_feature` (or `shipshape.steps_dates`) class of its kind, with the step's
 * fields as keyword arguments (those it leaves out keep the class's defaults, as in the app). No
 * feature step draws at random, so the seed is not used.
 */
export function featureStepPython(step: FeatureStep, _seed: number): PythonStep {
	const { name, module = MODULE, fields, equivalent, warning } = info(step.kind);
	const values = step as unknown as Record<string, unknown>;
	const args = fields
		.filter((field) => values[field] !== undefined)
		.map((field) => `${field}=${pyValue(values[field])}`);
	return {
		code: `${name}(${args.join(', ')})`,
		imports: [{ module, names: [name] }],
		equivalent,
		...(warning ? { warning } : {})
	};
}
