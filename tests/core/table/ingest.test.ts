import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../src/core/table/table';
import { expectCoreError, ingestText } from '../helpers';
import { ingestCsv } from '../../../src/core/table/ingest';

describe('ingestCsv', () => {
	it('reads quoted fields, doubled quotes and a quoted newline', async () => {
		const { raw, reports } = await ingestText('name,age\n"Smith, ""Jo""\nJr",42\nAnn,\n');
		expect(rawRows(raw, 0, 2)).toEqual([
			['Smith, "Jo"\nJr', '42'],
			['Ann', '']
		]);
		expect(reports.map((r) => r.kind)).toEqual(['category', 'number']);
	});

	it('applies kind overrides by column name, __proto__ included', async () => {
		const { reports } = await ingestText('__proto__,b\n1,x\n2,y\n1,x\n');
		expect(reports[0]).toMatchObject({ name: '__proto__', kind: 'number' });
		const overridden = await ingestCsv(new TextEncoder().encode('__proto__,b\n1,x\n2,y\n1,x\n'), [
			['__proto__', 'category']
		]);
		expect(overridden.reports[0]).toMatchObject({ kind: 'category', inferredKind: 'number' });
		expect(overridden.reports[1].kind).toBe('category');
	});

	it('reads a duplicated or empty header as ordinary columns', async () => {
		const { raw, notes } = await ingestText('a,a,\n1,2,3\n4,5,6\n');
		expect(raw.columns.map((c) => c.name)).toEqual(['a', 'a_2', 'column_3']);
		expect(notes).toHaveLength(2);
	});

	it('notes a file that is not UTF-8', async () => {
		const bytes = Uint8Array.from([
			...new TextEncoder().encode('a,b\ncaf'),
			0xe9,
			0x2c,
			0x31,
			0x0a
		]);
		const { raw, notes } = await ingestCsv(bytes);
		expect(rawRows(raw, 0, 1)).toEqual([['café', '1']]);
		expect(notes).toContain('The file is not UTF-8; it was read as windows-1252.');
	});

	it('rejects a one-column file, naming the column and the separator', async () => {
		await expectCoreError(() => ingestText('a\n1\n2\n'), 'one-column', /\("a"\).*separator ","/);
		await expectCoreError(() => ingestText(''), 'empty-file');
	});
});
