import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../src/core/table/table';
import { expectCoreError, ingestText } from '../helpers';
import { bytesSource, ingestCsv, type ByteSource } from '../../../src/core/table/ingest';

const encode = (text: string) => new TextEncoder().encode(text);

/** A source that hands out at most `step` bytes a read, as a slow file reader might. */
function trickle(bytes: Uint8Array, step: number): ByteSource {
	return {
		size: bytes.length,
		read: async (start, end) => bytes.slice(start, Math.min(end, start + step))
	};
}

describe('ingestCsv', () => {
	it('reads quoted fields, doubled quotes and a quoted newline', async () => {
		const { raw, reports } = await ingestText('name,age\n"Smith, ""Jo""\nJr",42\nAnn,\n');
		expect(rawRows(raw, 0, 2)).toEqual([
			['Smith, "Jo"\nJr', '42'],
			['Ann', '']
		]);
		expect(reports.map((r) => r.kind)).toEqual(['category', 'number']);
	});

	it('applies kind choices by column name, __proto__ included', async () => {
		const { reports } = await ingestText('__proto__,b\n1,x\n2,y\n1,x\n');
		expect(reports[0]).toMatchObject({ name: '__proto__', kind: 'number' });
		const overridden = await ingestCsv(bytesSource(encode('__proto__,b\n1,x\n2,y\n1,x\n')), {
			columns: [['__proto__', { kind: 'category' }]]
		});
		expect(overridden.reports[0]).toMatchObject({ kind: 'category', inferredKind: 'number' });
		expect(overridden.reports[1].kind).toBe('category');
	});

	it('reads a duplicated or empty header as ordinary columns', async () => {
		const { raw, notes } = await ingestText('a,a,\n1,2,3\n4,5,6\n');
		expect(raw.columns.map((c) => c.name)).toEqual(['a', 'a_2', 'column_3']);
		expect(notes).toHaveLength(2);
	});

	it('notes a file that is not UTF-8', async () => {
		const bytes = Uint8Array.from([...encode('a,b\ncaf'), 0xe9, 0x2c, 0x31, 0x0a]);
		const { raw, notes, dialect } = await ingestCsv(bytesSource(bytes));
		expect(rawRows(raw, 0, 1)).toEqual([['café', '1']]);
		expect(dialect.encoding).toBe('windows-1252');
		expect(notes).toContain('The file is not UTF-8; it was read as Windows-1252.');
	});

	it('re-reads a file as Windows-1252 when a byte past the first chunk is not UTF-8', async () => {
		const head = 'a,b\n' + 'x,1\n'.repeat(20000);
		const bytes = Uint8Array.from([...encode(head + 'caf'), 0xe9, ...encode(',2\n')]);
		const { raw, notes, dialect } = await ingestCsv(bytesSource(bytes), { chunkBytes: 4096 });
		expect(dialect.encoding).toBe('windows-1252');
		expect(raw.rowCount).toBe(20001);
		expect(rawRows(raw, 20000, 1)).toEqual([['café', '2']]);
		expect(notes.some((n) => n.startsWith('Part of the file is not valid UTF-8'))).toBe(true);
	});

	it('reads the same table whatever the chunk and read sizes', async () => {
		const text =
			'\ufeffname,note,n\r\n' +
			Array.from({ length: 300 }, (_, i) => `p${i},"say ""é${i}""\r\nok",${i / 4}`).join('\r\n') +
			'\r\n';
		const bytes = encode(text);
		const whole = await ingestCsv(bytesSource(bytes));
		expect(whole.raw.rowCount).toBe(300);
		expect(whole.dialect).toMatchObject({ bom: true, lineEnding: 'crlf', encoding: 'utf-8' });
		expect(rawRows(whole.raw, 299, 1)).toEqual([['p299', 'say "é299"\r\nok', '74.75']]);
		for (const [chunkBytes, step] of [
			[1, 1000],
			[7, 3],
			[1000, 13]
		]) {
			// A clock that never advances: the pacer yields once, not once per tiny chunk.
			const part = await ingestCsv(trickle(bytes, step), { chunkBytes }, { now: () => 0 });
			expect(rawRows(part.raw, 0, 300)).toEqual(rawRows(whole.raw, 0, 300));
			expect(part.reports).toEqual(whole.reports);
			expect(part.lines).toBe(whole.lines);
		}
	});

	it('leaves ragged rows out and reports them', async () => {
		const { raw, ragged, notes } = await ingestText('a,b\n1,2\n3\n4,5\n6,7,8\n');
		expect(rawRows(raw, 0, 5)).toEqual([
			['1', '2'],
			['4', '5']
		]);
		expect(ragged).toEqual({
			count: 2,
			examples: [
				{ line: 3, fields: 1 },
				{ line: 5, fields: 3 }
			]
		});
		expect(notes.some((n) => n.includes('They were left out of the table.'))).toBe(true);
	});

	it('reads "-" as missing by default, and uses the missing tokens it is given', async () => {
		const text = 'x,y\n1,a\n-,b\n3,a\n-200,b\n';
		const byDefault = await ingestText(text);
		expect(byDefault.reports[0]).toMatchObject({ kind: 'number', missing: 1 });
		expect(byDefault.missingTokens).toContain('-');
		const own = await ingestCsv(bytesSource(encode(text)), { missingTokens: ['-', '-200'] });
		expect(own.reports[0]).toMatchObject({ kind: 'number', missing: 2 });
		expect(own.missingTokens).toEqual(['-', '-200']);
	});

	it('rejects a one-column file, naming the column and the separator', async () => {
		await expectCoreError(() => ingestText('a\n1\n2\n'), 'one-column', /\("a"\).*separator ","/);
		await expectCoreError(() => ingestText(''), 'empty-file');
		await expectCoreError(() => ingestText('\n \n'), 'empty-file');
	});

	it('stops when cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		await expectCoreError(
			() =>
				ingestCsv(
					bytesSource(encode('a,b\n' + '1,2\n'.repeat(5000))),
					{},
					{
						signal: controller.signal
					}
				),
			'cancelled'
		);
	});
});
