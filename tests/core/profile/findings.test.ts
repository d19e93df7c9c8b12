import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFindings, type Finding } from '../../../src/core/profile/findings';
import { profileDataset, type ProfileResult } from '../../../src/core/profile/profile-dataset';
import { datasetSchema, loadDataset, type Dataset } from '../../../src/core/table/dataset';
import { bytesSource } from '../../../src/core/table/ingest';
import { typeTable } from '../../../src/core/table/schema';

async function loadCsv(csv: string): Promise<Dataset> {
	return loadDataset(bytesSource(new TextEncoder().encode(csv)), 'x.csv');
}

/** Returns the profile and findings of inline CSV text, through the real ingest pipeline. */
async function profileCsv(csv: string, target: string | null = null): Promise<ProfileResult> {
	return profileDataset(await loadCsv(csv), target);
}

/** Returns CSV text from a header and rows of cells. */
function csvOf(header: string, rows: readonly (readonly (string | number)[])[]): string {
	return `${header}\n${rows.map((row) => row.join(',')).join('\n')}\n`;
}

/** Returns the one finding of that check, asserting there is exactly one. */
function findingOf(result: ProfileResult | Finding[], check: string): Finding {
	const findings = Array.isArray(result) ? result : result.findings;
	const matching = findings.filter((f) => f.check === check);
	expect(matching).toHaveLength(1);
	return matching[0];
}

function expectPassed(finding: Finding): void {
	expect(finding.status).toBe('passed');
	expect(finding.fix).toBeNull();
	expect(finding.columns).toEqual([]);
}

const DIRTY = new URL('../../../../shared/datasets/dirty/', import.meta.url);

async function profileFile(name: string, target: string | null): Promise<ProfileResult> {
	const bytes = new Uint8Array(readFileSync(new URL(name, DIRTY)));
	return profileDataset(await loadDataset(bytesSource(bytes), name), target);
}

// Ten rows, no identifier, nothing wrong: a decimal number, a category and a category target.
const CLEAN = csvOf(
	'size,colour,label',
	[1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5].map((size, i) => [
		size,
		['red', 'blue'][i % 2],
		['cat', 'dog', 'cat', 'dog', 'dog', 'cat', 'cat', 'dog', 'cat', 'dog'][i]
	])
);

describe('dataFindings on a clean file', () => {
	it('passes every check, with the target checks included', async () => {
		const result = await profileCsv(CLEAN, 'label');
		expect(result.findings.map((f) => f.check)).toEqual([
			'malformed-rows',
			'open-questions',
			'duplicates',
			'missing-values',
			'mixed-types',
			'spellings',
			'constant-columns',
			'identifiers',
			'high-cardinality',
			'outliers',
			'label-balance',
			'target-association'
		]);
		for (const finding of result.findings) expectPassed(finding);
		expect(findingOf(result, 'label-balance').evidence).toBe(
			'The largest class, "cat", is 50% of the rows.'
		);
		expect(findingOf(result, 'target-association').evidence).toBe(
			'No column is associated with "label" at 0.95 or above.'
		);
	});

	it('leaves out the target checks without a target', async () => {
		const result = await profileCsv(CLEAN);
		const checks = result.findings.map((f) => f.check);
		expect(checks).toHaveLength(10);
		expect(checks).not.toContain('label-balance');
		expect(checks).not.toContain('target-association');
	});

	it('leaves out the label balance for a number target', async () => {
		const result = await profileCsv(CLEAN, 'size');
		const checks = result.findings.map((f) => f.check);
		expect(checks).not.toContain('label-balance');
		expect(checks).toContain('target-association');
	});
});

describe('dataFindings ordering', () => {
	it('puts alerts first, each group in the checks order', async () => {
		// Ragged line 3, an identifier (id), a constant column (k) and an outlier in v.
		const csv = csvOf('id,k,v', [
			['a1', 'same', 1.5],
			['a2', 'same'],
			['a3', 'same', 2.5],
			['a4', 'same', 3.5],
			['a5', 'same', 4.5],
			['a6', 'same', 5.5],
			['a7', 'same', 6.5],
			['a8', 'same', 7.5],
			['a9', 'same', 8.5],
			['a10', 'same', 9.5],
			['a11', 'same', 500.5]
		]);
		const { findings } = await profileCsv(csv);
		const statuses = findings.map((f) => f.status);
		const firstPassed = statuses.indexOf('passed');
		expect(firstPassed).toBeGreaterThan(0);
		expect(statuses.slice(firstPassed).every((s) => s === 'passed')).toBe(true);
		expect(findings.slice(0, firstPassed).map((f) => f.check)).toEqual([
			'malformed-rows',
			'constant-columns',
			'identifiers',
			'outliers'
		]);
		expect(findings.slice(firstPassed).map((f) => f.check)).toEqual([
			'open-questions',
			'duplicates',
			'missing-values',
			'mixed-types',
			'spellings',
			'high-cardinality'
		]);
	});
});

