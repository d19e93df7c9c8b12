import { describe, expect, it } from 'vitest';
import { profileDataset } from '../../../src/core/profile/profile-dataset';
import { loadDataset, retypeColumn, type Dataset } from '../../../src/core/table/dataset';
import { bytesSource } from '../../../src/core/table/ingest';
import type { ProgressEvent } from '../../../src/core/util/task';

async function loadCsv(csv: string): Promise<Dataset> {
	return loadDataset(bytesSource(new TextEncoder().encode(csv)), 'x.csv');
}

// Six rows with a unique text id; rows 3 and 5 repeat rows 1 and 2 apart from the id.
const CSV = [
	'id,age,city,churned',
	'u1,30.5,Oslo,yes',
	'u2,40.5,Rome,no',
	'u3,30.5,Oslo,yes',
	'u4,50.5,,no',
	'u5,40.5,Rome,no',
	'u6,60.5,Lima,no',
	''
].join('\n');

describe('profileDataset', () => {
	it('leaves the identifier columns out of the second duplicate check', async () => {
		const dataset = await loadCsv(CSV);
		expect(dataset.reports.filter((r) => r.idLike).map((r) => r.name)).toEqual(['id']);
		const { profile, findings } = await profileDataset(dataset, 'churned');
		expect(profile.duplicates.duplicateRows).toBe(0);
		expect(profile.duplicatesIgnoring).toEqual({
			duplicateRows: 2,
			firstExamples: [
				{ row: 2, firstRow: 0 },
				{ row: 4, firstRow: 1 }
			],
			ignoredColumns: ['id']
		});
		expect(findings.find((f) => f.check === 'duplicates')).toMatchObject({
			status: 'alert',
			columns: ['id']
		});
	});

	it('has no second duplicate check without an identifier column', async () => {
		const dataset = await loadCsv(CSV.replace(/^u\d,/gm, '').replace('id,', ''));
		const { profile } = await profileDataset(dataset, null);
		expect(profile.columns.map((c) => c.name)).toEqual(['age', 'city', 'churned']);
		expect(profile.duplicates.duplicateRows).toBe(2);
		expect(profile.duplicatesIgnoring).toBeNull();
	});

	it('profiles with the target: label balance and target checks', async () => {
		const { profile, findings } = await profileDataset(await loadCsv(CSV), 'churned');
		expect(profile.target).toBe('churned');
		expect(profile.labelBalance).toEqual({
			classes: [
				{ label: 'no', count: 4 },
				{ label: 'yes', count: 2 }
			],
			missing: 0,
			majorityShare: 4 / 6
		});
		// city (3 distinct values in 5 rows) is read as text, which is not measured.
		expect(profile.columns[2].kind).toBe('text');
		expect(profile.targetAssociations.map((a) => a.column)).toEqual(['age']);
		expect(findings.map((f) => f.check)).toContain('target-association');
	});

	it('ignores a target the dataset lacks', async () => {
		const { profile, findings } = await profileDataset(await loadCsv(CSV), 'no-such-column');
		expect(profile.target).toBeNull();
		expect(profile.labelBalance).toBeNull();
		expect(profile.targetAssociations).toEqual([]);
		const checks = findings.map((f) => f.check);
		expect(checks).not.toContain('label-balance');
		expect(checks).not.toContain('target-association');
	});

	it('types the columns as the reports say, including the user choice', async () => {
		const dataset = await loadCsv(CSV);
		expect((await profileDataset(dataset, null)).profile.columns[1].kind).toBe('number');
		const { dataset: retyped } = retypeColumn(dataset, 'age', 'category');
		const { profile } = await profileDataset(retyped, null);
		expect(profile.columns[1]).toMatchObject({ name: 'age', kind: 'category', distinct: 4 });
	});

	it('returns the missingness map of the typed table', async () => {
		const { missingness } = await profileDataset(await loadCsv(CSV), null);
		expect(missingness).toMatchObject({ rowCount: 6, rowsPerBand: 1, bands: 6 });
		expect(missingness.columns.find((c) => c.name === 'city')?.shares).toEqual([0, 0, 0, 1, 0, 0]);
	});

	it('returns plain data that survives structuredClone (posted from a worker)', async () => {
		const result = await profileDataset(await loadCsv(CSV), 'churned');
		const copy = structuredClone(result);
		expect(copy).toEqual(result);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});

	it('reports progress through its phases, in order, within [0, 1]', async () => {
		const events: ProgressEvent[] = [];
		await profileDataset(await loadCsv(CSV), 'churned', { onEvent: (e) => events.push(e) });
		const phases = new Set(events.map((e) => e.phase));
		expect([...phases]).toEqual(expect.arrayContaining(['profile', 'relations', 'duplicates']));
		const fractions = events.map((e) => e.fraction);
		fractions.forEach((f, i) => {
			expect(f).toBeGreaterThanOrEqual(i === 0 ? 0 : fractions[i - 1]);
			expect(f).toBeLessThanOrEqual(1);
		});
	});

	it('stops when cancelled', async () => {
		const dataset = await loadCsv(CSV);
		const controller = new AbortController();
		controller.abort();
		await expect(profileDataset(dataset, null, { signal: controller.signal })).rejects.toThrow(
			'Cancelled.'
		);
	});
});
