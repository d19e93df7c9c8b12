import { describe, expect, it } from 'vitest';
import { cellText, selectRawRows, type RawTable } from '../../../src/core/table/table';
import { developmentFolds } from '../../../src/core/split/k-fold';
import {
	countParts,
	DEFAULT_SPLIT_PLAN,
	partRows,
	type Split,
	type SplitPart
} from '../../../src/core/split/split';
import {
	crossValidate,
	fixedBudget,
	foldTables,
	partFolds,
	type CrossValidateEvent
} from '../../../src/core/tune/cross-validate';
import { concatRawTables } from '../../../src/core/tune/concat-raw-tables';
import type { Model } from '../../../src/core/models/model';
import { DEFAULT_BOOSTING_SPEC } from '../../../src/core/models/boosting/boosting';
import { DEFAULT_NEURAL_SPEC } from '../../../src/core/models/neural/mlp';
import { expectClose, expectCoreError } from '../helpers';
import { trainRun } from '../../../src/core/train/train-run';
import { rawTableOf } from '../profile/tables';
import { loadReference, referenceRequest } from '../reference';

/** 8 rows: parts train, val, test, train, dropped, val, train, test; folds over train and val. */
const SPLIT: Split = {
	plan: { ...DEFAULT_SPLIT_PLAN, folds: 2 },
	assignment: Int8Array.from([0, 1, 2, 0, -1, 1, 0, 2]),
	counts: countParts(Int8Array.from([0, 1, 2, 0, -1, 1, 0, 2])),
	folds: Int8Array.from([0, 1, -1, 1, -1, 0, 0, -1])
};

/** The rows of a part as the data worker's `rows` hands them out. */
const partOf = (raw: RawTable, part: Exclude<SplitPart, 'test'>) =>
	selectRawRows(raw, partRows(SPLIT, part));

const DATA = rawTableOf(
	['x', 'c'],
	[
		[0, 'a'],
		[1, 'b'],
		[2, 'TEST'],
		[3, 'a'],
		[4, 'gone'],
		[5, 'c'],
		[6, 'b'],
		[7, 'TEST']
	]
);

const cells = (t: RawTable) =>
	Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => cellText(c, r)).join(':'));

describe('partFolds', () => {
	it("gives each part's folds in the order the data worker hands out its rows", () => {
		expect(Array.from(partFolds(SPLIT, 'train'))).toEqual([0, 1, 0]);
		expect(Array.from(partFolds(SPLIT, 'val'))).toEqual([1, 0]);
	});

	it('refuses the test part and a split without folds', async () => {
		await expectCoreError(() => partFolds(SPLIT, 'test' as 'val'), 'test-locked');
		await expectCoreError(() => partFolds({ ...SPLIT, folds: undefined }, 'train'), 'no-folds');
	});
});

describe('foldTables', () => {
	const train = partOf(DATA, 'train');
	const val = partOf(DATA, 'val');
	const [trainFolds, valFolds] = [partFolds(SPLIT, 'train'), partFolds(SPLIT, 'val')];

	it('holds one fold of the development rows out, train rows before validation rows', () => {
		const zero = foldTables(train, val, trainFolds, valFolds, 0);
		expect(cells(zero.train)).toEqual(['3:a', '1:b']);
		expect(cells(zero.val)).toEqual(['0:a', '6:b', '5:c']);
		const one = foldTables(train, val, trainFolds, valFolds, 1);
		expect(cells(one.train)).toEqual(['0:a', '6:b', '5:c']);
		expect(cells(one.val)).toEqual(['3:a', '1:b']);
	});

	it('refuses folds that do not fit the rows', async () => {
		await expectCoreError(
			() => foldTables(train, val, trainFolds.subarray(1), valFolds, 0),
			'bad-folds'
		);
		await expectCoreError(
			() => foldTables(train, val, Int8Array.from([0, 0, 0]), Int8Array.from([0, 0]), 0),
			'bad-folds',
			/two folds/
		);
		await expectCoreError(
			() => foldTables(train, val, Int8Array.from([0, 2, 0]), Int8Array.from([2, 0]), 0),
			'bad-folds',
			/none empty/
		);
	});
});

