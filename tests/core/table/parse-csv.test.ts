import { describe, expect, it } from 'vitest';
import {
	CsvTokenizer,
	recordFields,
	type RecordEnd,
	type TokenizerDialect
} from '../../../src/core/table/csv-tokenizer';
import { cleanHeader, parseCsv, sniffDialect } from '../../../src/core/table/parse-csv';
import { rawRows } from '../../../src/core/table/table';
import { expectCoreError } from '../helpers';

function parse(text: string) {
	return parseCsv({ text, encoding: 'utf-8', bom: false });
}

async function rowsOf(text: string): Promise<string[][]> {
	const { raw } = await parse(text);
	return [raw.columns.map((c) => c.name), ...rawRows(raw, 0, raw.rowCount)];
}

const COMMA: TokenizerDialect = { delimiter: ',', quote: '"', skipInitialSpace: false };

/**
 * Every record of the text with the physical line it starts on and how it ends, the text pushed
 * in chunks of `chunk` characters (the whole text at once when 0).
 */
function tokenize(
	text: string,
	dialect: TokenizerDialect = COMMA,
	chunk = 0
): [number, string[], RecordEnd][] {
	const out: [number, string[], RecordEnd][] = [];
	const tokenizer = new CsvTokenizer(dialect, (record, line, end) =>
		out.push([line, recordFields(record), end])
	);
	if (chunk === 0) tokenizer.push(text);
	else for (let at = 0; at < text.length; at += chunk) tokenizer.push(text.slice(at, at + chunk));
	tokenizer.finish();
	return out;
}

/** The records of the text, checked to be the same whatever the chunk size. */
function records(text: string, dialect: TokenizerDialect = COMMA): [number, string[]][] {
	const whole = tokenize(text, dialect);
	for (const chunk of [1, 2, 3, 5]) expect(tokenize(text, dialect, chunk)).toEqual(whole);
	return whole.map(([line, fields]) => [line, fields]);
}

describe('CsvTokenizer', () => {
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

	it('tells how each record ends, a CRLF split between chunks included', () => {
		const text = 'a\r\nb\nc\rd';
		const ends = [1, 2, 3].map((chunk) => tokenize(text, COMMA, chunk).map(([, , end]) => end));
		for (const found of ends) expect(found).toEqual(['crlf', 'lf', 'cr', 'eof']);
	});

	it('keeps an empty last field after a trailing delimiter, at a line end and at the end of text', () => {
		expect(records('a,b,\n1,2,')).toEqual([
			[1, ['a', 'b', '']],
			[2, ['1', '2', '']]
		]);
	});

	it('drops spaces after a separator only with skipInitialSpace', () => {
		const skipping = { ...COMMA, skipInitialSpace: true };
		expect(records('a, b, "c, d"\n', skipping)).toEqual([[1, ['a', 'b', 'c, d']]]);
		expect(records('a, b\n')).toEqual([[1, ['a', ' b']]]);
	});

	it('reads quotes as ordinary text when the dialect has none', () => {
		expect(records('"a,b"\n', { ...COMMA, quote: null })).toEqual([[1, ['"a', 'b"']]]);
	});

	it('names the opening line of an unterminated quote, whatever the chunks', async () => {
		for (const chunk of [0, 1, 4]) {
			const error = await expectCoreError(
				() => tokenize('a,b\n"p\nq",1\n2,"r\n3,4\n', COMMA, chunk),
				'unterminated-quote',
				/^Line 4:/
			);
			expect(error.place.line).toBe(4);
		}
	});

	it('names the line and field of text after a closing quote', async () => {
		const error = await expectCoreError(
			() => tokenize('a,b\n"x\ny",2\n1,"x"y\n'),
			'stray-quote',
			/^Line 4: field 2/
		);
		expect(error.place.line).toBe(4);
	});
});