describe('malformed rows', () => {
	it('passes when every row has as many fields as the header', async () => {
		const finding = findingOf(await profileCsv(CLEAN), 'malformed-rows');
		expectPassed(finding);
		expect(finding.evidence).toBe('Every row has as many fields as the header.');
	});

	it('names the count and the physical lines of the rows left out', async () => {
		const csv = 'a,b\n1.5,x\n2.5\n3.5,y,z\n4.5,y\n5.5,x\n';
		const finding = findingOf(await profileCsv(csv), 'malformed-rows');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'2 row(s) have a different number of fields than the header and were left out: lines 3, 4.'
		);
		expect(finding.fix).toMatch(/separator/);
		expect(finding.columns).toEqual([]);
	});
});

describe('open questions', () => {
	it('passes when the data settles how to read the file', async () => {
		const finding = findingOf(await profileCsv(CLEAN), 'open-questions');
		expectPassed(finding);
	});

	it('repeats a separator question', async () => {
		const finding = findingOf(await profileCsv('a,b;c\n1,2;3\n4,5;6\n'), 'open-questions');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toMatch(/commas \(2 columns\) and on semicolons \(2 columns\)/);
		expect(finding.columns).toEqual([]);
	});

	it('asks for the date order when every date could be either, naming the column', async () => {
		const csv = csvOf('when,n', [
			['02/07/2019', 1.5],
			['03/04/2020', 1.5],
			['05/06/2021', 2.5]
		]);
		const finding = findingOf(await profileCsv(csv), 'open-questions');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'3 dates in "when" (such as 02/07/2019) could be day or month first; they are read day first for now.'
		);
		expect(finding.columns).toEqual(['when']);
	});

	it('does not ask when one unambiguous date settles the order', async () => {
		const csv = csvOf('when,n', [
			['02/07/2019', 1.5],
			['03/04/2020', 1.5],
			['25/06/2021', 2.5]
		]);
		expectPassed(findingOf(await profileCsv(csv), 'open-questions'));
	});
});

describe('duplicates', () => {
	it('passes when no row repeats another', async () => {
		const finding = findingOf(await profileCsv(CLEAN), 'duplicates');
		expectPassed(finding);
		expect(finding.evidence).toBe('No row repeats another.');
	});

	it('counts exact duplicates and names the first, 1-based', async () => {
		const csv = csvOf('a,b', [
			[1.5, 'x'],
			[2.5, 'y'],
			[1.5, 'x'],
			[3.5, 'y'],
			[2.5, 'y']
		]);
		const finding = findingOf(await profileCsv(csv), 'duplicates');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe('2 row(s) repeat an earlier row exactly (row 3 repeats row 1).');
		expect(finding.fix).toMatch(/kept in one part/);
		expect(finding.columns).toEqual([]);
		expect(finding.steps).toEqual([{ kind: 'drop-duplicates' }]);
	});

	it('finds rows that repeat apart from their identifier, naming the id column', async () => {
		const csv = csvOf('id,a,b', [
			['k1', 1.5, 'x'],
			['k2', 2.5, 'y'],
			['k3', 1.5, 'x'],
			['k4', 3.5, 'y'],
			['k5', 1.5, 'x']
		]);
		const result = await profileCsv(csv);
		expect(result.profile.duplicates.duplicateRows).toBe(0);
		const finding = findingOf(result, 'duplicates');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'Ignoring the identifier column(s) "id", 2 row(s) repeat an earlier row: the same record entered under two identifiers?'
		);
		expect(finding.columns).toEqual(['id']);
	});

	it('reports both counts when ignoring the ids finds more than the exact duplicates', async () => {
		// An exact copy makes no column unique, so the pipeline cannot produce this: set the
		// profile's reports by hand.
		const csv = csvOf('id,a', [
			['k1', 1.5],
			['k2', 2.5],
			['k3', 3.5],
			['k4', 4.5]
		]);
		const dataset = await loadCsv(csv);
		const { profile } = await profileDataset(dataset, null);
		const { table } = typeTable(dataset.raw, datasetSchema(dataset));
		const findings = dataFindings({
			profile: {
				...profile,
				duplicates: {
					duplicateRows: 1,
					firstExamples: [{ row: 3, firstRow: 1 }],
					ignoredColumns: []
				},
				duplicatesIgnoring: {
					duplicateRows: 3,
					firstExamples: [],
					ignoredColumns: ['id']
				}
			},
			table,
			identifiers: ['id'],
			reports: dataset.reports,
			ragged: dataset.ragged,
			questions: dataset.questions
		});
		const finding = findingOf(findings, 'duplicates');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'1 row(s) repeat an earlier row exactly (row 4 repeats row 2). Ignoring the identifier column(s) "id", 3 row(s) repeat an earlier row: the same record entered under two identifiers?'
		);
		expect(finding.columns).toEqual(['id']);
	});

	it('does not claim duplicates when the identifiers are the only columns', async () => {
		// Each row is unique in both columns: ignoring both compares empty rows.
		const result = await profileCsv('id,name\n1,Ann\n2,Bob\n3,Cid\n');
		expect(result.profile.duplicates.duplicateRows).toBe(0);
		expectPassed(findingOf(result, 'duplicates'));
	});
});

