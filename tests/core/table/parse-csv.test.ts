import { describe, expect, it } from 'vitest';
import {
	cleanHeader,
	createCsvReader,
	detectDelimiter,
	detectInitialSpace,
	parseCsv
} from '../../../src/core/table/parse-csv';
import { rawRows } from '../../../src/core/table/table';
import { expectCoreError } from '../helpers';

function parse(text: string) {
	return parseCsv({ text, encoding: 'utf-8', bom: false });
}

async function rowsOf(text: string): Promise<string[][]> {
	const { raw } = await parse(text);
	return [raw.columns.map((c) => c.name), ...rawRows(raw, 0, raw.rowCount)];
}

/** Every record of the text with the physical line it starts on. */
function records(text: string, delimiter = ','): [number, string[]][] {
	const reader = createCsvReader(text, delimiter);
	const out: [number, string[]][] = [];
	for (let r = reader.next(); r; r = reader.next()) out.push([r.line, r.fields]);
	return out;
}

describe('createCsvReader', () => {
	it('reads a quoted delimiter, a doubled quote and an empty quoted field', () => {
		expect(records('"a,b","say ""hi""",""\n')).toEqual([[1, ['a,b', 'say "hi"', '']]]);
	});

	it('counts the physical lines inside quoted newlines (LF, CRLF and CR)', () => {
		const text = 'h1,h2\n"one\ntwo",x\r\n"three\r\nfour\rfive",y\nlast,z';
		expect(records(text)).toEqual([
			[1, ['h1', 'h2']],
			[2, ['one\ntwo', 'x']],
			[4, ['three\r\nfour\rfive', 'y']],
			[7, ['last', 'z']]
		]);
	});

	it('keeps an empty last field after a trailing delimiter, at a line end and at the end of text', () => {
		expect(records('a,b,\n1,2,')).toEqual([
			[1, ['a', 'b', '']],
			[2, ['1', '2', '']]
		]);
	});

	it('drops spaces after a separator only with skipInitialSpace', () => {
		const reader = createCsvReader('a, b, "c, d"\n', ',', true);
		expect(reader.next()?.fields).toEqual(['a', 'b', 'c, d']);
		expect(createCsvReader('a, b\n', ',').next()?.fields).toEqual(['a', ' b']);
	});
});

