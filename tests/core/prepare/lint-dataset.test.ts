import { describe, expect, it } from 'vitest';
import { entityColumn, lintDataset } from '../../../src/core/prepare/lint-dataset';
import { identifierColumns } from '../../../src/core/profile/profile-dataset';
import type { SplitPlan } from '../../../src/core/split/split';
import { columnSchema } from '../../../src/core/table/infer-kinds';
import { splitDataset } from '../../../src/core/table/dataset';
import { loadLintFile, type LintFile } from './leakage/lint-files';

const PLAN: SplitPlan = {
	seed: 42,
	fractions: { train: 0.6, val: 0.2, test: 0.2 },
	stratify: false,
	kind: 'random'
};

/** Lints a shared file as the data worker does, before the split and after one made with `plan`. */
async function lintFile(file: LintFile, plan: SplitPlan | null) {
	const { dataset, input } = await loadLintFile(file);
	const report = dataset.reports.find((r) => r.name === input.target)!;
	const target = columnSchema(report);
	const split = plan && splitDataset(dataset, target, input.task, input.classes, plan);
	return {
		dataset,
		findings: lintDataset(dataset, { target, task: input.task, classes: input.classes, split })
	};
}

const checks = (findings: { check: string; columns: string[] }[]) =>
	findings.map((f) => `${f.check} ${f.columns.join('+')}`);

describe('lintDataset', () => {
	it('before the split, runs the column checks only', async () => {
		const { findings } = await lintFile({ file: 'titanic3.csv', target: 'survived' }, null);
		expect(checks(findings)).toEqual(
			expect.arrayContaining(['single-feature boat', 'post-outcome body'])
		);
		expect(findings.every((f) => !f.check.includes('split') && f.check !== 'group-overlap')).toBe(
			true
		);
	});

	it('after a random split, finds one person in two parts through an identifier that repeats', async () => {
		const file = { file: 'dirty/adult_duplicates_ids.csv', target: 'Y' };
		const { dataset, findings } = await lintFile(file, PLAN);
		expect(entityColumn(dataset, identifierColumns(dataset))).toBe('person_id');
		const overlap = findings.find((f) => f.check === 'group-overlap');
		expect(overlap?.fix).toEqual({ kind: 'split', split: 'group', column: 'person_id' });
		// Split by person, as the fix does, and the overlap is gone.
		const grouped = await lintFile(file, { ...PLAN, kind: 'group', column: 'person_id' });
		expect(checks(grouped.findings).filter((c) => c.startsWith('group-overlap'))).toEqual([]);
	});

	it('does not take two passengers of one name for an entity', async () => {
		const { dataset, findings } = await lintFile(
			{ file: 'titanic3.csv', target: 'survived' },
			PLAN
		);
		expect(entityColumn(dataset, identifierColumns(dataset))).toBeNull();
		expect(findings.some((f) => f.check === 'group-overlap')).toBe(false);
	});

	it('flags a random split of daily rows, and is quiet about time once the split is by time', async () => {
		const file = { file: 'bike_day.csv', target: 'cnt' };
		const random = await lintFile(file, PLAN);
		const onTime = random.findings.find((f) => f.check === 'random-split-on-time');
		expect(onTime?.fix).toEqual({ kind: 'split', split: 'time', column: 'dteday' });
		const byTime = await lintFile(file, { ...PLAN, kind: 'time', column: 'dteday' });
		expect(byTime.findings.some((f) => f.check.includes('time'))).toBe(false);
	});

	it('finds copies across parts that differ only in their identifier, and the fix keeps them together', async () => {
		const file = { file: 'dirty/adult_duplicates_ids.csv', target: 'Y' };
		const random = await lintFile(file, PLAN);
		const copies = random.findings.find((f) => f.check === 'cross-split-duplicates');
		expect(copies?.fix).toEqual({ kind: 'dedupe-split' });
		const kept = await lintFile(file, { ...PLAN, keepDuplicatesTogether: true });
		expect(kept.findings.some((f) => f.check === 'cross-split-duplicates')).toBe(false);
		// A group split cannot keep copies together: the finding has no such fix there.
		const grouped = await lintFile(file, { ...PLAN, kind: 'group', column: 'workclass' });
		const there = grouped.findings.find((f) => f.check === 'cross-split-duplicates');
		expect(there === undefined || there.fix === null).toBe(true);
	});

	it('judges the columns on train and validation rows once there is a split', async () => {
		const { dataset } = await loadLintFile({ file: 'titanic3.csv', target: 'survived' });
		const report = dataset.reports.find((r) => r.name === 'survived')!;
		const target = columnSchema(report);
		const classes = ['0', '1'];
		const split = splitDataset(dataset, target, 'binary', classes, PLAN);
		const findings = lintDataset(dataset, { target, task: 'binary', classes, split });
		const boat = findings.find((f) => f.columns.includes('boat'))!;
		const open = split.counts.train + split.counts.val;
		expect(boat.evidence).toMatch(new RegExp(`of the \\d+ rows`));
		const counted = [...boat.evidence.matchAll(/of the (\d+) rows/g)].reduce(
			(n, m) => n + Number(m[1]),
			0
		);
		expect(counted).toBe(open);
	});
});