describe('missing values', () => {
	it('passes below 5% of the rows in every column', async () => {
		// One missing cell in 21 rows is 4.8%.
		const rows = Array.from({ length: 21 }, (_, i) => [i === 0 ? '' : i + 0.5, 'x']);
		const finding = findingOf(await profileCsv(csvOf('a,b', rows)), 'missing-values');
		expectPassed(finding);
		expect(finding.evidence).toBe('No column is missing in 5.0% or more of the rows.');
	});

	it('lists each column from 5% on with count and share, and the mostly empty ones', async () => {
		// 20 rows: a misses 1 (5.0%), b misses 12 (60%), c misses none.
		const rows = Array.from({ length: 20 }, (_, i) => [
			i === 3 ? '' : i + 0.5,
			i < 12 ? '' : `v${i % 3}`,
			i % 2 === 0 ? 'x' : 'y'
		]);
		const finding = findingOf(await profileCsv(csvOf('a,b,c', rows)), 'missing-values');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'"a" is missing in 1 rows (5.0%); "b" is missing in 12 rows (60%).'
		);
		expect(finding.fix).toContain(
			'"b" is mostly empty: consider leaving it out, or a missing-indicator column.'
		);
		expect(finding.columns).toEqual(['a', 'b']);
	});

	it('counts missing-value tokens such as NA as missing', async () => {
		const rows = Array.from({ length: 10 }, (_, i) => [i < 6 ? 'NA' : i + 0.5, i < 7 ? '' : 'x']);
		const finding = findingOf(await profileCsv(csvOf('a,b', rows)), 'missing-values');
		expect(finding.evidence).toBe(
			'"a" is missing in 6 rows (60%); "b" is missing in 7 rows (70%).'
		);
		expect(finding.fix).toContain('"a", "b" are mostly empty: consider leaving them out');
	});
});

