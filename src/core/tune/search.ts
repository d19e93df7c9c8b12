import { CoreError } from '../util/core-error';
import type { Rng } from '../util/rng';
import { withParam, type ParamValue } from './param-info';
import { TUNING_SPACES, type Distribution, type ParamSpace, type TunableSpec } from './space';

/** Most trials one search may ask for: each is a full fit, or k of them with cross-validation. */
export const MAX_TRIALS = 200;
/** Significant digits a drawn real number keeps, so a spec reads 0.0316, not 0.031622776601683. */
const DRAWN_DIGITS = 3;
/** Draws per wanted spec before random search settles for fewer distinct ones. */
const DRAWS_PER_SPEC = 50;

/**
 * Returns the parameters of `space` to tune: those named by `keys` (in the space's order), or the
 * `byDefault` ones. Throws `unknown-param` for a key the space does not have.
 */
export function chosenParams(space: readonly ParamSpace[], keys?: readonly string[]): ParamSpace[] {
	if (!keys) return space.filter((p) => p.byDefault);
	for (const key of keys)
		if (!space.some((p) => p.key === key))
			throw new CoreError('unknown-param', `"${key}" is not a hyperparameter this family tunes.`);
	return space.filter((p) => keys.includes(p.key));
}

const product = (params: readonly ParamSpace[], size: (p: ParamSpace) => number) =>
	params.reduce((n, p) => n * size(p), 1);

/** Returns how many specs the grid of the chosen parameters holds. */
export function gridSize(space: readonly ParamSpace[], keys?: readonly string[]): number {
	return product(chosenParams(space, keys), (p) => p.grid.length);
}

/** Returns a copy of `base` (its lists copied too) with the parameters set to `values`. */
function specOf<S extends TunableSpec>(
	base: S,
	params: readonly ParamSpace[],
	values: readonly ParamValue[]
): S {
	const copy = { ...base };
	for (const [key, value] of Object.entries(copy))
		if (Array.isArray(value)) Object.assign(copy, { [key]: [...(value as unknown[])] });
	return params.reduce((spec, p, i) => withParam(spec, p.key, values[i]), copy);
}

function tooMany(count: number, what: string): CoreError {
	return new CoreError(
		'too-many-trials',
		`${what} ${count} trials; at most ${MAX_TRIALS} can be run. Tune fewer hyperparameters, or fewer values of each.`
	);
}

/**
 * Returns every combination of the chosen parameters' grid values applied to `base`, the first
 * parameter varying slowest, so the order is stable. Throws `too-many-trials` above
 * `MAX_TRIALS` combinations.
 */
export function gridSpecs<S extends TunableSpec>(
	base: S,
	space: readonly ParamSpace[] = TUNING_SPACES[base.kind],
	keys?: readonly string[]
): S[] {
	const params = chosenParams(space, keys);
	const size = product(params, (p) => p.grid.length);
	if (size > MAX_TRIALS) throw tooMany(size, 'This grid has');
	let combinations: ParamValue[][] = [[]];
	for (const p of params)
		combinations = combinations.flatMap((values) => p.grid.map((value) => [...values, value]));
	return combinations.map((values) => specOf(base, params, values));
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** Draws one value; log-uniform where `log`, whole numbers equally likely across their range. */
function draw(distribution: Distribution, rng: Rng): ParamValue {
	if (distribution.kind === 'choice')
		return distribution.options[rng.int(distribution.options.length)];
	const { min, max, log } = distribution;
	if (distribution.kind === 'int') {
		if (!log) return min + rng.int(max - min + 1);
		// Over [min - 1/2, max + 1/2] so that rounding gives the end values their full share.
		const lo = Math.log(min - 0.5);
		const v = Math.exp(lo + rng.next() * (Math.log(max + 0.5) - lo));
		return clamp(Math.round(v), min, max);
	}
	const v = log
		? Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)))
		: min + rng.next() * (max - min);
	return clamp(Number(v.toPrecision(DRAWN_DIGITS)), min, max);
}

/** How many distinct values a distribution has (Infinity for real numbers). */
function distinctValues(distribution: Distribution): number {
	if (distribution.kind === 'choice') return distribution.options.length;
	return distribution.kind === 'int' ? distribution.max - distribution.min + 1 : Infinity;
}

/**
 * Returns `count` specs with the chosen parameters of `base` drawn at random from their
 * distributions, all distinct (fewer when the space holds fewer). Deterministic for the
 * generator's seed. Throws `too-many-trials` above `MAX_TRIALS` and `bad-trial-count` below 1.
 */
export function randomSpecs<S extends TunableSpec>(
	base: S,
	space: readonly ParamSpace[],
	count: number,
	rng: Rng,
	keys?: readonly string[]
): S[] {
	if (!(Number.isInteger(count) && count >= 1))
		throw new CoreError(
			'bad-trial-count',
			`The number of trials must be a whole number, 1 or more; got ${count}.`
		);
	if (count > MAX_TRIALS) throw tooMany(count, 'You asked for');
	const params = chosenParams(space, keys);
	const wanted = Math.min(
		count,
		product(params, (p) => distinctValues(p.random))
	);
	const seen = new Set<string>();
	const specs: S[] = [];
	for (let tries = 0; specs.length < wanted && tries < count * DRAWS_PER_SPEC; tries++) {
		const values = params.map((p) => draw(p.random, rng));
		const id = JSON.stringify(values);
		if (seen.has(id)) continue;
		seen.add(id);
		specs.push(specOf(base, params, values));
	}
	return specs;
}
