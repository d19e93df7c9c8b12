import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertUnit, readQuantity } from '../../../../src/core/prepare/steps/unit-table';
import { applyUnits, detectUnits, fitUnits } from '../../../../src/core/prepare/steps/units';
import type { UnitsStep } from '../../../../src/core/prepare/steps/units';
import type { Column } from '../../../../src/core/table/table';
import { categories, expectClose, expectCoreError, numbers, typedText } from '../../helpers';
import { DATASETS_DIR } from '../../reference';
import { expectNumbers } from './step-helpers';

function values(column: Column): number[] {
	return column.kind === 'number' ? Array.from(column.values) : expect.fail(column.kind);
}

function levelsOf(table: { columns: Column[] }, name: string): [string[], number[]] {
	const column = table.columns.find((c) => c.name === name)!;
	if (column.kind !== 'category' && column.kind !== 'text') return expect.fail(column.kind);
	const counts = new Array<number>(column.levels.length).fill(0);
	for (const code of column.codes) if (code >= 0) counts[code]++;
	return [column.levels, counts];
}

const massStep: UnitsStep = { kind: 'units', column: 'w', unit: 'kg', bare: 'missing' };

describe('readQuantity and convertUnit', () => {
	it('reads a number with or without a unit', () => {
		expect(readQuantity(' 5 kg ')).toEqual({ value: 5, unit: 'kg' });
		expect(readQuantity('3.5km')).toEqual({ value: 3.5, unit: 'km' });
		expect(readQuantity('-4 °C')).toEqual({ value: -4, unit: '°C' });
		expect(readQuantity('1,234.5 Lbs.')).toEqual({ value: 1234.5, unit: 'lb' });
		expect(readQuantity('12"')).toEqual({ value: 12, unit: 'in' });
		expect(readQuantity('500 mL')).toEqual({ value: 500, unit: 'mL' });
		expect(readQuantity('12')).toEqual({ value: 12, unit: null });
		for (const text of ['3,5 kg', 'kg', '5 apples', '2.1k', '-', 'Oct 02 2019'])
			expect(readQuantity(text)).toBeNull();
	});

	it('converts within a dimension, temperatures affinely', () => {
		expect(convertUnit(5000, 'g', 'kg')).toBe(5);
		expectClose(convertUnit(11, 'lb', 'kg'), 4.98951607, 1e-12);
		expectClose(convertUnit(12, 'in', 'cm'), 30.48, 1e-12);
		expectClose(convertUnit(5, 'ft', 'm'), 1.524, 1e-12);
		expectClose(convertUnit(68, '°F', '°C'), 20, 1e-12);
		expectClose(convertUnit(-40, '°C', '°F'), -40, 1e-12);
		expectClose(convertUnit(2, 'L', 'mL'), 2000, 1e-9);
	});
});

describe('units step', () => {
	it('converts every cell to the unit, bare numbers as the step says', () => {
		const frame = [categories('w', ['5 kg', '5000 g', '11 lb', null, '3', '2 m', 'heavy'])];
		const step = fitUnits({ ...massStep, bare: 'g' }, frame);
		expect(step.failed).toBe(2);
		expectNumbers(applyUnits(step, frame)[0], [5, 5, 4.98951607, NaN, 0.003, NaN, NaN]);
		const noBare = fitUnits(massStep, frame);
		expect(noBare.failed).toBe(3);
		expect(values(applyUnits(noBare, frame)[0])[4]).toBeNaN();
		expect(frame[0].kind).toBe('category');
	});

	it('converts temperatures and a number column (whose values are all bare)', () => {
		const temps = [categories('t', ['20 °C', '68 °F', '-40 F'])];
		const step = fitUnits({ kind: 'units', column: 't', unit: '°C', bare: 'missing' }, temps);
		expectNumbers(applyUnits(step, temps)[0], [20, 20, -40]);
		const lengths = [numbers('l', [12, NaN])];
		const inches = fitUnits({ kind: 'units', column: 'l', unit: 'cm', bare: 'in' }, lengths);
		expect(inches.failed).toBe(0);
		expectNumbers(applyUnits(inches, lengths)[0], [30.48, NaN]);
	});

	it('accepts a unit as files write it, and records its symbol', () => {
		const frame = [categories('w', ['1 lb'])];
		const step = fitUnits({ ...massStep, unit: 'Kgs' as 'kg', bare: 'pounds' as 'lb' }, frame);
		expect(step).toEqual({ ...massStep, bare: 'lb', failed: 0 });
	});

	it('rejects unknown units, bare units of another dimension, and an all-missing result', async () => {
		const frame = [numbers('w', [1, 2])];
		const bad = (step: UnitsStep, message: RegExp) =>
			expectCoreError(() => fitUnits(step, frame), 'bad-step', message);
		await bad({ ...massStep, unit: 'stone' as 'kg' }, /"stone" is not a unit/);
		await bad({ ...massStep, bare: 'm' }, /bare numbers cannot be in m, which is not a mass/);
		await bad(massStep, /would be all missing: say which unit its bare numbers are in/);
	});

	it('fits on an empty or all-missing train column, and checks its column', async () => {
		expect(fitUnits(massStep, [categories('w', [null, null])]).failed).toBe(0);
		expect(fitUnits(massStep, [numbers('w', [])]).failed).toBe(0);
		const dates = { kind: 'date', name: 'w', values: new Float64Array(1), offsets: null } as const;
		await expectCoreError(
			() => applyUnits({ ...massStep, failed: 0 }, [dates]),
			'wrong-kind',
			/needs categories, text or numbers/
		);
		await expectCoreError(() => applyUnits({ ...massStep, failed: 0 }, []), 'missing-column');
	});
});

describe('detectUnits', () => {
	it('finds the dimension and units, with the shares of cells read', () => {
		const levels = ['5 kg', '5000 g', '11 lb', '12', 'n/a', '', '3 m'];
		expect(detectUnits(levels, [4, 2, 1, 1, 1, 7, 1])).toEqual({
			dimension: 'mass',
			units: [
				{ unit: 'kg', cells: 4 },
				{ unit: 'g', cells: 2 },
				{ unit: 'lb', cells: 1 }
			],
			share: 0.7,
			bare: 0.1
		});
		expect(detectUnits(['20 °C', '68 °F', '21C'])?.dimension).toBe('temperature');
	});

	it('returns null when few cells are numbers, or none has a unit', () => {
		expect(detectUnits(['5 kg', 'heavy', 'light'])).toBeNull();
		expect(detectUnits(['1', '2', '3'])).toBeNull();
		expect(detectUnits([])).toBeNull();
	});

	it('returns null for ordinary columns of real files', async () => {
		const read = (file: string) => readFileSync(DATASETS_DIR + file, 'utf8');
		const housing = await typedText(read('dirty/housing_mixed_types_dates.csv'), [
			['survey_date', 'text'],
			['total_rooms', 'text']
		]);
		expect(detectUnits(...levelsOf(housing, 'survey_date'))).toBeNull();
		expect(detectUnits(...levelsOf(housing, 'total_rooms'))).toBeNull();
		expect(detectUnits(...levelsOf(await typedText(read('penguins.csv')), 'island'))).toBeNull();
		const titanic = await typedText(read('titanic.csv'));
		expect(detectUnits(...levelsOf(titanic, 'Name'))).toBeNull();
		expect(detectUnits(...levelsOf(titanic, 'Ticket'))).toBeNull();
	});
});
