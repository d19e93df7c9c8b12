import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	loadDataset,
	NO_CHOICES,
	retypeColumn,
	setMissingTokens,
	splitDataset,
	summarizeDataset,
	type ReadChoices
} from '../../../src/core/table/dataset';
import { bytesSource } from '../../../src/core/table/ingest';
import type { ColumnKind } from '../../../src/core/table/table';
import { DEFAULT_SPLIT_PLAN, DROPPED, type SplitPlan } from '../../../src/core/split/split';
import { blockFingerprint, expectCoreError } from '../helpers';

const CSV = 'id,grade,y,score\n1,a,yes,1.5\n2,b,no,2\n3,a,no,\n4,b,yes,4\n5,a,,5\n6,c,no,x\n';

function load(text: string, kinds: [string, ColumnKind][] = []) {
	return loadDataset(bytesSource(new TextEncoder().encode(text)), 'data.csv', {
		...NO_CHOICES,
		columns: kinds.map(([name, kind]) => [name, { kind }])
	});
}

/** Returns, per part (train, val, test), how many rows of each label it holds. */
function labelsPerPart(labels: readonly (string | null)[], assignment: Int8Array) {
	const parts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
	assignment.forEach((part, row) => {
		const label = labels[row];
		if (part === DROPPED || label === null) return;
		parts[part].set(label, (parts[part].get(label) ?? 0) + 1);
	});
	return parts.map((counts) => Object.fromEntries([...counts].sort()));
}

describe('loadDataset', () => {
	it('fingerprints the bytes with SHA-256 and reports each column', async () => {
		const bytes = new TextEncoder().encode(CSV);
		const dataset = await loadDataset(bytesSource(bytes), 'data.csv');
		expect(dataset.fingerprint).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(dataset.fileName).toBe('data.csv');
		expect(dataset.bytes).toBe(bytes.length);
		expect(dataset.raw.rowCount).toBe(6);
		expect(dataset.reports.map((r) => [r.name, r.kind, r.idLike])).toEqual([
			['id', 'number', true],
			['grade', 'category', false],
			['y', 'boolean', false],
			['score', 'text', false]
		]);
		expect(dataset.reports[3].mixed).toEqual({
			numberCells: 4,
			textCells: 1,
			textExamples: ['x']
		});
	});

	it('changes the fingerprint when one byte changes', async () => {
		const a = await load(CSV);
		const b = await load(CSV.replace('1.5', '1.6'));
		expect(b.fingerprint).not.toBe(a.fingerprint);
	});

	it('fingerprints a file over 1 MiB with SHA-256 over the digests of its 1 MiB blocks', async () => {
		const block = 1 << 20;
		const row = 'abcdefghij,0123456789\n';
		const text = 'name,value\n' + row.repeat(Math.ceil((block + 5000) / row.length));
		const bytes = new TextEncoder().encode(text);
		const dataset = await loadDataset(bytesSource(bytes), 'big.csv');
		expect(dataset.fingerprint).toBe(blockFingerprint(bytes));
	});

	it('applies kind choices and keeps the inferred kind', async () => {
		const dataset = await load(CSV, [['grade', 'text']]);
		expect(dataset.reports[1]).toMatchObject({
			name: 'grade',
			kind: 'text',
			inferredKind: 'category'
		});
		expect(dataset.choices.columns).toEqual([['grade', { kind: 'text' }]]);
	});
});

