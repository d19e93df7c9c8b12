import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../../src/core/evaluate/evaluate-test';
import { trainRun } from '../../../src/core/train/train-run';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import { expectCoreError, ingestText } from '../helpers';

const inputs = [
	{ name: 'x', kind: 'number' as const },
	{ name: 'c', kind: 'category' as const }
];
const schema = {
	columns: [...inputs, { name: 'y', kind: 'category' as const }],
	missingTokens: ['']
};
const target = {
	name: 'y',
	task: 'binary' as const,
	classes: ['no', 'yes'],
	positive: 'yes',
	threshold: 0.5
};

async function fit(spec: { kind: 'linear'; l2: number } | { kind: 'baseline' }) {
	const train = (await ingestText('x,c,y\n1,a,no\n2,b,no\n3,a,yes\n4,b,yes\n0.5,a,no\n3.5,b,yes\n'))
		.raw;
	const val = (await ingestText('x,c,y\n1.5,a,no\n3,b,yes\n')).raw;
	return (
		await trainRun({ train, val, schema, target, recipe: defaultRecipe(inputs), spec, seed: 1 })
	).pipeline;
}

describe('evaluateTest', () => {
	it('scores model and baseline on the test rows and lists the predictions by file row', async () => {
		const model = await fit({ kind: 'linear', l2: 1 });
		const baseline = await fit({ kind: 'baseline' });
		const test = (await ingestText('x,c,y\n0,a,no\n5,Z,yes\n2.6,b,no\n3.9,a,yes\n')).raw;
		const evaluation = evaluateTest(
			model,
			baseline,
			test,
			[10, 11, 12, 13],
			{ name: 'y', kind: 'category' },
			{ metric: 'roc_auc', threshold: 0.7 }
		);
		const { header, cells } = evaluation.predictions;
		expect(header).toEqual(['row', 'prediction', 'probability_no', 'probability_yes', 'error']);
		expect(cells.map((row) => row[0])).toEqual(['10', '11', '12', '13']);
		expect(cells[1][1]).toBe('yes');
		expect(cells[3][4]).toBe('');
		const confusion = evaluation.confusion!;
		expect(confusion.flat().reduce((a, b) => a + b, 0)).toBe(4);
		expect(evaluation.metrics.accuracy).toBe((confusion[0][0] + confusion[1][1]) / 4);
		expect(evaluation.baselineMetrics.roc_auc).toBe(0.5);
		expect(evaluation.baselineMetrics.accuracy).toBe(0.5);
		expect(evaluation.verdict.value).toBe(evaluation.metrics.roc_auc);
	});

	it('refuses to score a test row whose cell the bundle would refuse, naming the file row', async () => {
		const model = await fit({ kind: 'linear', l2: 1 });
		const baseline = await fit({ kind: 'baseline' });
		const test = (await ingestText('x,c,y\n0,a,no\nabc,a,yes\n')).raw;
		const kpi = { metric: 'roc_auc' as const, threshold: 0.7 };
		await expectCoreError(
			() => evaluateTest(model, baseline, test, [10, 11], { name: 'y', kind: 'category' }, kpi),
			'invalid-cell',
			/Test row 12: column "x": "abc" is not a number/
		);
	});
});
