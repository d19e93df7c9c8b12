import { describe, expect, it } from 'vitest';
import {
	baselineCheck,
	baselineCheckOnDataset,
	holdoutRows,
	HOLDOUT_BASIS,
	SPLIT_BASIS,
	TRAIN_HOLDOUT_BASIS
} from '../../../src/core/brief/baseline-check';
import { loadDataset } from '../../../src/core/table/dataset';
import { bytesSource } from '../../../src/core/table/ingest';
import type { Split } from '../../../src/core/split/split';
import { countParts } from '../../../src/core/split/split';
import type { TargetSpec } from '../../../src/core/ship/pipeline';
import { expectCoreError } from '../helpers';
import { loadReference } from '../reference';

const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('holdoutRows', () => {
	it('holds out a quarter of the rows at random, the same ones for the same seed', () => {
		const rows = range(40);
		const a = holdoutRows(rows, 7);
		expect(a.scored.length).toBe(10);
		expect(a.train.length).toBe(30);
		expect([...a.train, ...a.scored].sort((x, y) => x - y)).toEqual([...rows]);
		expect([...a.scored]).toEqual([...a.scored].sort((x, y) => x - y));
		expect(holdoutRows(rows, 7)).toEqual(a);
		expect([...holdoutRows(rows, 8).scored]).not.toEqual([...a.scored]);
		// Random, not the last quarter.
		expect([...a.scored]).not.toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
	});

	it('keeps at least one row on each side and refuses fewer than two rows', async () => {
		const two = holdoutRows(Int32Array.of(4, 9), 1, 0.01);
		expect(two.train.length).toBe(1);
		expect(two.scored.length).toBe(1);
		expect(holdoutRows(Int32Array.of(4, 9), 1, 0.99).train.length).toBe(1);
		await expectCoreError(() => holdoutRows(Int32Array.of(3), 1), 'too-few-rows');
	});
});

describe('baselineCheck on the reference data', () => {
	it('titanic: the one rule asks about Sex and beats the majority class on validation', async () => {
		const data = await loadReference('titanic');
		const rows = { train: data.rows.train, scored: data.rows.val };
		const run = () =>
			baselineCheck(data.ingested.raw, data.schema, data.target, data.inputs, rows, 'basis', 42);
		const check = await run();
		expect(check.basis).toBe('basis');
		expect(check.trainRows).toBe(data.rows.train.length);
		expect(check.scoredRows).toBe(data.rows.val.length);
		expect(check.baseline.label).toBe('majority-class baseline');
		expect(check.baseline.metrics.roc_auc).toBe(0.5);
		const rule = check.rule!;
		expect(rule.column).toBe('Sex');
		expect(rule.label).toBe('one-rule baseline on Sex');
		expect(rule.summary.length).toBeGreaterThanOrEqual(2);
		expect(rule.summary.every((line) => line.startsWith('Sex=') && / rows?\)$/.test(line))).toBe(
			true
		);
		expect(rule.metrics.accuracy!).toBeGreaterThan(check.baseline.metrics.accuracy!);
		expect(rule.metrics.roc_auc!).toBeGreaterThan(0.7);
		expect(await run()).toEqual(check);
	});

	it('bike_day: both baselines are scored by RMSE, the rule in the units of its column', async () => {
		const data = await loadReference('bike_day');
		const rows = { train: data.rows.train, scored: data.rows.val };
		const check = await baselineCheck(
			data.ingested.raw,
			data.schema,
			data.target,
			data.inputs,
			rows,
			'basis',
			42
		);
		expect(check.baseline.label).toBe('mean baseline');
		expect(check.baseline.metrics.rmse).toBeGreaterThan(1000);
		const rule = check.rule!;
		expect(rule.metrics.rmse).toBeGreaterThan(0);
		expect(rule.metrics.rmse!).toBeLessThan(check.baseline.metrics.rmse!);
		// Cuts are read back in the column's own units, not the recipe's standardised ones.
		const report = data.ingested.reports.find((r) => r.name === rule.column)!;
		expect(report.kind).not.toBe('text');
		const cut = rule.summary[0].match(/≤ (-?[\d.e+-]+)/);
		expect(cut).not.toBeNull();
		const values = data.ingested.raw.columns.find((c) => c.name === rule.column)!.numbers;
		if (values) {
			const finite = Array.from(values).filter(Number.isFinite);
			const value = Number(cut![1]);
			expect(value).toBeGreaterThanOrEqual(Math.min(...finite));
			expect(value).toBeLessThanOrEqual(Math.max(...finite));
		}
	});
});

