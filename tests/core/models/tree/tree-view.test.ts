import { describe, expect, it } from 'vitest';
import type { DecisionTreeModel } from '../../../../src/core/models/tree/decision-tree';
import {
	countRows,
	isTreePipeline,
	nodeOpen,
	predictionText,
	treeRules,
	treeView,
	type TreeNode
} from '../../../../src/core/models/tree/tree-view';
import {
	defaultRecipe,
	fitRecipe,
	type Recipe,
	type RecipeStep
} from '../../../../src/core/prepare/recipe';
import type { TargetSpec } from '../../../../src/core/ship/pipeline';
import type { ColumnSchema } from '../../../../src/core/table/schema';
import type { Table } from '../../../../src/core/table/table';
import { trainRun } from '../../../../src/core/train/train-run';
import { loadReference, referenceRequest } from '../../reference';
import { categories, expectClose, numbers } from '../../helpers';

const survived: TargetSpec = {
	name: 'Survived',
	task: 'binary',
	classes: ['0', '1'],
	positive: '1',
	threshold: 0.5
};

/** Age 20, 40, missing, 30, 50: the median fills 35, so the standardised Age is (Age - 35) / 10. */
function passengers() {
	const table: Table = {
		rowCount: 5,
		columns: [
			numbers('Age', [20, 40, NaN, 30, 50]),
			categories('Sex', ['female', 'female', 'male', 'male', 'female'])
		]
	};
	const inputs: ColumnSchema[] = [
		{ name: 'Age', kind: 'number' },
		{ name: 'Sex', kind: 'category' }
	];
	return fitRecipe(defaultRecipe(inputs), table);
}

/** Sex=female ≤ 0 (node 0): no is leaf 1; yes is Age ≤ 30, standardised -0.5 (node 2). */
const handTree: DecisionTreeModel = {
	kind: 'tree',
	task: 'binary',
	classes: ['0', '1'],
	features: ['Age', 'Sex=female', 'Sex=male'],
	tree: {
		feature: [1, -1, 0, -1, -1],
		threshold: [0, 0, -0.5, 0, 0],
		left: [1, -1, 3, -1, -1],
		right: [2, -1, 4, -1, -1],
		value: [
			[0.5, 0.5],
			[0.8, 0.2],
			[0.4, 0.6],
			[0.25, 0.75],
			[0.6, 0.4]
		]
	}
};

/** Returns a one-split classifier on `feature` at `threshold`, for the recipe's features. */
function oneSplit(features: string[], feature: string, threshold: number): DecisionTreeModel {
	return {
		kind: 'tree',
		task: 'binary',
		classes: ['0', '1'],
		features,
		tree: {
			feature: [features.indexOf(feature), -1, -1],
			threshold: [threshold, 0, 0],
			left: [1, -1, -1],
			right: [2, -1, -1],
			value: [
				[0.5, 0.5],
				[1, 0],
				[0, 1]
			]
		}
	};
}