describe('summarizeDataset', () => {
	it('summarises every column as a target, in column order', async () => {
		const summary = summarizeDataset(await load(CSV));
		expect(summary.rowCount).toBe(6);
		expect(summary.targets.map((t) => t.name)).toEqual(['id', 'grade', 'y', 'score']);
		expect(summary.targets[2]).toMatchObject({
			present: 5,
			missing: 1,
			classes: [
				{ label: 'no', count: 3 },
				{ label: 'yes', count: 2 }
			],
			suggestedTask: 'binary',
			problem: null
		});
		expect(summary.targets[0].allowedTasks).toContain('regression');
		expect(summary.targets[1].allowedTasks).toEqual(['multiclass']);
	});

	it('previews the exact cell text of the first 20 rows', async () => {
		const summary = summarizeDataset(await load(CSV));
		expect(summary.preview[0]).toEqual(['1', 'a', 'yes', '1.5']);
		expect(summary.preview[4]).toEqual(['5', 'a', '', '5']);
		const rows = Array.from({ length: 25 }, (_, i) => `${i},${i % 3}`).join('\n');
		const long = summarizeDataset(await load(`n,m\n${rows}\n`));
		expect(long.rowCount).toBe(25);
		expect(long.preview).toHaveLength(20);
		expect(long.preview[19]).toEqual(['19', '1']);
	});
});

describe('retypeColumn', () => {
	it('refuses number for a column with text that is not a number, naming examples', async () => {
		const dataset = await load('a,b\n1,x\n2,y\n3,x\nn/a,4\n5,z\n6,w\n7,v\n');
		const error = await expectCoreError(
			() => retypeColumn(dataset, 'b', 'number'),
			'wrong-kind',
			/"b" cannot be read as numbers: 6 value\(s\) do not fit, such as "x", "y", "z"\./
		);
		expect(error.place.column).toBe('b');
	});

	it('names an unknown column', async () => {
		const error = await expectCoreError(
			async () => retypeColumn(await load(CSV), 'nope', 'text'),
			'missing-column'
		);
		expect(error.place.column).toBe('nope');
	});

	it('turns a category into text and back without touching other columns', async () => {
		const dataset = await load(CSV);
		const asText = retypeColumn(dataset, 'grade', 'text');
		expect(asText.report).toMatchObject({ kind: 'text', inferredKind: 'category' });
		expect(asText.dataset.reports[1].kind).toBe('text');
		expect(asText.dataset.reports.filter((_, i) => i !== 1)).toEqual(
			dataset.reports.filter((_, i) => i !== 1)
		);
		expect(dataset.reports[1].kind).toBe('category');
		const back = retypeColumn(asText.dataset, 'grade', 'category');
		expect(back.dataset.reports).toEqual(dataset.reports);
	});

	it('returns the target summary for the new kind', async () => {
		const dataset = await load('code,y\n1,a\n2,b\n1,a\n3,b\n2,a\n');
		const asCategory = retypeColumn(dataset, 'code', 'category');
		expect(asCategory.target.allowedTasks).toEqual(['multiclass']);
		const asNumber = retypeColumn(asCategory.dataset, 'code', 'number');
		expect(asNumber.target.allowedTasks).toEqual(['multiclass', 'regression', 'ranking']);
		expect(asNumber.target.classes).toEqual([
			{ label: '1', count: 2 },
			{ label: '2', count: 2 },
			{ label: '3', count: 1 }
		]);
		expect(summarizeDataset(asCategory.dataset).targets[0].allowedTasks).toEqual(['multiclass']);
	});
});

