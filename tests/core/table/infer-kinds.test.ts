import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../../src/core/table/infer-kinds';
import { DEFAULT_MISSING_TOKENS } from '../../../src/core/table/parse-cell';
import type { RawColumn } from '../../../src/core/table/table';

function raw(name: string, cells: readonly string[]): RawColumn {
	const levels = [...new Set(cells)];
	return { name, levels, codes: Int32Array.from(cells, (c) => levels.indexOf(c)) };
}

const infer = (cells: readonly string[], name = 'x') =>
	inferColumn(raw(name, cells), DEFAULT_MISSING_TOKENS);

describe('inferColumn', () => {
	it('reads numbers, counting missing cells, and says why', () => {
		const report = infer(['1.5', '2', '', 'NA', '2']);
		expect(report).toMatchObject({
			kind: 'number',
			inferredKind: 'number',
			missing: 2,
			distinct: 2,
			idLike: false
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
		expect(infer(['', 'NA', '?'])).toMatchObject({
			kind: 'category',
			missing: 3,
			distinct: 0,
			reason: 'every value is missing'
		});
	});

	it('applies an override but keeps the inferred kind', () => {
		const report = inferColumn(raw('zip', ['1', '2', '1']), DEFAULT_MISSING_TOKENS, 'category');
		expect(report).toMatchObject({ kind: 'category', inferredKind: 'number' });
	});
});