describe('treeView', () => {
	it('asks a standardised and a one-hot split in the user’s words', () => {
		const { recipe } = passengers();
		expect(recipe.steps).toContainEqual({ kind: 'standardize', column: 'Age', mean: 35, std: 10 });
		expect(recipe.features).toEqual(handTree.features);
		const view = treeView({ model: handTree, recipe, target: survived });
		const { root } = view;
		expect(root.split).toMatchObject({
			feature: 'Sex=female',
			question: 'Sex is female?',
			yes: 'Sex is female',
			no: 'Sex is not female',
			yesIsLeft: false,
			readable: true,
			bound: null,
			// A missing Sex is filled with the most frequent label, female.
			missing: { column: 'Sex', answer: 'yes' }
		});
		expect(root.yes?.id).toBe(2);
		expect(root.no?.id).toBe(1);
		const age = root.yes!.split!;
		expect(age).toMatchObject({
			question: 'Age ≤ 30?',
			yes: 'Age ≤ 30',
			no: 'Age > 30',
			yesIsLeft: true,
			readable: true,
			missing: { column: 'Age', answer: 'no' }
		});
		expectClose(age.bound!.value, 30);
		expect(root.yes!.yes!.prediction).toEqual({ kind: 'class', index: 1, label: '1', share: 0.75 });
		expect(root.yes!.no!.prediction).toEqual({ kind: 'class', index: 0, label: '0', share: 0.6 });
		expect(view).toMatchObject({ task: 'binary', target: 'Survived', nodes: 5, depth: 2 });
		expect([root.below, root.yes!.below, root.no!.below]).toEqual([4, 2, 0]);
		expect(root.rows).toBeNull();
	});

	it('decides a binary leaf by the target’s threshold, not by the larger share', () => {
		const { recipe } = passengers();
		const target = { ...survived, threshold: 0.3 };
		const leaf = treeView({ model: handTree, recipe, target }).root.yes!.no!;
		expect(leaf.prediction).toEqual({ kind: 'class', index: 1, label: '1', share: 0.4 });
	});

	it('traces min-max, log, ordinal, bins, a missing flag and a boolean back to the inputs', () => {
		const table: Table = {
			rowCount: 5,
			columns: [
				numbers('Fare', [1, 10, 100, 1000, NaN]),
				categories('Size', ['S', 'M', 'L', 'XL', 'M']),
				numbers('Height', [150, 160, 170, 180, 190]),
				{
					kind: 'boolean',
					name: 'Member',
					values: Uint8Array.of(0, 1, 1, 0, 255),
					words: ['no', 'yes']
				}
			]
		};
		const steps: RecipeStep[] = [
			{ kind: 'impute', column: 'Fare', strategy: 'median', indicator: true },
			{ kind: 'transform', column: 'Fare', fn: 'log' },
			{ kind: 'scale', column: 'Fare', method: 'min-max' },
			{ kind: 'ordinal', column: 'Size', order: ['S', 'M', 'L', 'XL'] },
			{ kind: 'bin', column: 'Height', method: 'width', bins: 4 }
		];
		const inputs: ColumnSchema[] = [
			{ name: 'Fare', kind: 'number' },
			{ name: 'Size', kind: 'category' },
			{ name: 'Height', kind: 'number' },
			{ name: 'Member', kind: 'boolean' }
		];
		const fit = fitRecipe({ inputs, steps } satisfies Recipe, table);
		const { features } = fit.recipe;
		expect(features).toEqual(['Fare', 'Fare missing', 'Size', 'Height', 'Member']);
		// Thresholds are train values in model units: the row with Fare 10, Size M, Height bin 1.
		const at = (feature: string, row: number) =>
			fit.x.values[row * fit.x.width + features.indexOf(feature)];
		const split = (feature: string, threshold: number) =>
			treeView({ model: oneSplit(features, feature, threshold), recipe: fit.recipe }).root.split!;
		expect(split('Fare', at('Fare', 1))).toMatchObject({ question: 'Fare ≤ 10?', no: 'Fare > 10' });
		expect(split('Fare missing', 0)).toMatchObject({
			question: 'Fare is missing?',
			no: 'Fare is known',
			yesIsLeft: false,
			missing: null
		});
		expect(split('Size', at('Size', 1))).toMatchObject({
			question: 'Size is S or M?',
			yes: 'Size is S or M',
			no: 'Size is L or XL',
			yesIsLeft: true
		});
		// Width bins over 150..190 have edges 160, 170, 180: bin 0 or 1 is below 170.
		expect(split('Height', at('Height', 1))).toMatchObject({
			question: 'Height < 170?',
			no: 'Height ≥ 170',
			bound: { subject: 'Height', value: 170, strict: true, unit: null }
		});
		expect(split('Member', 0)).toMatchObject({
			question: 'Member is true?',
			yes: 'Member is true',
			no: 'Member is false',
			yesIsLeft: false
		});
	});

	it('says model units, honestly, for a feature the recipe does not explain', () => {
		const { recipe } = passengers();
		const model = oneSplit(['Age', 'Sex=female', 'Mystery'], 'Mystery', -0.43);
		expect(treeView({ model, recipe }).root.split).toMatchObject({
			question: 'Mystery (model units) ≤ -0.43?',
			readable: false,
			missing: null
		});
	});

	it('shows the mean of a regression leaf and the leaves’ range', () => {
		const { recipe } = passengers();
		const model: DecisionTreeModel = {
			kind: 'tree',
			task: 'regression',
			classes: null,
			features: recipe.features,
			tree: {
				feature: [0, -1, -1],
				threshold: [-0.5, 0, 0],
				left: [1, -1, -1],
				right: [2, -1, -1],
				value: [30.4, 12.34567, 48.5]
			}
		};
		const view = treeView(
			{ model, recipe, target: { name: 'price', task: 'regression' } },
			[5, 2, 3]
		);
		expect(view.range).toEqual([12.34567, 48.5]);
		expect(predictionText(view, view.root.yes!)).toBe('price = 12.35 (mean of 2 rows)');
		expect(treeRules(view)).toEqual([
			'IF Age ≤ 30 THEN price = 12.35 (mean of 2 rows)',
			'IF Age > 30 THEN price = 48.5 (mean of 3 rows)'
		]);
	});
});

