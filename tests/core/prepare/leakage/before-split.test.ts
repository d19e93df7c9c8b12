import { describe, expect, it } from 'vitest';
import {
	lintBeforeSplit,
	type BeforeSplitInput
} from '../../../../src/core/prepare/leakage/leakage';
import type { Column, Table } from '../../../../src/core/table/table';
import { categories, expectCoreError, numbers } from '../../helpers';

const ROWS = 60;

/** An honest feature: a pattern unrelated to anything else. */
const noise = (name: string, seed: number) =>
	numbers(
		name,
		Array.from({ length: ROWS }, (_, i) => Math.round(100 * Math.abs(Math.sin(seed * (i + 1)))))
	);

/** A class target: yes in rows where i % 3 === 0, else no. */
const labels = Array.from({ length: ROWS }, (_, i) => (i % 3 === 0 ? 'yes' : 'no'));

function classInput(columns: Column[]): BeforeSplitInput {
	const table: Table = {
		rowCount: ROWS,
		columns: [noise('a', 1), ...columns, categories('label', labels)]
	};
	return {
		table,
		target: 'label',
		task: 'binary',
		classes: ['no', 'yes'],
		reports: [],
		identifiers: []
	};
}

function valueInput(columns: Column[], y: readonly number[]): BeforeSplitInput {
	const table: Table = { rowCount: ROWS, columns: [noise('a', 1), ...columns, numbers('y', y)] };
	return { table, target: 'y', task: 'regression', classes: [], reports: [], identifiers: [] };
}

const summary = (input: BeforeSplitInput) =>
	lintBeforeSplit(input).map((f) => `${f.check}:${f.severity}:${f.columns.join('+')}`);

describe('lintBeforeSplit on small tables', () => {
	it('is quiet on honest features', () => {
		expect(summary(classInput([noise('b', 2), noise('c', 3)]))).toEqual([]);
		const y = noise('y', 4).values;
		expect(summary(valueInput([noise('b', 2)], Array.from(y)))).toEqual([]);
	});

	it('finds a relabelled copy of a class target, one row off', () => {
		const codes = labels.map((l, i) => (i === 5 ? 'T' : l === 'yes' ? 'T' : 'F'));
		const [finding] = lintBeforeSplit(classInput([categories('flag', codes)]));
		expect(finding).toMatchObject({
			check: 'target-copy',
			severity: 'leak',
			columns: ['flag'],
			fix: { kind: 'drop-columns', columns: ['flag'] }
		});
		expect(finding.evidence).toContain('"flag" matches "label" in 98% of the 60 rows');
		expect(finding.evidence).toContain('"T" → "yes", "F" → "no"');
	});

	it('finds a number target in other units, and two columns that differ by it', () => {
		const y = Array.from(noise('y', 5).values);
		const thousands = numbers(
			'y_k',
			y.map((v) => v / 1000)
		);
		const before = noise('before', 6);
		const after = numbers(
			'after',
			y.map((v, i) => v + before.values[i])
		);
		expect(summary(valueInput([thousands, before, after], y))).toEqual([
			'target-copy:leak:y_k',
			'target-sum:leak:before+after'
		]);
		const [sum] = lintBeforeSplit(valueInput([before, after], y));
		expect(sum.evidence).toBe(
			'-"before" + "after" equals "y" in 60 of the 60 rows where all three are filled in (100%).'
		);
	});

	it('finds a column filled in only for one class, and says where', () => {
		const filled = numbers(
			'closed_at',
			labels.map((l, i) => (l === 'yes' ? i : NaN))
		);
		const [finding] = lintBeforeSplit(classInput([filled]));
		expect(finding).toMatchObject({ check: 'single-feature', severity: 'leak' });
		expect(finding.evidence).toContain(
			'"closed_at" is filled in for 0 of the 40 rows where "label" is "no" and 20 of the 20 rows where "label" is "yes"'
		);
	});

	it('finds identifiers, and says when their order runs with the target', () => {
		const ids = categories(
			'id',
			labels.map((_, i) => `C${1000 + i}`)
		);
		// No digits, so ordered alphabetically: every "yes" row sorts after every "no" row.
		const letters = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
		const sorted = categories(
			'ticket',
			labels.map((l, i) => `${l === 'yes' ? 'Z' : 'A'}${letters(i)}`)
		);
		const input = { ...classInput([ids, sorted]), identifiers: ['id', 'ticket'] };
		const findings = lintBeforeSplit(input);
		expect(findings.map((f) => [f.check, f.severity, f.columns[0]])).toEqual([
			['identifier', 'review', 'id'],
			['identifier', 'review', 'ticket']
		]);
		expect(findings[0].evidence).toContain('says little about "label"');
		expect(findings[1].evidence).toContain('separates the classes of "label" with ROC-AUC 1.000');
	});

	it('finds a post-outcome name, and stays quiet on a similar but earlier one', () => {
		expect(summary(classInput([noise('call_duration', 7), noise('previous_outcome', 8)]))).toEqual([
			'post-outcome:review:call_duration'
		]);
	});

	it('scores columns on 50000 evenly spaced rows of a larger table, and says so', () => {
		const n = 60_000;
		const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'yes' : 'no'));
		const table: Table = {
			rowCount: n,
			columns: [
				numbers(
					'score',
					y.map((l, i) => (l === 'yes' ? 100 : 0) + (i % 7))
				),
				categories('label', y)
			]
		};
		const [finding] = lintBeforeSplit({ ...classInput([]), table });
		expect(finding).toMatchObject({
			check: 'single-feature',
			severity: 'leak',
			columns: ['score']
		});
		expect(finding.evidence).toBe(
			'Ranking the rows by "score" alone separates the classes of "label" with ROC-AUC 1.000 (1 is perfect, 0.5 a coin toss), measured on 50000 evenly spaced rows of the 60000 with a target value.'
		);
	});

	it('refuses a target the table lacks, and a class the target does not have', async () => {
		await expectCoreError(
			() => lintBeforeSplit({ ...classInput([]), target: 'nope' }),
			'missing-column'
		);
		await expectCoreError(
			() => lintBeforeSplit({ ...classInput([]), classes: ['no', 'maybe'] }),
			'unknown-class'
		);
	});
});