describe('mixed types', () => {
	it('passes when no column mixes numbers with text', async () => {
		const finding = findingOf(await profileCsv(CLEAN), 'mixed-types');
		expectPassed(finding);
	});

	it('passes a text column that holds a few numbers', async () => {
		const csv = csvOf('name,n', [
			['Ann', 1.5],
			['Bob', 1.5],
			['7', 2.5],
			['Cid', 2.5],
			['Dee', 2.5]
		]);
		expectPassed(findingOf(await profileCsv(csv), 'mixed-types'));
	});

	it('names the number and text counts and the text examples', async () => {
		const csv = csvOf('amount,n', [
			[10, 1.5],
			[20, 1.5],
			['"1,234"', 2.5],
			['n.a.', 2.5],
			[30, 2.5]
		]);
		const finding = findingOf(await profileCsv(csv), 'mixed-types');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'"amount" has 3 numbers and 2 text cells such as "1,234", "n.a.", so it is read as text.'
		);
		expect(finding.fix).toMatch(/missing-value tokens/);
		expect(finding.fix).not.toMatch(/codes/);
		expect(finding.columns).toEqual(['amount']);
	});

	it('recognises leading-zero codes and says to keep them as text', async () => {
		const csv = csvOf('zip,n', [
			['01234', 1.5],
			['02345', 1.5],
			[12345, 2.5],
			[23456, 2.5],
			[34567, 2.5]
		]);
		const finding = findingOf(await profileCsv(csv), 'mixed-types');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'"zip" has 2 values with leading zeros such as "01234", "02345" among 3 numbers: a code (a zip or phone number), read as text so the zeros are kept.'
		);
		expect(finding.fix).toBe('Keep codes as text or category: their size means nothing.');
		expect(finding.columns).toEqual(['zip']);
	});

	it('gives both fixes when codes and dirty numbers occur together', async () => {
		const csv = csvOf('zip,amount', [
			['01234', 10],
			['02345', 'unknown'],
			[12345, 20],
			[23456, 30],
			[34567, 'unknown']
		]);
		const finding = findingOf(await profileCsv(csv), 'mixed-types');
		expect(finding.columns).toEqual(['zip', 'amount']);
		expect(finding.evidence).toContain('"amount" has 3 numbers and 2 text cells such as "unknown"');
		expect(finding.fix).toContain('missing-value tokens');
		expect(finding.fix).toContain('Keep codes as text or category');
	});
});

describe('spellings', () => {
	it('passes when category levels differ in more than spaces and case', async () => {
		expectPassed(findingOf(await profileCsv(CLEAN), 'spellings'));
	});

	it('groups levels that differ only by spaces or letter case', async () => {
		const csv = csvOf('sex,n', [
			['male', 1.5],
			['"male "', 1.5],
			['Male', 2.5],
			['female', 2.5],
			['male', 3.5],
			['female', 3.5],
			['male', 4.5],
			['female', 4.5]
		]);
		const finding = findingOf(await profileCsv(csv), 'spellings');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'"sex" writes "male" / "male " / "Male": each spelling counts as a different category.'
		);
		expect(finding.fix).toMatch(/Trim spaces and merge/);
		expect(finding.columns).toEqual(['sex']);
		// The one-click fix: trim, then merge every spelling into the most frequent one.
		expect(finding.steps).toEqual([
			{
				kind: 'clean-labels',
				column: 'sex',
				trim: true,
				caseFold: 'none',
				merge: [['Male', 'male']]
			}
		]);
	});
});

describe('constant columns', () => {
	it('passes when every column has two values', async () => {
		expectPassed(findingOf(await profileCsv(CLEAN), 'constant-columns'));
	});

	it('names a single-valued column and an empty one', async () => {
		const rows = Array.from({ length: 6 }, (_, i) => [i + 0.5, 'same', '']);
		const finding = findingOf(await profileCsv(csvOf('a,k,e', rows)), 'constant-columns');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe('"k", "e" have at most one value: no information for a model.');
		expect(finding.columns).toEqual(['k', 'e']);
	});

	it('names five columns and counts the rest', async () => {
		const header = ['a', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
		const rows = Array.from({ length: 4 }, (_, i) => [i + 0.5, 1, 1, 1, 1, 1, 1, 1]);
		const finding = findingOf(await profileCsv(csvOf(header.join(','), rows)), 'constant-columns');
		expect(finding.evidence).toBe(
			'"c1", "c2", "c3", "c4", "c5" and 2 more have at most one value: no information for a model.'
		);
		expect(finding.columns).toEqual(header.slice(1));
	});
});

describe('identifiers', () => {
	it('passes when no column is unique in every row', async () => {
		const finding = findingOf(await profileCsv(CLEAN), 'identifiers');
		expectPassed(finding);
		expect(finding.evidence).toBe('No column is unique in every row.');
	});

	it('names a column unique in every row', async () => {
		const csv = csvOf('customer,colour', [
			['C1', 'red'],
			['C2', 'red'],
			['C3', 'blue'],
			['C4', 'blue']
		]);
		const finding = findingOf(await profileCsv(csv), 'identifiers');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toMatch(
			/^"customer" is unique in every row \(once exact copies of rows are set aside\): an identifier/
		);
		expect(finding.columns).toEqual(['customer']);
	});
});

describe('high cardinality', () => {
	it('passes at 50 distinct values', async () => {
		const rows = Array.from({ length: 60 }, (_, i) => [`w${i % 50}`, i % 2]);
		const result = await profileCsv(csvOf('word,n', rows));
		expect(result.profile.columns[0]).toMatchObject({ kind: 'text', distinct: 50 });
		expectPassed(findingOf(result, 'high-cardinality'));
	});

	it('names the distinct count among the present rows', async () => {
		// 55 distinct codes in 60 present rows, and 5 missing rows.
		const rows = Array.from({ length: 65 }, (_, i) => [i < 60 ? `w${i % 55}` : '', i % 2]);
		const finding = findingOf(await profileCsv(csvOf('word,n', rows)), 'high-cardinality');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'"word" has 55 distinct values in 60 rows: free text or codes, which one-hot encoding would turn into a column per value.'
		);
		expect(finding.columns).toEqual(['word']);
	});
});

