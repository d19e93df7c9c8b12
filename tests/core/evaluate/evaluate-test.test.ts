import { describe, expect, it } from 'vitest';
import { evaluateTest, type EvaluateInput } from '../../../src/core/evaluate/evaluate-test';
import type { Kpi } from '../../../src/core/evaluate/verdict';
import type { Pipeline } from '../../../src/core/ship/pipeline';
import type { RawTable } from '../../../src/core/table/table';
import type { ModelSpec } from '../../../src/core/models/model';
import { loadReference, REFERENCE, referenceRequest } from '../reference';
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

function request(
	pipeline: Pipeline,
	baseline: Pipeline,
	test: RawTable,
	rowIds: number[],
	kpi: Kpi
): EvaluateInput {
	return {
		pipeline,
		baseline,
		test,
		rowIds,
		validation: null,
		target: { name: 'y', kind: 'category' },
		kpis: [kpi],
		thresholdRule: { kind: 'default' },
		sensitive: [],
		seed: 1
	};
}

describe('evaluateTest', () => {
	it('scores model and baseline on the test rows and lists the predictions by file row', async () => {
		const model = await fit({ kind: 'linear', l2: 1 });
		const baseline = await fit({ kind: 'baseline' });
		const test = (await ingestText('x,c,y\n0,a,no\n5,Z,yes\n2.6,b,no\n3.9,a,yes\n')).raw;
		const evaluation = await evaluateTest(
			request(model, baseline, test, [10, 11, 12, 13], { metric: 'roc_auc', threshold: 0.7 })
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

	it('judges test rows of one class, with the undefined figures said so rather than failing', async () => {
		const model = await fit({ kind: 'linear', l2: 1 });
		const baseline = await fit({ kind: 'baseline' });
		const test = (await ingestText('x,c,y\n0,a,no\n1,b,no\n2,a,no\n')).raw;
		const kpi = { metric: 'roc_auc' as const, threshold: 0.7 };
		const result = await evaluateTest(request(model, baseline, test, [1, 2, 3], kpi));
		expect(result.metrics.roc_auc).toBeNaN();
		expect(result.metrics.accuracy).toBeGreaterThanOrEqual(0);
		expect(result.importance.columns).toEqual([]);
		expect(result.warnings.join(' ')).toMatch(
			/so permutation importance, which measures how much it worsens, was not computed/
		);
		expect(result.verdict).toMatchObject({ pass: false, kpiMet: false });
	});

	it('refuses to score a test row whose cell the bundle would refuse, naming the file row', async () => {
		const model = await fit({ kind: 'linear', l2: 1 });
		const baseline = await fit({ kind: 'baseline' });
		const test = (await ingestText('x,c,y\n0,a,no\nabc,a,yes\n')).raw;
		const kpi = { metric: 'roc_auc' as const, threshold: 0.7 };
		await expectCoreError(
			() => evaluateTest(request(model, baseline, test, [10, 11], kpi)),
			'invalid-cell',
			/Test row 12: column "x": "abc" is not a number/
		);
	});
});

describe('evaluateTest on german_credit', () => {
	async function evaluate(rule: EvaluateInput['thresholdRule'], seed = 7) {
		const data = await loadReference('german_credit');
		const fitted = async (spec: ModelSpec) =>
			(await trainRun(referenceRequest(data, spec))).pipeline;
		const columnOf = (name: string) => data.schema.columns.find((c) => c.name === name)!;
		return evaluateTest({
			pipeline: await fitted({ kind: 'linear', l2: 1 }),
			baseline: await fitted({ kind: 'baseline' }),
			test: data.parts.test,
			rowIds: data.rows.test,
			validation: data.parts.val,
			target: columnOf('credit_risk'),
			kpis: [
				{ metric: 'roc_auc', threshold: 0.7 },
				{ metric: 'recall', threshold: 0.6 }
			],
			thresholdRule: rule,
			sensitive: [columnOf('personal_status_sex')],
			seed
		});
	}

	it("scores scikit-learn's ROC-AUC, with an interval around it, and judges every KPI", async () => {
		const result = await evaluate({ kind: 'default' });
		expect(result.metrics.roc_auc).toBeCloseTo(REFERENCE.german_credit.scores.linear, 4);
		const { low, high } = result.intervals.roc_auc!;
		expect(low).toBeLessThan(result.metrics.roc_auc!);
		expect(high).toBeGreaterThan(result.metrics.roc_auc!);
		// 200 test rows: the 95 % interval of a ROC-AUC near 0.76 is several points wide.
		expect(high - low).toBeGreaterThan(0.05);
		expect(high - low).toBeLessThan(0.2);
		expect(result.difference!.low).toBeGreaterThan(0);
		expect(result.verdict.checks.map((c) => c.kpi.metric)).toEqual(['roc_auc', 'recall']);
		expect(result.threshold).toMatchObject({ threshold: 0.5 });
		expect(result.rows).toBe(200);
	});

	it('chooses a lower threshold on validation when a missed bad credit costs five times more', async () => {
		const plain = await evaluate({ kind: 'default' });
		const costly = await evaluate({ kind: 'cost', falsePositive: 1, falseNegative: 5 });
		expect(costly.threshold!.threshold).toBeLessThan(0.5);
		expect(costly.threshold!.reason).toMatch(/200 validation rows/);
		expect(costly.costCurve!.length).toBeGreaterThan(10);
		// The same scores, judged at the new threshold: more bad credits caught on test.
		expect(costly.metrics.roc_auc).toBe(plain.metrics.roc_auc);
		expect(costly.metrics.recall!).toBeGreaterThan(plain.metrics.recall!);
		// The baseline keeps its own 0.5: always the majority class, 0.70 accuracy as in REFERENCE.md.
		expect(costly.baselineMetrics).toEqual(plain.baselineMetrics);
		expect(costly.baselineMetrics.accuracy).toBeCloseTo(0.7, 10);
		const predicted = costly.predictions.cells.filter((row) => row[1] === 'bad').length;
		const confusion = costly.confusion!;
		expect(predicted).toBe(confusion[0][1] + confusion[1][1]);
	});

	it('slices and checks fairness by personal_status_sex, and finds the important columns', async () => {
		const result = await evaluate({ kind: 'default' });
		const levels = result.slices.slices.filter((s) => s.column === 'personal_status_sex');
		expect(levels.map((s) => s.label).sort()).toEqual(['A91', 'A92', 'A93', 'A94']);
		expect(levels.reduce((a, s) => a + s.rows, 0)).toBe(200);
		const [fairness] = result.fairness;
		if (fairness.kind !== 'binary') throw new Error(fairness.reason);
		expect(fairness.groups.map((g) => g.group).sort()).toEqual(['A91', 'A92', 'A93', 'A94']);
		expect(Number.isFinite(fairness.demographicParityDifference)).toBe(true);
		expect(result.importance.columns[0].mean).toBeGreaterThan(0.01);
		expect(result.worst.rows).toHaveLength(50);
		expect(result.curves.roc!.points.length).toBeGreaterThan(10);
		expect(result.curves.baseRate).toBeCloseTo(0.3, 2);
	});

	it('gives the same evaluation for the same seed', async () => {
		const a = await evaluate({ kind: 'default' }, 3);
		const b = await evaluate({ kind: 'default' }, 3);
		const c = await evaluate({ kind: 'default' }, 4);
		expect(b).toEqual(a);
		expect(c.intervals.roc_auc).not.toEqual(a.intervals.roc_auc);
	});
});
