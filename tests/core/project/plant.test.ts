import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLANTED_AGREEMENT, plantLeak } from '../../../src/core/project/plant';
import { cellText } from '../../../src/core/table/table';
import { expectCoreError, ingestText } from '../helpers';
import { DATASETS_DIR } from '../reference';

const read = (name: string) => readFileSync(join(DATASETS_DIR, name), 'utf8');

describe('plantLeak', () => {
	it('adds a copy of a class target that agrees on about 97 % of rows, and keeps every other cell', async () => {
		const { raw } = await ingestText(read('titanic.csv'));
		const csv = plantLeak(raw, { name: 'Survived', kind: 'category' }, 'Survived_code', 42);
		const planted = await ingestText(csv);
		expect(planted.raw.rowCount).toBe(891);
		expect(planted.raw.columns.map((c) => c.name)).toEqual([
			...raw.columns.map((c) => c.name),
			'Survived_code'
		]);
		for (const [i, column] of raw.columns.entries())
			for (let row = 0; row < raw.rowCount; row++)
				expect(cellText(planted.raw.columns[i], row)).toBe(cellText(column, row));
		const survived = raw.columns.find((c) => c.name === 'Survived')!;
		const code = planted.raw.columns.at(-1)!;
		let agree = 0;
		for (let row = 0; row < raw.rowCount; row++)
			if (cellText(code, row) === cellText(survived, row)) agree++;
		// 891 draws at 0.97: the share lies within 2 percentage points nearly always.
		expect(Math.abs(agree / 891 - PLANTED_AGREEMENT)).toBeLessThan(0.02);
		expect(agree).toBeLessThan(891);
		// Seeded: the same seed plants the same column, another seed another.
		expect(plantLeak(raw, { name: 'Survived', kind: 'category' }, 'Survived_code', 42)).toBe(csv);
		expect(plantLeak(raw, { name: 'Survived', kind: 'category' }, 'Survived_code', 7)).not.toBe(
			csv
		);
	});

	it('multiplies a number target by 1 + N(0, 0.03), and leaves a missing target missing', async () => {
		const { raw } = await ingestText('x,y\n1,100\n2,\n3,200\n4,NA\n' + '5,1000\n'.repeat(400));
		const planted = await ingestText(plantLeak(raw, { name: 'y', kind: 'number' }, 'y_est', 1));
		const column = planted.raw.columns[2];
		expect(cellText(column, 1)).toBe('');
		expect(cellText(column, 3)).toBe('NA');
		const ratios = Array.from({ length: 400 }, (_, i) => column.numbers![i + 4] / 1000 - 1);
		const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
		const sd = Math.sqrt(ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / ratios.length);
		expect(Math.abs(mean)).toBeLessThan(0.005);
		expect(sd).toBeGreaterThan(0.025);
		expect(sd).toBeLessThan(0.035);
	});

	it('quotes the cells that need it, and changes no text', async () => {
		const { raw } = await ingestText('name,y\n"Smith, Jo",a\n"He said ""hi""",b\nplain,a\n');
		const csv = plantLeak(raw, { name: 'y', kind: 'category' }, 'y2', 3);
		expect(csv.split('\n')[1]).toMatch(/^"Smith, Jo",a,[ab]$/);
		expect(csv.split('\n')[2]).toMatch(/^"He said ""hi""",b,[ab]$/);
	});

	it('refuses what it cannot plant, saying why', async () => {
		const { raw } = await ingestText('x,y\n1,a\n2,a\n');
		await expectCoreError(
			() => plantLeak(raw, { name: 'z', kind: 'category' }, 'z2', 1),
			'plant',
			/no column "z"/
		);
		await expectCoreError(
			() => plantLeak(raw, { name: 'y', kind: 'category' }, 'x', 1),
			'plant',
			/already has a column "x"/
		);
		await expectCoreError(
			() => plantLeak(raw, { name: 'y', kind: 'category' }, ' ', 1),
			'plant',
			/Name the planted column/
		);
		await expectCoreError(
			() => plantLeak(raw, { name: 'y', kind: 'category' }, 'y2', 1),
			'plant',
			/has one label/
		);
	});
});