describe('concatRawTables', () => {
	it('appends rows, merging texts each part numbered its own way', () => {
		const a = rawTableOf(
			['x', 'c'],
			[
				[1, 'p'],
				['?', 'q']
			]
		);
		const b = rawTableOf(
			['x', 'c'],
			[
				['q', 'q'],
				[2.5, 'r']
			]
		);
		const both = concatRawTables(a, b);
		expect(both.rowCount).toBe(4);
		expect(cells(both)).toEqual(['1:p', '?:q', 'q:q', '2.5:r']);
		expect(both.columns[1].levels).toEqual(['p', 'q', 'r']);
	});

	it('refuses parts with other columns', async () => {
		await expectCoreError(
			() => concatRawTables(rawTableOf(['x'], [[1]]), rawTableOf(['y'], [[1]])),
			'column-mismatch'
		);
	});
});

describe('crossValidate', () => {
	it('scores a logistic regression on titanic fold by fold, with the mean and spread', async () => {
		const data = await loadReference('titanic');
		const { raw } = data.ingested;
		const assignment = new Int8Array(raw.rowCount).fill(-1);
		(['train', 'val', 'test'] as const).forEach((part, code) =>
			data.rows[part].forEach((row) => (assignment[row] = code))
		);
		const target = raw.columns.find((c) => c.name === 'Survived')!;
		const strata = Int32Array.from({ length: raw.rowCount }, (_, r) =>
			cellText(target, r) === '1' ? 1 : 0
		);
		const split: Split = {
			plan: { ...DEFAULT_SPLIT_PLAN, kind: 'stratified', folds: 5 },
			assignment,
			counts: countParts(assignment)
		};
		split.folds = developmentFolds(split, 5, { strata });
		const request = {
			...referenceRequest(data, { kind: 'linear', l2: 1 }),
			train: selectRawRows(raw, partRows(split, 'train')),
			val: selectRawRows(raw, partRows(split, 'val'))
		};
		const events: CrossValidateEvent[] = [];
		let t = 0;
		const folds = { train: partFolds(split, 'train'), val: partFolds(split, 'val') };
		const cv = await crossValidate(request, folds, {
			onEvent: (e) => events.push(e),
			now: () => (t += 1)
		});
		const aucs = cv.foldMetrics.map((m) => m.roc_auc!);
		expect(aucs).toHaveLength(5);
		expect(Math.min(...aucs)).toBeGreaterThan(0.82);
		expect(Math.max(...aucs)).toBeLessThan(0.88);
		const mean = aucs.reduce((a, b) => a + b) / 5;
		expectClose(cv.meanMetrics.roc_auc!, mean, 1e-12);
		expectClose(cv.meanMetrics.roc_auc!, 0.854, 0.01);
		const sd = Math.sqrt(aucs.reduce((s, a) => s + (a - mean) ** 2, 0) / 5);
		expectClose(cv.sdMetrics.roc_auc!, sd, 1e-12);
		expect(Object.keys(cv.meanMetrics).sort()).toEqual(Object.keys(cv.sdMetrics).sort());
		expect(cv.fitMs).toBeGreaterThan(0);
		// Each fold is one trainRun with the same spec and seed on that fold's tables.
		const { train, val } = foldTables(request.train, request.val, folds.train, folds.val, 3);
		const direct = await trainRun({ ...request, train, val });
		expect(cv.foldMetrics[3]).toEqual(direct.valMetrics);
		const progress = events.flatMap((e) => (e.kind === 'progress' ? [e] : []));
		expect(progress[0].phase).toMatch(/^Fold 1 of 5: /);
		expect(progress.at(-1)!.phase).toMatch(/^Fold 5 of 5: /);
		const fractions = progress.map((e) => e.fraction);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		const lossFolds = new Set(events.flatMap((e) => (e.kind === 'loss' ? [e.fold] : [])));
		expect([...lossFolds]).toEqual([0, 1, 2, 3, 4]);
	});
});

describe('fixedBudget', () => {
	it('turns early stopping into the budget the fit on train kept', () => {
		const boosting = { ...DEFAULT_BOOSTING_SPEC, iterations: 100, earlyStopping: 10 };
		const model = { kind: 'boosting', outputs: 3, trees: new Array(42 * 3) } as unknown as Model;
		expect(fixedBudget(boosting, model)).toEqual({ ...boosting, iterations: 42, earlyStopping: 0 });
		const neural = { ...DEFAULT_NEURAL_SPEC, epochs: 300, patience: 10 };
		const network = { kind: 'neural', epoch: 17 } as unknown as Model;
		expect(fixedBudget(neural, network)).toEqual({ ...neural, epochs: 17, patience: 0 });
		const linear = { kind: 'linear', l2: 1 } as const;
		expect(fixedBudget(linear, model)).toBe(linear);
	});
});
