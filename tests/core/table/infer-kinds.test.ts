import { describe, expect, it } from 'vitest';
import { RawColumnBuilder } from '../../../src/core/table/column-builder';
import { inferColumn } from '../../../src/core/table/infer-kinds';
import { DEFAULT_MISSING_TOKENS } from '../../../src/core/table/parse-cell';
import { textColumn, type RawColumn } from '../../../src/core/table/table';

/** The column as ingest builds it: number cells as numbers, other cells as text. */
function built(name: string, cells: readonly string[]): RawColumn {
	const builder = new RawColumnBuilder(false);
	for (const cell of cells) builder.push(cell);
	return builder.finish(name);
}

/** Infers the column both as all-text cells and as ingest builds it; the reports must agree. */
function infer(cells: readonly string[], name = 'x') {
	const report = inferColumn(textColumn(name, cells), DEFAULT_MISSING_TOKENS);
	expect(inferColumn(built(name, cells), DEFAULT_MISSING_TOKENS)).toEqual(report);
	return report;
}

describe('inferColumn', () => {
	it('reads numbers, counting missing cells, and says why', () => {
		const report = infer(['1.5', '2', '', 'NA', '2']);
		expect(report).toMatchObject({
			kind: 'number',
			inferredKind: 'number',
			missing: 2,
			distinct: 2,
			idLike: false,
			mixed: null,
			dates: null
		});
		expect(report.reason).toBe('all 3 values are numbers; 2 missing');
		expect(report.examples).toEqual(['2', '1.5']);
	});

	it('reads a few repeated labels as a category', () => {
		const report = infer(['red', 'blue', 'red', 'red', '?', 'blue']);
		expect(report).toMatchObject({ kind: 'category', missing: 1, distinct: 2, idLike: false });
		expect(report.reason).toBe('2 distinct values in 5 rows; 1 missing');
		expect(report.examples).toEqual(['red', 'blue']);
	});

	it('reads many distinct strings as text', () => {
		const report = infer(['a b', 'c d', 'e f', 'g h', 'a b']);
		expect(report.kind).toBe('text');
		expect(report.idLike).toBe(false);
		expect(report.reason).toMatch(/^4 distinct values in 5 rows: free text or a code/);
	});

	it('marks unique integers and unique text as identifiers, but not unique decimals', () => {
		expect(infer(['101', '102', '103', '104']).idLike).toBe(true);
		const code = infer(['P001', 'P002', 'P003', 'P004']);
		expect(code).toMatchObject({ kind: 'text', idLike: true });
		expect(code.reason).toMatch(/looks like an identifier$/);
		expect(infer(['1.5', '2.5', '3.5', '4.5']).idLike).toBe(false);
		expect(infer(['1', '2', '', '4']).idLike).toBe(false);
	});

	it('keeps zip codes with leading zeros as labels, not numbers', () => {
		expect(infer(['00601', '00602', '00601', '00602']).kind).toBe('category');
	});

	it('calls an all-missing column a category with a reason', () => {
		expect(infer(['', 'NA', '?', '-'])).toMatchObject({
			kind: 'category',
			missing: 4,
			distinct: 0,
			reason: 'every value is missing'
		});
	});

	it('applies an override but keeps the inferred kind', () => {
		const report = inferColumn(built('zip', ['1', '2', '1']), DEFAULT_MISSING_TOKENS, {
			kind: 'category'
		});
		expect(report).toMatchObject({ kind: 'category', inferredKind: 'number' });
	});

	it('reads one vocabulary of true/false words as a boolean, but not two mixed', () => {
		const report = infer(['yes', 'No', 'YES', '', 'no']);
		expect(report).toMatchObject({ kind: 'boolean', inferredKind: 'boolean', missing: 1 });
		expect(report.reason).toMatch(/^every value is one of .*; 1 missing$/);
		expect(infer(['yes', 'f', 'yes', 'f']).kind).toBe('category');
	});

	it('reads ISO dates as dates, and says how ambiguous day/month dates are read', () => {
		expect(infer(['2019-07-02', '2020-01-31', '2021-12-01']).kind).toBe('date');
		const ambiguous = infer(['02/07/2019', '03/08/2019', '04/09/2019']);
		expect(ambiguous).toMatchObject({ kind: 'date' });
		expect(ambiguous.dates).toMatchObject({
			order: 'dmy',
			decidedBy: 'assumed',
			ambiguousCells: 3
		});
		const dayFirst = infer(['02/07/2019', '25/08/2019', '04/09/2019']);
		expect(dayFirst.dates).toMatchObject({ order: 'dmy', decidedBy: 'data', dayFirstCells: 1 });
	});

	it('reports a number column with a few text cells as mixed', () => {
		const report = infer(['1', '2', '3', 'four', '5', '6']);
		expect(report.mixed).toEqual({ numberCells: 5, textCells: 1, textExamples: ['four'] });
		expect(report.reason).toContain('5 values are numbers but 1 are text, such as "four"');
	});
});