describe('outliers', () => {
	it('passes when no value lies outside the fences', async () => {
		const finding = findingOf(await profileCsv(CLEAN), 'outliers');
		expectPassed(finding);
		expect(finding.evidence).toBe(
			'No number column has 1.0% or more of its values outside the IQR fences.'
		);
	});

	it('counts values beyond both fences with the share and the fences', async () => {
		// Quartiles 3.75 and 8.25 (numpy linear), so the fences are -3 and 15.
		const values = [-50.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 100.5];
		const rows = values.map((v, i) => [v, i % 2 ? 'x' : 'y']);
		const finding = findingOf(await profileCsv(csvOf('v,w', rows)), 'outliers');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'"v" has 2 value(s) (20%) outside [-3, 15]. The fences are 1.5 interquartile ranges beyond the quartiles.'
		);
		expect(finding.columns).toEqual(['v']);
	});

	it('rounds the fences to four significant digits', async () => {
		const values = [
			1000.123, 1001.456, 1002.789, 1003.111, 1004.222, 1005.333, 1006.444, 1007.555, 99999.9
		];
		const rows = values.map((v, i) => [v, i % 2 ? 'x' : 'y']);
		// Quartiles 1002.789 and 1006.444: fences 997.3065 and 1011.9265.
		const finding = findingOf(await profileCsv(csvOf('v,w', rows)), 'outliers');
		expect(finding.evidence).toMatch(/^"v" has 1 value\(s\) \(11%\) outside \[997\.3, 1012\]\./);
	});
});