describe('treeRules', () => {
	it('writes one rule per leaf, yes first, with the rows when counted', () => {
		const fit = passengers();
		const counts = countRows(handTree, fit.x);
		expect(counts).toEqual([5, 2, 3, 1, 2]);
		const view = treeView({ model: handTree, recipe: fit.recipe, target: survived }, counts);
		expect(treeRules(view)).toEqual([
			'IF Sex is female AND Age ≤ 30 THEN Survived = 1 (75% of 1 row)',
			'IF Sex is female AND Age > 30 THEN Survived = 0 (60% of 2 rows)',
			'IF Sex is not female THEN Survived = 0 (80% of 2 rows)'
		]);
	});

	it('merges the bounds on one number along a path', () => {
		const { recipe } = passengers();
		// Age ≤ 37 (0.2), then Age ≤ 15 (-2), then Age ≤ 30 (-0.5) on the no side of both.
		const model: DecisionTreeModel = {
			...handTree,
			tree: {
				feature: [0, 0, -1, 0, -1, -1, -1],
				threshold: [0.2, -2, 0, -0.5, 0, 0, 0],
				left: [1, 2, -1, 4, -1, -1, -1],
				right: [6, 3, -1, 5, -1, -1, -1],
				value: [
					[0.5, 0.5],
					[0.5, 0.5],
					[1, 0],
					[0.5, 0.5],
					[0, 1],
					[0.995, 0.005],
					[1, 0]
				]
			}
		};
		expect(treeRules(treeView({ model, recipe }))).toEqual([
			'IF Age ≤ 15 THEN 0 (100%)',
			'IF 15 < Age ≤ 30 THEN 1 (100%)',
			'IF 30 < Age ≤ 37 THEN 0 (>99%)',
			'IF Age > 37 THEN 0 (100%)'
		]);
	});

	it('says ALWAYS for a tree that is one leaf', () => {
		const { recipe } = passengers();
		const model: DecisionTreeModel = {
			...handTree,
			tree: { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [[0.62, 0.38]] }
		};
		expect(treeRules(treeView({ model, recipe, target: survived }))).toEqual([
			'ALWAYS Survived = 0 (62%)'
		]);
	});
});

describe('nodeOpen', () => {
	it('opens splits above the depth shown, and flips the ones toggled', () => {
		const { recipe } = passengers();
		const { root } = treeView({ model: handTree, recipe });
		const age = root.yes as TreeNode;
		expect([nodeOpen(root, 1, new Set()), nodeOpen(age, 1, new Set())]).toEqual([true, false]);
		expect([nodeOpen(root, 1, new Set([0])), nodeOpen(age, 1, new Set([2]))]).toEqual([
			false,
			true
		]);
		expect(nodeOpen(root.no!, 5, new Set())).toBe(false);
	});
});

describe('treeView on titanic', () => {
	it('asks about Sex at the root and splits Age in years', async () => {
		const data = await loadReference('titanic');
		const spec = { kind: 'tree', criterion: 'gini', maxDepth: 3, minSamplesLeaf: 20 } as const;
		const { pipeline } = await trainRun(referenceRequest(data, spec));
		if (!isTreePipeline(pipeline)) throw new Error('expected a tree');
		const view = treeView(pipeline);
		// Sex=female and Sex=male split the rows alike: the seed breaks the tie between them.
		expect(view.root.split?.question).toMatch(/^Sex is (female|male)\?$/);
		const splits: NonNullable<TreeNode['split']>[] = [];
		const walk = (node: TreeNode | null) => {
			if (node?.split) splits.push(node.split);
			if (node) [node.yes, node.no].forEach(walk);
		};
		walk(view.root);
		expect(splits.every((s) => s.readable && !s.question.includes('='))).toBe(true);
		const ages = splits.filter((s) => s.bound?.subject === 'Age');
		expect(ages.length).toBeGreaterThan(0);
		const scale = pipeline.recipe.steps.find((s) => s.kind === 'standardize' && s.column === 'Age');
		if (scale?.kind !== 'standardize') throw new Error('expected Age to be standardised');
		for (const { bound, question, threshold } of ages) {
			// In years, not a z-score: the year standardises back to the model's threshold.
			const years = bound!.value;
			expect(years).toBeGreaterThan(0);
			expect(years).toBeLessThan(81);
			expectClose((years - scale.mean) / scale.std, threshold, 1e-6);
			expect(question).toMatch(/^Age ≤ \d+(\.\d{1,4})?\?$/);
		}
		expect(treeRules(view)).toHaveLength((view.nodes + 1) / 2);
	});
});