describe('baselineCheck on small data', () => {
	const CSV = `id,colour,size,y\n${Array.from(
		{ length: 24 },
		// Rows 18 to 23 (the test part below) have the opposite labels.
		(_, i) =>
			`${i},${i % 2 === 0 ? 'red' : 'blue'},${i % 5},${(i % 2 === 0) !== i >= 18 ? 'yes' : 'no'}`
	).join('\n')}\n`;
	const target: TargetSpec = {
		name: 'y',
		task: 'binary',
		classes: ['no', 'yes'],
		positive: 'yes',
		threshold: 0.5
	};
	const load = () => loadDataset(bytesSource(new TextEncoder().encode(CSV)), 'small.csv');

	it('without inputs, scores the baseline alone', async () => {
		const dataset = await load();
		const schema = { columns: [{ name: 'y', kind: 'category' as const }], missingTokens: [''] };
		const rows = holdoutRows(range(24), 3);
		const check = await baselineCheck(dataset.raw, schema, target, [], rows, 'b', 3);
		expect(check.rule).toBeNull();
		expect(check.baseline.metrics.accuracy).toBeGreaterThan(0);
	});

	it('on a dataset: a hold-out before the split, the split after, never an identifier', async () => {
		const dataset = await load();
		const request = { target: { name: 'y', kind: 'category' as const }, spec: target, seed: 5 };
		const before = await baselineCheckOnDataset(dataset, { ...request, split: null });
		expect(before.basis).toBe(HOLDOUT_BASIS);
		expect(before.trainRows + before.scoredRows).toBe(24);
		expect(before.scoredRows).toBe(6);
		expect(before.rule!.column).not.toBe('id');

		// Rows 0-11 train, 12-17 validation, 18-23 test.
		const assignment = Int8Array.from({ length: 24 }, (_, i) => (i < 12 ? 0 : i < 18 ? 1 : 2));
		const plan = { seed: 1, fractions: { train: 0.5, val: 0.25, test: 0.25 }, stratify: false };
		const split: Split = { plan, assignment, counts: countParts(assignment) };
		const after = await baselineCheckOnDataset(dataset, { ...request, split });
		expect(after.basis).toBe(SPLIT_BASIS);
		expect([after.trainRows, after.scoredRows]).toEqual([12, 6]);
		expect(after.rule!.column).toBe('colour');
		expect(after.rule!.metrics.accuracy).toBe(1);

		const noVal = Int8Array.from({ length: 24 }, (_, i) => (i < 18 ? 0 : 2));
		const trainOnly: Split = { plan, assignment: noVal, counts: countParts(noVal) };
		const holdout = await baselineCheckOnDataset(dataset, { ...request, split: trainOnly });
		expect(holdout.basis).toBe(TRAIN_HOLDOUT_BASIS);
		expect(holdout.trainRows + holdout.scoredRows).toBe(18);
	});

	it('leaves out rows without a target before the split', async () => {
		const text = 'x,y\n1,a\n2,\n3,b\n4,a\n5,\n6,b\n7,a\n8,b\n';
		const dataset = await loadDataset(bytesSource(new TextEncoder().encode(text)), 'gaps.csv');
		const check = await baselineCheckOnDataset(dataset, {
			target: { name: 'y', kind: 'category' },
			spec: { name: 'y', task: 'multiclass', classes: ['a', 'b'] },
			split: null,
			seed: 1
		});
		expect(check.trainRows + check.scoredRows).toBe(6);
	});
});
