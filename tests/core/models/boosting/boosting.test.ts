import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BOOSTING_SPEC,
	fitBoosting,
	predictBoosting,
	type BoostingModel,
	type BoostingSpec
} from '../../../../src/core/models/boosting/boosting';
import type { FitEvent, TrainData } from '../../../../src/core/models/model';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import { leafOf } from '../../../../src/core/models/tree/tree';
import { createRng } from '../../../../src/core/util/rng';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';
import { accuracy, proba, values } from '../predictions';

const spec = (over: Partial<BoostingSpec> = {}): BoostingSpec => ({
	...DEFAULT_BOOSTING_SPEC,
	...over
});

/** Uniform features in [0, 1): x0 and x1 decide y = (x0 > 0.3) xor (x1 > 0.6); x2..x4 are noise. */
function xorData(rows: number, seed: number): { x: FeatureMatrix; y: Int32Array } {
	const rng = createRng(seed);
	const points = Array.from({ length: rows }, () => Array.from({ length: 5 }, () => rng.next()));
	const y = Int32Array.from(points, ([a, b]) => (a > 0.3 !== b > 0.6 ? 1 : 0));
	return { x: featureMatrix(points), y };
}

/** y = 4 x0 + 3 (x1 > 0.5) - 2 x0 x2 + noise of sd 0.1; x3 is noise. */
function regressionData(rows: number, seed: number): { x: FeatureMatrix; y: Float64Array } {
	const rng = createRng(seed);
	const points = Array.from({ length: rows }, () => Array.from({ length: 4 }, () => rng.next()));
	const y = Float64Array.from(
		points,
		([a, b, c]) => 4 * a + 3 * (b > 0.5 ? 1 : 0) - 2 * a * c + (rng.next() - 0.5) * 0.35
	);
	return { x: featureMatrix(points), y };
}

const binary = (
	x: FeatureMatrix,
	y: Int32Array,
	validation?: { x: FeatureMatrix; y: Int32Array }
): TrainData => ({ task: 'binary', classes: ['no', 'yes'], x, y, validation });

function rmse(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
	return Math.sqrt(s / a.length);
}

function leaves(model: BoostingModel, tree: number): number {
	return model.trees[tree].feature.filter((f) => f < 0).length;
}