describe('label balance', () => {
	const labelled = (labels: readonly string[]) =>
		csvOf(
			'n,label',
			labels.map((label, i) => [(i % 3) + 0.5, label])
		);

	it('passes below 80% and names the largest class', async () => {
		const csv = labelled(['cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'dog', 'dog', 'dog']);
		const finding = findingOf(await profileCsv(csv, 'label'), 'label-balance');
		expectPassed(finding);
		expect(finding.evidence).toBe('The largest class, "cat", is 70% of the rows.');
	});

	it('alerts from 80% on, naming the majority class and the target', async () => {
		const csv = labelled(['dog', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'dog']);
		const finding = findingOf(await profileCsv(csv, 'label'), 'label-balance');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'80% of the rows are "cat": always answering "cat" is 80% accurate without learning anything.'
		);
		expect(finding.fix).toMatch(/stratify/);
		expect(finding.columns).toEqual(['label']);
	});

	it('measures the share among the rows that have a target', async () => {
		// 9 cats and 1 dog among 10 labelled rows, plus 5 rows with no label.
		const labels = ['cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'cat', 'dog'];
		const csv = labelled([...labels, '', '', '', '', '']);
		const result = await profileCsv(csv, 'label');
		expect(result.profile.labelBalance?.missing).toBe(5);
		expect(findingOf(result, 'label-balance').evidence).toMatch(/^90% of the rows are "cat"/);
	});

	it('reads a yes/no target as booleans with their words', async () => {
		const labels = ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'yes'];
		const result = await profileCsv(labelled(labels), 'label');
		expect(findingOf(result, 'label-balance').evidence).toMatch(/^90% of the rows are "no"/);
	});
});

describe('target association', () => {
	const target = ['cat', 'dog', 'cat', 'dog', 'dog', 'cat', 'cat', 'dog', 'cat', 'dog'];

	it('flags a column that copies a category target under other names', async () => {
		const rows = target.map((label, i) => [label === 'cat' ? 'p' : 'q', (i % 3) + 0.5, label]);
		const finding = findingOf(
			await profileCsv(csvOf('copy,noise,label', rows), 'label'),
			'target-association'
		);
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toBe(
			'"copy" (cramers v 1.000) is almost perfectly associated with "label". Real features rarely are: it may be a copy of the target or known only after the outcome (a leak).'
		);
		expect(finding.columns).toEqual(['copy']);
	});

	it('flags a strong negative association with a number target', async () => {
		const rows = Array.from({ length: 12 }, (_, i) => [
			i + 0.5,
			-2 * (i + 0.5) + (i % 2) * 0.01,
			((i * 7) % 5) + 0.5
		]);
		const finding = findingOf(
			await profileCsv(csvOf('price,discount,noise', rows), 'price'),
			'target-association'
		);
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toMatch(/^"discount" \(spearman 1\.000\) is almost perfectly/);
		expect(finding.columns).toEqual(['discount']);
	});

	it('names every column above the threshold, with "are"', async () => {
		const rows = target.map((label) => [
			label === 'cat' ? 'p' : 'q',
			label === 'cat' ? 'u' : 'v',
			label
		]);
		const finding = findingOf(
			await profileCsv(csvOf('copy1,copy2,label', rows), 'label'),
			'target-association'
		);
		expect(finding.columns).toEqual(['copy1', 'copy2']);
		expect(finding.evidence).toMatch(
			/^"copy1" \(cramers v 1\.000\), "copy2" \(cramers v 1\.000\) are almost perfectly associated with "label"\./
		);
	});
});

describe('dataFindings on the dirty datasets', () => {
	it('titanic: spellings in Sex and Embarked, missing Age and Cabin', async () => {
		const result = await profileFile('titanic_na_tokens_whitespace.csv', 'Survived');
		const spellings = findingOf(result, 'spellings');
		expect(spellings.status).toBe('alert');
		expect(spellings.columns).toEqual(['Sex', 'Embarked']);
		expect(spellings.evidence).toMatch(/"Sex" writes .*"male".*"female"/);
		expect(spellings.evidence).toMatch(/"Embarked" writes .*"s" \/ "S"/);
		const missing = findingOf(result, 'missing-values');
		expect(missing.status).toBe('alert');
		expect(missing.columns).toEqual(expect.arrayContaining(['Age', 'Cabin']));
		expect(missing.evidence).toContain('"Age" is missing in 177 rows (20%)');
		expect(missing.evidence).toContain('"Cabin" is missing in 687 rows (77%)');
		expect(missing.fix).toMatch(/"Cabin".*mostly empty/);
	});

	it('adult: counts the 45 exact duplicates', async () => {
		const result = await profileFile('adult_duplicates_ids.csv', 'Y');
		expect(result.profile.duplicates.duplicateRows).toBe(45);
		const finding = findingOf(result, 'duplicates');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toMatch(/^45 row\(s\) repeat an earlier row exactly/);
	});

	it('adult: ignores person_id to find the 60 rows entered twice', async () => {
		// person_id is an identifier whose exact copies repeat it: 1515 distinct in 1560 rows.
		const result = await profileFile('adult_duplicates_ids.csv', 'Y');
		expect(result.profile.duplicatesIgnoring?.ignoredColumns).toEqual(['person_id']);
		expect(result.profile.duplicatesIgnoring?.duplicateRows).toBe(60);
		expect(findingOf(result, 'duplicates').evidence).toContain(
			'Ignoring the identifier column(s) "person_id", 60 row(s) repeat an earlier row'
		);
	});

	it('bank: the label balance alerts at 88% "no"', async () => {
		const result = await profileFile('bank_postoutcome_leak.csv', 'y');
		expect(result.profile.labelBalance?.majorityShare).toBeCloseTo(4000 / 4521, 4);
		const finding = findingOf(result, 'label-balance');
		expect(finding.status).toBe('alert');
		expect(finding.evidence).toMatch(/^88% of the rows are "no"/);
		expect(finding.columns).toEqual(['y']);
	});

	it('housing: appraised_value gives the target away', async () => {
		const result = await profileFile('housing_mixed_types_dates.csv', 'median_house_value');
		const finding = findingOf(result, 'target-association');
		expect(finding.status).toBe('alert');
		expect(finding.columns).toEqual(['appraised_value']);
		expect(finding.evidence).toMatch(/^"appraised_value" \(spearman 0\.99\d\)/);
		expect(findingOf(result, 'mixed-types').columns).toEqual(['total_rooms']);
		expect(findingOf(result, 'open-questions').columns).toEqual(['survey_date']);
	});
});
