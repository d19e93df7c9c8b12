import { describe, expect, it } from 'vitest';
import { toSchema, typeTable } from '../../../src/core/table/schema';
import { DEFAULT_MISSING_TOKENS } from '../../../src/core/table/parse-cell';
import { expectCoreError, ingestText } from '../helpers';

describe('toSchema', () => {
	it('keeps name and kind of each column and the default missing tokens', () => {
		const schema = toSchema([{ name: 'a', kind: 'number', extra: 1 } as never]);
		expect(schema).toEqual({
			columns: [{ name: 'a', kind: 'number' }],
			missingTokens: [...DEFAULT_MISSING_TOKENS]
		});
	});
});

describe('typeTable', () => {
	it('types the schema columns in schema order and lists cells that do not fit', async () => {
		const { raw } = await ingestText('age,city,note\n31,Rio,x\nabc,Lima,y\n,Rio,z\n');
		const { table, invalid } = typeTable(raw, {
			columns: [
				{ name: 'city', kind: 'category' },
				{ name: 'age', kind: 'number' }
			],
			missingTokens: ['']
		});
		expect(table.rowCount).toBe(3);
		expect(table.columns.map((c) => c.name)).toEqual(['city', 'age']);
		const age = table.columns[1];
		expect(age.kind === 'number' && Array.from(age.values)).toEqual([31, NaN, NaN]);
		expect(invalid).toEqual([
			{ row: 1, column: 'age', text: 'abc', problem: '"abc" is not a number' }
		]);
	});

	it('names every missing column', async () => {
		const { raw } = await ingestText('a,b\n1,2\n');
		const error = await expectCoreError(
			() =>
				typeTable(raw, {
					columns: [
						{ name: 'a', kind: 'number' },
						{ name: 'Age', kind: 'number' },
						{ name: 'Sex', kind: 'category' }
					],
					missingTokens: []
				}),
			'missing-column',
			/"Age", "Sex"/
		);
		expect(error.place.column).toBe('"Age"');
	});

	it('treats headers named __proto__, constructor and toString as ordinary columns', async () => {
		const { raw, reports } = await ingestText(
			'__proto__,constructor,toString\n1,a,x\n2,b,x\n3,a,y\n'
		);
		const { table } = typeTable(raw, toSchema(reports));
		expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
			['__proto__', 'number'],
			['constructor', 'category'],
			['toString', 'category']
		]);
		const proto = table.columns[0];
		expect(proto.kind === 'number' && Array.from(proto.values)).toEqual([1, 2, 3]);
	});
});