describe('parseCsv', () => {
	it('reads CRLF files, with and without a final newline', async () => {
		const expected = [
			['a', 'b'],
			['1', '2'],
			['3', '4']
		];
		expect(await rowsOf('a,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
		expect(await rowsOf('a,b\r\n1,2\r\n3,4')).toEqual(expected);
		expect((await parse('a,b\r\n1,2\r\n')).dialect.lineEnding).toBe('crlf');
		expect((await parse('a,b\r1,2\r')).dialect.lineEnding).toBe('cr');
		expect((await parse('a,b\n1,2')).dialect.lineEnding).toBe('lf');
	});

	it('keeps empty fields as empty text', async () => {
		expect(await rowsOf('a,b,c\n,,\n1,,3\n')).toEqual([
			['a', 'b', 'c'],
			['', '', ''],
			['1', '', '3']
		]);
	});

	it('reads a trailing delimiter as one more, unnamed and empty, column', async () => {
		const { raw, notes } = await parse('a,b,\n1,2,\n3,4,\n');
		expect(raw.columns.map((c) => c.name)).toEqual(['a', 'b', 'column_3']);
		expect(rawRows(raw, 0, 2)).toEqual([
			['1', '2', ''],
			['3', '4', '']
		]);
		expect(notes).toContain('Column 3 has no name in the header; it is called "column_3".');
	});

	it('skips blank lines and notes their physical line numbers', async () => {
		const { raw, notes } = await parse('a,b\n\n1,2\n   \n3,4\n');
		expect(rawRows(raw, 0, 5)).toEqual([
			['1', '2'],
			['3', '4']
		]);
		expect(notes).toContain('Skipped 2 blank line(s): lines 2, 4.');
	});

	it.each([
		[',', 'name,score\n"Smith, Jo",1\nAnn,2\n'],
		[';', 'name;score\nSmith, Jo;1,5\nAnn;2,25\n'],
		['\t', 'name\tscore\nSmith, Jo\t1\nAnn; B\t2\n'],
		['|', 'name|score\nSmith, Jo|1\nAnn; B|2\n']
	])('detects the delimiter %j', async (delimiter, text) => {
		expect(detectDelimiter(text)).toBe(delimiter);
		const { raw, dialect } = await parse(text);
		expect(dialect.delimiter).toBe(delimiter);
		expect(raw.columns.map((c) => c.name)).toEqual(['name', 'score']);
		expect(raw.rowCount).toBe(2);
	});

	it('detects adult\'s ", " layout and reads the spaces as layout', async () => {
		const text = 'age, workclass, Y\n39, State-gov, <=50K\n50, "Self, emp", >50K\n';
		expect(detectInitialSpace(text, ',')).toBe(true);
		const { raw, dialect, notes } = await parse(text);
		expect(dialect.skipInitialSpace).toBe(true);
		expect(await rowsOf(text)).toEqual([
			['age', 'workclass', 'Y'],
			['39', 'State-gov', '<=50K'],
			['50', 'Self, emp', '>50K']
		]);
		expect(raw.rowCount).toBe(2);
		expect(notes.some((n) => n.includes('read as layout'))).toBe(true);
	});

	it('does not skip spaces when only some values follow a space', async () => {
		const text = 'a,b\n1, x\n2,y\n';
		expect(detectInitialSpace(text, ',')).toBe(false);
		expect(await rowsOf(text)).toEqual([
			['a', 'b'],
			['1', ' x'],
			['2', 'y']
		]);
	});

	it('names the opening line of an unterminated quote', async () => {
		const error = await expectCoreError(
			() => parse('a,b\n"p\nq",1\n2,"r\n3,4\n'),
			'unterminated-quote',
			/^Line 4:/
		);
		expect(error.place.line).toBe(4);
	});

	it('names the line of text after a closing quote', async () => {
		const error = await expectCoreError(
			() => parse('a,b\n1,2\n"x"y,3\n'),
			'stray-quote',
			/^Line 3: field 1/
		);
		expect(error.place.line).toBe(3);
	});

	it('names every ragged line by its physical line, after a quoted newline', async () => {
		const error = await expectCoreError(
			() => parse('a,b\n"x\ny",1\n1,2,3\n4,5\n6\n'),
			'ragged-rows',
			/^Line 4 has 3 field\(s\), but the header \(line 1\) has 2\. 2 row\(s\) differ like this: lines 4, 6\./
		);
		expect(error.place.line).toBe(4);
	});

	it('lists at most five ragged lines and counts the rest', async () => {
		await expectCoreError(
			() => parse('a,b\n1\n2\n3\n4\n5\n6\n7\n'),
			'ragged-rows',
			/lines 2, 3, 4, 5, 6 and 2 more/
		);
	});

	it('rejects a header without rows, and text that is only blank space', async () => {
		const error = await expectCoreError(() => parse('a,b\n'), 'no-rows', /header \(line 1\)/);
		expect(error.place.line).toBe(1);
		await expectCoreError(() => parse('\n\na,b'), 'no-rows', /line 3/);
		await expectCoreError(() => parse('  \n \t\n'), 'empty-file');
		await expectCoreError(() => parse(''), 'empty-file');
	});

	it('reports progress and stops when cancelled', async () => {
		const text = 'a,b\n' + '1,2\n'.repeat(5000);
		const controller = new AbortController();
		controller.abort();
		await expectCoreError(
			() => parseCsv({ text, encoding: 'utf-8', bom: false }, { signal: controller.signal }),
			'cancelled'
		);
		const fractions: number[] = [];
		await parseCsv(
			{ text, encoding: 'utf-8', bom: false },
			{ onEvent: (e) => fractions.push(e.fraction) }
		);
		expect(fractions.length).toBeGreaterThan(0);
		expect(fractions.every((f) => f > 0 && f <= 1)).toBe(true);
	});
});

describe('cleanHeader', () => {
	it('keeps hostile names, renames duplicates and empty names, and notes each change', () => {
		const notes: string[] = [];
		expect(cleanHeader(['__proto__', 'constructor', 'a', 'a', '', ' b '], notes)).toEqual([
			'__proto__',
			'constructor',
			'a',
			'a_2',
			'column_5',
			'b'
		]);
		expect(notes).toEqual([
			'Column 4 repeats the name "a"; it is called "a_2".',
			'Column 5 has no name in the header; it is called "column_5".',
			'Column 6\'s name " b " had spaces around it; it is called "b".'
		]);
	});

	it('never produces the same name twice', () => {
		const names = cleanHeader(['a', 'a_2', 'a', 'a'], []);
		expect(new Set(names).size).toBe(4);
	});
});