describe('sniffDialect', () => {
	it.each([
		[',', 'name,score\n"Smith, Jo",1\nAnn,2\n'],
		[';', 'name;score\nSmith, Jo;1,5\nAnn;2,25\n'],
		['\t', 'name\tscore\nSmith, Jo\t1\nAnn; B\t2\n'],
		['|', 'name|score\nSmith, Jo|1\nAnn; B|2\n']
	])('detects the delimiter %j', async (delimiter, text) => {
		const sniffed = sniffDialect(text, true);
		expect(sniffed).toMatchObject({ delimiter, header: true, questions: [] });
		const { raw, dialect } = await parse(text);
		expect(dialect.delimiter).toBe(delimiter);
		expect(raw.columns.map((c) => c.name)).toEqual(['name', 'score']);
		expect(raw.rowCount).toBe(2);
	});

	it('detects a single quote that wraps values holding the separator', async () => {
		const text = "city,note\n'New York, NY',big\n'Paris, FR','it''s, old'\nOslo,cold\n";
		const sniffed = sniffDialect(text, true);
		expect(sniffed).toMatchObject({ quote: "'", delimiter: ',', questions: [] });
		const { raw, dialect } = await parse(text);
		expect(dialect.quote).toBe("'");
		expect(rawRows(raw, 0, 3)).toEqual([
			['New York, NY', 'big'],
			['Paris, FR', "it's, old"],
			['Oslo', 'cold']
		]);
	});

	it('keeps the double quote for plain files and for apostrophes in text', () => {
		expect(sniffDialect('a,b\n1,2\n', true).quote).toBe('"');
		const apostrophes = "name,said\nO'Brien,it's fine\n'90s,\"yes, 'really'\"\n";
		expect(sniffDialect(apostrophes, true)).toMatchObject({ quote: '"', questions: [] });
		expect(sniffDialect("a,b\n'x',1\n", true, { quote: '"' }).quote).toBe('"');
	});

	it('asks which quote when values are wrapped in both', () => {
		const { quote, questions } = sniffDialect("a,b\n'x, y',1\n'z, w',2\n\"v, u\",3\n", true);
		expect(quote).toBe("'");
		expect(questions).toEqual([expect.objectContaining({ field: 'quote', options: ["'", '"'] })]);
	});

	it('keeps the delimiter the user chose', () => {
		const text = 'a;b,c\n1;2,3\n4;5,6\n';
		expect(sniffDialect(text, true, { delimiter: ';' }).delimiter).toBe(';');
		expect(sniffDialect(text, true, { delimiter: ',' }).delimiter).toBe(',');
	});

	it('asks when two delimiters split the rows equally well', () => {
		const { delimiter, questions } = sniffDialect('a,b;c\n1,2;3\n4,5;6\n', true);
		expect(delimiter).toBe(',');
		expect(questions).toHaveLength(1);
		expect(questions[0]).toMatchObject({ field: 'delimiter', options: [',', ';'] });
	});

	it('detects a decimal comma and reads those cells as numbers', async () => {
		expect(sniffDialect('a;b\n1,5;x\n2,25;y\n', true)).toMatchObject({
			delimiter: ';',
			decimal: ',',
			questions: []
		});
		const { raw, dialect } = await parse('a;b\n1,5;x\n2,25;y\n');
		expect(dialect.decimal).toBe(',');
		expect(Array.from(raw.columns[0].numbers!)).toEqual([1.5, 2.25]);
		const thousands = sniffDialect('a;b\n1,234;x\n2,500;y\n', true);
		expect(thousands.decimal).toBe(',');
		expect(thousands.questions.map((q) => q.field)).toEqual(['decimal']);
	});

	it('detects adult\'s ", " layout and reads the spaces as layout', async () => {
		const text = 'age, workclass, Y\n39, State-gov, <=50K\n50, "Self, emp", >50K\n';
		expect(sniffDialect(text, true).skipInitialSpace).toBe(true);
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
		expect(sniffDialect(text, true).skipInitialSpace).toBe(false);
		expect(await rowsOf(text)).toEqual([
			['a', 'b'],
			['1', ' x'],
			['2', 'y']
		]);
	});

	it('reads a first line of numbers over numbers as data, not a header', async () => {
		expect(sniffDialect('1,2\n3,4\n', true).header).toBe(false);
		const { raw, notes } = await parse('1,x\n3,y\n');
		expect(raw.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
		expect(raw.rowCount).toBe(2);
		expect(notes.some((n) => n.includes('no header line'))).toBe(true);
		expect(sniffDialect('1,2\n3,4\n', true, { header: true }).header).toBe(true);
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
		expect((await parse('a,b\r\n1,2\r\n3,4')).lines).toBe(3);
		expect((await parse('a,b\r\n1,2\r\n3,4\r\n')).lines).toBe(3);
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
		const { raw, notes, lines } = await parse('a,b\n\n1,2\n   \n3,4\n');
		expect(rawRows(raw, 0, 5)).toEqual([
			['1', '2'],
			['3', '4']
		]);
		expect(notes).toContain('Skipped 2 blank line(s): lines 2, 4.');
		expect(lines).toBe(5);
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

	it('leaves ragged rows out, naming each by its physical line after a quoted newline', async () => {
		const { raw, ragged, notes } = await parse('a,b\n"x\ny",1\n1,2,3\n4,5\n6\n');
		expect(rawRows(raw, 0, 5)).toEqual([
			['x\ny', '1'],
			['4', '5']
		]);
		expect(ragged).toEqual({
			count: 2,
			examples: [
				{ line: 4, fields: 3 },
				{ line: 6, fields: 1 }
			]
		});
		expect(notes).toContain(
			'2 row(s) have a different number of fields than the header (line 1, 2 fields): lines 4, 6; line 4 has 3. ' +
				'A missing or extra separator, or an unquoted separator inside a value, does this. They were left out of the table.'
		);
	});

	it('lists at most five ragged lines and counts the rest', async () => {
		const { raw, ragged, notes } = await parse('a,b\n1\n2\n3\n4\n5\n6\n7\n8,9\n');
		expect(rawRows(raw, 0, 5)).toEqual([['8', '9']]);
		expect(ragged.count).toBe(7);
		expect(notes.some((n) => n.includes('lines 2, 3, 4, 5, 6 and 2 more'))).toBe(true);
	});

	it('rejects a file whose every row is ragged, naming the ragged lines', async () => {
		const error = await expectCoreError(
			() => parse('a,b\n1\n2\n3\n4\n5\n6\n7\n'),
			'no-rows',
			/header \(line 1\) but no data rows\. 7 row\(s\) .*lines 2, 3, 4, 5, 6 and 2 more/
		);
		expect(error.place.line).toBe(1);
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
		// Each report follows work done: none is 0, none above 1.
		expect(fractions.filter((f) => !(f > 0 && f <= 1))).toEqual([]);
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