describe('boosted trees', () => {
	it('fits a tiny dataset exactly', async () => {
		const x = featureMatrix([[0.1], [0.4], [0.2], [0.9], [0.5], [0.3], [0.7], [0.6]]);
		const y = Int32Array.from([0, 1, 0, 1, 1, 0, 1, 0]);
		const { model } = await fitBoosting(
			spec({ minDataInLeaf: 1, maxLeaves: 8, iterations: 50, earlyStopping: 0 }),
			binary(x, y),
			1
		);
		expect(accuracy(predictBoosting(model, x), y)).toBe(1);
	});

	it('recovers an XOR rule among noise features, and reports the deciding features', async () => {
		const train = xorData(3000, 1);
		const test = xorData(2000, 2);
		const { model, info } = await fitBoosting(
			spec({ earlyStopping: 0 }),
			binary(train.x, train.y),
			1
		);
		expect(info.iterations).toBe(100);
		expect(accuracy(predictBoosting(model, test.x), test.y)).toBeGreaterThan(0.98);
		const [top, second] = [...model.gain.keys()].sort((a, b) => model.gain[b] - model.gain[a]);
		expect([top, second].sort()).toEqual([0, 1]);
	});

	it('recovers a regression function with an interaction', async () => {
		const train = regressionData(4000, 3);
		const test = regressionData(2000, 4);
		const { model } = await fitBoosting(
			spec({ iterations: 300, earlyStopping: 0 }),
			{ task: 'regression', x: train.x, y: train.y },
			1
		);
		// R² above 0.99: the target's sd is about 1.5, the noise's 0.35 / sqrt(12) = 0.101.
		const sd = Math.sqrt(
			test.y.reduce((s, v) => s + v * v, 0) / test.y.length -
				(test.y.reduce((s, v) => s + v, 0) / test.y.length) ** 2
		);
		expect(1 - (rmse(values(predictBoosting(model, test.x)), test.y) / sd) ** 2).toBeGreaterThan(
			0.99
		);
	});

	it('learns three classes with softmax, one tree per class per round', async () => {
		const rng = createRng(5);
		const points = Array.from({ length: 1500 }, () => [rng.next(), rng.next()]);
		const y = Int32Array.from(points, ([a, b]) => (a < 0.33 ? 0 : b < 0.5 ? 1 : 2));
		const x = featureMatrix(points);
		const { model } = await fitBoosting(
			spec({ iterations: 30, earlyStopping: 0 }),
			{ task: 'multiclass', classes: ['a', 'b', 'c'], x, y },
			1
		);
		expect(model.outputs).toBe(3);
		expect(model.trees).toHaveLength(90);
		const p = predictBoosting(model, x);
		expect(accuracy(p, y)).toBeGreaterThan(0.98);
		const probabilities = proba(p);
		for (let i = 0; i < 1500; i++)
			expectClose(
				probabilities[i * 3] + probabilities[i * 3 + 1] + probabilities[i * 3 + 2],
				1,
				1e-12
			);
	});

	it('grows each tree leaf-wise to the leaf cap, never below the fewest rows per leaf', async () => {
		// Flipped labels, so no leaf is ever pure (a pure leaf has no split that gains).
		const rng = createRng(60);
		const data = xorData(2000, 6);
		const { x } = data;
		const y = data.y.map((v) => (rng.next() < 0.2 ? 1 - v : v));
		const { model } = await fitBoosting(
			spec({ iterations: 5, maxLeaves: 7, minDataInLeaf: 40, earlyStopping: 0 }),
			binary(x, y),
			1
		);
		for (let t = 0; t < 5; t++) expect(leaves(model, t)).toBe(7);
		// Every leaf's rows, counted by walking the tree, respect the minimum.
		const tree = model.trees[0];
		const counts = new Map<number, number>();
		for (let i = 0; i < x.rows; i++) {
			let node = 0;
			while (tree.feature[node] >= 0)
				node =
					x.values[i * x.width + tree.feature[node]] > tree.threshold[node]
						? tree.right[node]
						: tree.left[node];
			counts.set(node, (counts.get(node) ?? 0) + 1);
		}
		expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(40);
		const capped = await fitBoosting(
			spec({ iterations: 1, maxLeaves: 31, maxDepth: 2 }),
			binary(x, y),
			1
		);
		expect(leaves(capped.model, 0)).toBeLessThanOrEqual(4);
	});

	it('predicts identically for the same seed and from a JSON copy; another seed differs', async () => {
		const { x, y } = xorData(1500, 7);
		const sampled = spec({
			iterations: 20,
			rowSubsample: 0.7,
			featureSubsample: 0.6,
			earlyStopping: 0
		});
		const a = await fitBoosting(sampled, binary(x, y), 11);
		const b = await fitBoosting(sampled, binary(x, y), 11);
		const c = await fitBoosting(sampled, binary(x, y), 12);
		const copy = JSON.parse(JSON.stringify(a.model)) as BoostingModel;
		expect(proba(predictBoosting(b.model, x))).toEqual(proba(predictBoosting(a.model, x)));
		expect(proba(predictBoosting(copy, x))).toEqual(proba(predictBoosting(a.model, x)));
		expect(proba(predictBoosting(c.model, x))).not.toEqual(proba(predictBoosting(a.model, x)));
	});

	it('reports the same train loss as its own predictions give, round by round', async () => {
		const { x, y } = xorData(1000, 8);
		const events: FitEvent[] = [];
		const { model, info } = await fitBoosting(
			spec({ iterations: 15, earlyStopping: 0 }),
			binary(x, y),
			1,
			{
				onEvent: (event) => events.push(event)
			}
		);
		const losses = events.filter((e) => e.kind === 'loss');
		expect(losses.map((e) => e.iteration)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
		const p = proba(predictBoosting(model, x));
		let logLoss = 0;
		for (let i = 0; i < x.rows; i++) logLoss -= Math.log(p[i * 2 + y[i]]);
		expectClose(info.loss!, logLoss / x.rows, 1e-9);
		expect(losses[14].kind === 'loss' && losses[14].loss).toBe(info.loss);
		// The loss falls every round on train.
		for (let i = 1; i < losses.length; i++)
			expect(
				losses[i].kind === 'loss' &&
					losses[i - 1].kind === 'loss' &&
					losses[i].loss < losses[i - 1].loss
			).toBe(true);
	});

	it('stops early on the validation loss and keeps the rounds up to the best', async () => {
		// Label noise: 30 % of labels flipped, so deep trees overfit after a few rounds.
		const rng = createRng(9);
		const noisy = (rows: number) => {
			const { x, y } = xorData(rows, rng.int(1000));
			return { x, y: y.map((v) => (rng.next() < 0.3 ? 1 - v : v)) };
		};
		const train = noisy(800);
		const validation = noisy(800);
		const events: FitEvent[] = [];
		const { model, info } = await fitBoosting(
			spec({ iterations: 500, learningRate: 0.3, minDataInLeaf: 2, earlyStopping: 5 }),
			binary(train.x, train.y, validation),
			1,
			{ onEvent: (event) => events.push(event) }
		);
		const curve = events.flatMap((e) => (e.kind === 'loss' ? [e.validation!] : []));
		expect(curve.length).toBeLessThan(500);
		const bestRound = curve.indexOf(Math.min(...curve)) + 1;
		expect(info.iterations).toBe(bestRound);
		expect(curve.length).toBe(bestRound + 5);
		expect(model.trees).toHaveLength(bestRound);
		expect(info.converged).toBe(true);
	});

	it('without validation rows, early stopping has nothing to watch and runs every round', async () => {
		const { x, y } = xorData(500, 10);
		const { info } = await fitBoosting(spec({ iterations: 12, earlyStopping: 3 }), binary(x, y), 1);
		expect(info.iterations).toBe(12);
		// An empty validation part (a split with no validation share) is the same as none.
		const empty = { x: { ...x, rows: 0, values: new Float64Array(0) }, y: new Int32Array(0) };
		const fit = await fitBoosting(
			spec({ iterations: 12, earlyStopping: 3 }),
			binary(x, y, empty),
			1
		);
		expect(fit.info.iterations).toBe(12);
		expect(fit.model.trees).toHaveLength(12);
	});

	it('counts only the kept rounds in its importance and its reported loss', async () => {
		const rng = createRng(13);
		const noisy = (rows: number) => {
			const { x, y } = xorData(rows, rng.int(1000));
			return { x, y: y.map((v) => (rng.next() < 0.3 ? 1 - v : v)) };
		};
		const train = noisy(600);
		const validation = noisy(600);
		const stopped = spec({
			iterations: 300,
			learningRate: 0.3,
			minDataInLeaf: 2,
			earlyStopping: 5
		});
		const events: FitEvent[] = [];
		const { model, info } = await fitBoosting(stopped, binary(train.x, train.y, validation), 1, {
			onEvent: (event) => events.push(event)
		});
		const kept = await fitBoosting(
			spec({ ...stopped, iterations: info.iterations, earlyStopping: 0 }),
			binary(train.x, train.y),
			1
		);
		expect(kept.model.trees).toEqual(model.trees);
		expectClose(model.gain, kept.model.gain, 1e-9);
		expect(info.loss).toBe(kept.info.loss);
		const lossAt = events.find((e) => e.kind === 'loss' && e.iteration === info.iterations);
		expect(lossAt?.kind === 'loss' && lossAt.loss).toBe(info.loss);
	});

	it('refuses bad specs, no rows, and a matrix of another width', async () => {
		const { x, y } = xorData(50, 11);
		for (const bad of [
			{ iterations: 0 },
			{ learningRate: 0 },
			{ learningRate: 1.5 },
			{ maxLeaves: 1 },
			{ minDataInLeaf: 0.5 },
			{ l2: -1 },
			{ rowSubsample: 0 },
			{ featureSubsample: 1.2 },
			{ earlyStopping: -1 },
			{ maxDepth: 0 },
			{ maxBins: 300 }
		])
			await expectCoreError(() => fitBoosting(spec(bad), binary(x, y), 1), 'bad-spec');
		await expectCoreError(
			() =>
				fitBoosting(
					spec(),
					binary({ ...x, rows: 0, values: new Float64Array(0) }, new Int32Array(0)),
					1
				),
			'no-train-rows'
		);
		const { model } = await fitBoosting(spec({ iterations: 2 }), binary(x, y), 1);
		await expectCoreError(
			() => predictBoosting(model, featureMatrix([[1, 2]])),
			'feature-mismatch'
		);
	});

	it('stops promptly when cancelled', async () => {
		const { x, y } = xorData(2000, 12);
		const controller = new AbortController();
		let rounds = 0;
		await expectCoreError(
			() =>
				fitBoosting(spec({ iterations: 1000, earlyStopping: 0 }), binary(x, y), 1, {
					signal: controller.signal,
					onEvent: (event) => {
						if (event.kind === 'loss' && ++rounds === 3) controller.abort();
					}
				}),
			'cancelled'
		);
		expect(rounds).toBe(3);
	});
});

describe('predictBoosting over blocks of rows', () => {
	it("adds each row's trees in tree order, as one walk per tree would: the same numbers to the bit", async () => {
		// 700 rows (not a whole number of 256-row blocks), some features missing (NaN goes left).
		const rng = createRng(5);
		const points = Array.from({ length: 700 }, () => [
			rng.next() < 0.1 ? NaN : rng.next() * 4 - 2,
			rng.next() * 3,
			rng.next() < 0.5 ? 0 : 1
		]);
		const x = featureMatrix(points);
		const y = Float64Array.from(points, ([a, b, c]) => (Number.isNaN(a) ? 1 : a * a) + b - c);
		const { model } = await fitBoosting(
			{ ...DEFAULT_BOOSTING_SPEC, iterations: 30, earlyStopping: 0 },
			{ task: 'regression', x, y },
			3
		);
		const expected = new Float64Array(x.rows).fill(model.init[0]);
		for (const tree of model.trees)
			for (let i = 0; i < x.rows; i++)
				expected[i] += tree.value[leafOf(tree, x.values, i * x.width)];
		expect(values(predictBoosting(model, x))).toEqual(expected);
	});
});
