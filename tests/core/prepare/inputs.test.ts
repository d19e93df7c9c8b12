import { describe, expect, it } from 'vitest';
import { chooseInputs, isDefaultFeature } from '../../../src/core/prepare/inputs';
import { ingestText } from '../helpers';

// id: an identifier; note: free text; flat: constant; gone: all missing.
const CSV = [
	'id,age,city,note,flat,gone,y',
	'1,30,Rio,red car,k,,yes',
	'2,41,Lima,blue van,k,NA,no',
	'3,25,Rio,red car,k,,no',
	'4,,Quito,old bike,k,,yes',
	'5,52,Lima,new truck,k,,no',
	'6,38,Rio,fast boat,k,,yes'
].join('\n');

async function reports() {
	return (await ingestText(`${CSV}\n`)).reports;
}

describe('isDefaultFeature', () => {
	it('excludes identifiers, free text, constants and all-missing columns', async () => {
		const list = await reports();
		expect(list.map((r) => [r.name, r.kind, r.idLike])).toEqual([
			['id', 'number', true],
			['age', 'number', false],
			['city', 'category', false],
			['note', 'text', false],
			['flat', 'category', false],
			['gone', 'category', false],
			['y', 'boolean', false]
		]);
		expect(list.filter(isDefaultFeature).map((r) => r.name)).toEqual(['age', 'city', 'y']);
	});

	it('excludes a date column, which a model cannot use directly', async () => {
		const list = (await reports()).map((r) =>
			r.name === 'city' ? { ...r, kind: 'date' as const } : r
		);
		expect(list.filter(isDefaultFeature).map((r) => r.name)).toEqual(['age', 'y']);
	});
});

describe('chooseInputs', () => {
	it('takes the default features but never the target', async () => {
		expect(chooseInputs(await reports(), ['y'], null)).toEqual([
			{ name: 'age', kind: 'number' },
			{ name: 'city', kind: 'category' }
		]);
	});

	it('takes every default feature when no target is chosen yet', async () => {
		expect(chooseInputs(await reports(), [], null).map((c) => c.name)).toEqual([
			'age',
			'city',
			'y'
		]);
	});

	it("respects the user's choice, excluded kinds included, in report order", async () => {
		expect(chooseInputs(await reports(), ['y'], ['note', 'id', 'city'])).toEqual([
			{ name: 'id', kind: 'number' },
			{ name: 'city', kind: 'category' },
			{ name: 'note', kind: 'text' }
		]);
	});

	it('drops the target from an explicit choice and allows choosing nothing', async () => {
		const list = await reports();
		expect(chooseInputs(list, ['y'], ['y', 'age'])).toEqual([{ name: 'age', kind: 'number' }]);
		expect(chooseInputs(list, ['y'], [])).toEqual([]);
	});

	it('uses the kind of the report, overrides included', async () => {
		const list = (await reports()).map((r) =>
			r.name === 'city' ? { ...r, kind: 'text' as const } : r
		);
		expect(chooseInputs(list, ['y'], null)).toEqual([{ name: 'age', kind: 'number' }]);
		expect(chooseInputs(list, ['y'], ['city'])).toEqual([{ name: 'city', kind: 'text' }]);
		// A ranking's query column is an output too: never an input, even when chosen or required.
		expect(chooseInputs(list, ['y', 'city'], ['city', 'age'], ['city'])).toEqual([
			{ name: 'age', kind: 'number' }
		]);
	});
});
