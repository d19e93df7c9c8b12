import { describe, expect, it } from 'vitest';
import { toCsv, toCsvCell } from '../../../src/core/table/to-csv';
import { parseCsv } from '../../../src/core/table/parse-csv';
import { rawRows } from '../../../src/core/table/table';

describe('toCsvCell', () => {
	it('quotes cells with a comma, a quote or a line break, doubling quotes', () => {
		expect(toCsvCell('plain')).toBe('plain');
		expect(toCsvCell('a,b')).toBe('"a,b"');
		expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
		expect(toCsvCell('two\nlines')).toBe('"two\nlines"');
		expect(toCsvCell('cr\rhere')).toBe('"cr\rhere"');
		expect(toCsvCell('')).toBe('');
	});

	it.each([
		['=SUM(A1)', "'=SUM(A1)"],
		['+cmd', "'+cmd"],
		['-x', "'-x"],
		['@here', "'@here"],
		['\tx', "'\tx"],
		['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
		['\nx', '"\'\nx"']
	])('neutralises the formula %j', (text, expected) => {
		expect(toCsvCell(text)).toBe(expected);
	});

	it.each(['-1.5', '+3', '-0', '-2.5e-7', '0.25'])('leaves the number %j alone', (text) => {
		expect(toCsvCell(text)).toBe(text);
	});
});

describe('toCsv', () => {
	it('writes LF lines with a final newline, and our reader reads the cells back', async () => {
		const header = ['name', 'note'];
		const rows = [
			['Smith, "Jo"', 'two\nlines'],
			['Ann', '']
		];
		const text = toCsv(header, rows);
		expect(text).toBe('name,note\n"Smith, ""Jo""","two\nlines"\nAnn,\n');
		const { raw } = await parseCsv({ text, encoding: 'utf-8', bom: false });
		expect(rawRows(raw, 0, 2)).toEqual(rows);
	});
});
