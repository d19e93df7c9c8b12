import { describe, expect, it } from 'vitest';
import { concatRawTables } from '../../../src/core/table/concat-raw';
import { rawRows } from '../../../src/core/table/table';
import { expectCoreError, ingestText } from '../helpers';

describe('concatRawTables', () => {
	it('puts the second rows after the first, by column name, every cell as it was written', async () => {
		const a = (await ingestText('x,c,id\n1,a,7\n2.5,b,8\n')).raw;
		const b = (await ingestText('c,x\nb,?\nz,3\n')).raw;
		const both = concatRawTables(a, b, ['x', 'c']);
		expect(both.rowCount).toBe(4);
		expect(both.columns.map((c) => c.name)).toEqual(['x', 'c']);
		expect(rawRows(both, 0, 4)).toEqual([
			['1', 'a'],
			['2.5', 'b'],
			['?', 'b'],
			['3', 'z']
		]);
	});

	it('names the columns the new rows lack', async () => {
		const a = (await ingestText('x,c\n1,a\n')).raw;
		const b = (await ingestText('x,other\n2,q\n')).raw;
		await expectCoreError(
			() => concatRawTables(a, b, ['x', 'c'], 'batch.csv'),
			'missing-columns',
			/batch\.csv lacks the column "c"/
		);
	});
});