describe('splitDataset', () => {
	const plan: SplitPlan = { ...DEFAULT_SPLIT_PLAN, seed: 3 };

	it('stratifies a classification split and drops rows without a target', async () => {
		// Rows 2 and 9 have no target; of the other ten, four are "yes".
		const ys = ['yes', 'no', '', 'no', 'yes', 'no', 'no', 'yes', 'no', 'NA', 'yes', 'no'];
		const dataset = await load(`x,y\n${ys.map((y, i) => `${i},${y}`).join('\n')}\n`);
		const split = splitDataset(
			dataset,
			{ name: 'y', kind: 'category' },
			'binary',
			['no', 'yes'],
			plan
		);
		expect(split.assignment[2]).toBe(DROPPED);
		expect(split.assignment[9]).toBe(DROPPED);
		expect(split.counts).toEqual({ train: 6, val: 2, test: 2, dropped: 2 });
		const labels = ys.map((y) => (y === '' || y === 'NA' ? null : y));
		expect(labelsPerPart(labels, split.assignment)).toEqual([
			{ no: 4, yes: 2 },
			{ no: 1, yes: 1 },
			{ no: 1, yes: 1 }
		]);
	});

	it('refuses a class the target list does not hold', async () => {
		const dataset = await load('x,y\n1,a\n2,b\n3,c\n');
		await expectCoreError(
			() => splitDataset(dataset, { name: 'y', kind: 'category' }, 'binary', ['a', 'b'], plan),
			'unknown-class',
			/Row 3 of "y" has the class "c"/
		);
	});

	it('drops regression rows whose target is missing and does not stratify', async () => {
		const ys = ['1.5', '', '3', '4', 'NA', '6', '7.25', '8', '9', '10', '11', '12'];
		const dataset = await load(`x,y\n${ys.map((y, i) => `${i},${y}`).join('\n')}\n`);
		const split = splitDataset(dataset, { name: 'y', kind: 'number' }, 'regression', [], plan);
		expect(split.plan.stratify).toBe(false);
		expect(split.assignment[1]).toBe(DROPPED);
		expect(split.assignment[4]).toBe(DROPPED);
		expect(split.counts).toEqual({ train: 6, val: 2, test: 2, dropped: 2 });
		ys.forEach((y, row) => {
			if (y !== '' && y !== 'NA') expect(split.assignment[row]).not.toBe(DROPPED);
		});
	});

	it('gives the same split for the same seed', async () => {
		const dataset = await load(CSV);
		const target = { name: 'y', kind: 'category' as const };
		const a = splitDataset(dataset, target, 'binary', ['no', 'yes'], plan);
		const b = splitDataset(dataset, target, 'binary', ['no', 'yes'], plan);
		expect(b.assignment).toEqual(a.assignment);
	});

	it('refuses regression on a target that is not a number column', async () => {
		await expectCoreError(
			async () =>
				splitDataset(await load(CSV), { name: 'y', kind: 'category' }, 'regression', [], plan),
			'target-not-numeric',
			/"y"/
		);
	});
});

describe('choices replayed on a new reading', () => {
	it('drops a chosen kind the values no longer fit, with a note, instead of blanking cells', async () => {
		const bytes = new TextEncoder().encode('a;b\n1,5;x\n2,5;y\n3,5;z\n4;w\n');
		const choices: ReadChoices = {
			dialect: { decimal: '.' },
			missingTokens: null,
			columns: [['a', { kind: 'number' }]]
		};
		const dataset = await loadDataset(bytesSource(bytes), 'data.csv', choices);
		expect(dataset.reports[0]).toMatchObject({ name: 'a', kind: dataset.reports[0].inferredKind });
		expect(dataset.reports[0].kind).not.toBe('number');
		expect(dataset.notes.join(' ')).toContain(
			'Your choice of kind for "a" (number) no longer fits its values as the file is now read'
		);
	});

	it('reads cells written with a dot as text in a decimal-comma file, not as dot decimals', async () => {
		const bytes = new TextEncoder().encode('price;qty\n1.234;2,5\n567;3,5\n12.500;1,25\n');
		const dataset = await loadDataset(bytesSource(bytes), 'data.csv');
		expect(dataset.dialect.decimal).toBe(',');
		expect(dataset.reports[0].kind).not.toBe('number');
		expect(dataset.reports[0].mixed).toMatchObject({ numberCells: 1, textCells: 2 });
		expect(dataset.reports[1].kind).toBe('number');
	});

	it('matches a decimal-comma missing token against the numbers of a decimal-comma file', async () => {
		const bytes = new TextEncoder().encode('a;b\n1,5;x\n-999,9;y\n2,5;z\n');
		const dataset = setMissingTokens(await loadDataset(bytesSource(bytes), 'data.csv'), [
			'',
			'NA',
			'-999,9'
		]);
		expect(dataset.reports[0]).toMatchObject({ kind: 'number', missing: 1 });
	});
});
