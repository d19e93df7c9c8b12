import { describe, expect, it } from 'vitest';
import { scoreFeatures } from '../../../../src/core/prepare/leakage/feature-scores';
import { lintBeforeSplit, type LeakFinding } from '../../../../src/core/prepare/leakage/leakage';
import { encodeTarget } from '../../../../src/core/prepare/leakage/lint-target';
import { REVIEW_AUC, REVIEW_R2 } from '../../../../src/core/prepare/leakage/single-feature';
import { loadLintFile, type LintFile } from './lint-files';

/** A dataset, and the columns the lint must raise: column -> [check, severity]. */
interface Expected extends LintFile {
	raised: Record<string, readonly [string, LeakFinding['severity']]>;
}

const LEAKY: Expected[] = [
	{
		file: 'titanic3.csv',
		target: 'survived',
		raised: { boat: ['single-feature', 'leak'], body: ['post-outcome', 'review'] }
	},
	{ file: 'bank_full.csv', target: 'y', raised: { duration: ['post-outcome', 'review'] } },
	...['bike_day.csv', 'bike_hour.csv'].map((file) => ({
		file,
		target: 'cnt',
		raised: {
			casual: ['target-sum', 'leak'],
			registered: ['target-sum', 'leak'],
			instant: ['identifier', 'review']
		} as const
	})),
	{
		file: 'dirty/housing_mixed_types_dates.csv',
		target: 'median_house_value',
		raised: { appraised_value: ['single-feature', 'leak'] }
	},
	{
		file: 'dirty/bank_postoutcome_leak.csv',
		target: 'y',
		raised: {
			deposit_opened_on: ['single-feature', 'leak'],
			duration: ['post-outcome', 'review'],
			customer_id: ['identifier', 'review']
		}
	},
	{
		file: 'dirty/penguins_kitchen_sink.csv',
		target: 'species',
		raised: { species_code: ['target-copy', 'leak'], sample_id: ['identifier', 'review'] }
	},
	{
		file: 'dirty/adult_duplicates_ids.csv',
		target: 'Y',
		raised: { person_id: ['identifier', 'review'] }
	},
	{
		file: 'titanic.csv',
		target: 'Survived',
		raised: { PassengerId: ['identifier', 'review'], Name: ['identifier', 'review'] }
	}
];

/** Files whose every column is an ordinary feature: any finding is a false alarm. */
const HONEST: LintFile[] = [
	{ file: 'california_housing.csv', target: 'median_house_value' },
	{ file: 'penguins.csv', target: 'species' },
	{ file: 'adult_train.csv', target: 'Y' },
	{ file: 'german_credit.csv', target: 'credit_risk' },
	{ file: 'penguins.csv', target: 'body_mass_g', task: 'regression' }
];

/** Returns, per flagged column, the check and severity of the finding that names it. */
function raisedColumns(findings: readonly LeakFinding[]): Record<string, [string, string]> {
	const raised: Record<string, [string, string]> = {};
	for (const f of findings) for (const c of f.columns) raised[c] = [f.check, f.severity];
	return raised;
}

describe('lintBeforeSplit on the shared datasets', () => {
	it.each(LEAKY)('$file: raises exactly the leaky columns', async (expected) => {
		const { input } = await loadLintFile(expected);
		const findings = lintBeforeSplit(input);
		expect(raisedColumns(findings)).toEqual(expected.raised);
		for (const f of findings) {
			expect(f.evidence).toMatch(/\d/);
			expect(f.fix).toEqual({ kind: 'drop-columns', columns: f.columns });
		}
	});

	it.each(HONEST)('$file ($target): stays quiet', async (file) => {
		const { input } = await loadLintFile(file);
		expect(lintBeforeSplit(input)).toEqual([]);
	});

	it.each(HONEST)('$file ($target): every column scores below the review level', async (file) => {
		const { input } = await loadLintFile(file);
		const target = encodeTarget(input.table, input.target, input.task, input.classes);
		for (const s of scoreFeatures(input.table, target).scores)
			expect(s.score, s.column).toBeLessThan(s.measure === 'auc' ? REVIEW_AUC : REVIEW_R2);
	});

	it('says how the leaks give the answer away, in numbers from the file', async () => {
		const titanic3 = lintBeforeSplit((await loadLintFile(LEAKY[0])).input);
		expect(titanic3.find((f) => f.columns[0] === 'boat')!.evidence).toContain(
			'477 of the 500 rows where "survived" is "1"'
		);
		expect(titanic3.find((f) => f.columns[0] === 'body')!.evidence).toMatch(
			/"body" is filled in \(121 rows\), 100% have "survived" = "0"/
		);
		const bank = lintBeforeSplit((await loadLintFile(LEAKY[5])).input);
		expect(bank.find((f) => f.columns[0] === 'deposit_opened_on')!.evidence).toContain(
			'521 of the 521 rows where "y" is "yes"'
		);
		const bike = lintBeforeSplit((await loadLintFile(LEAKY[2])).input);
		expect(bike[0]).toMatchObject({ check: 'target-sum', columns: ['casual', 'registered'] });
		expect(bike[0].evidence).toContain(
			'"casual" + "registered" equals "cnt" in 731 of the 731 rows'
		);
		const penguins = lintBeforeSplit((await loadLintFile(LEAKY[6])).input);
		expect(penguins[0].evidence).toContain('"ADL" → "Adelie"');
	});

	it('lists leaks before reviews', async () => {
		const findings = lintBeforeSplit((await loadLintFile(LEAKY[5])).input);
		expect(findings.map((f) => f.severity)).toEqual(['leak', 'review', 'review']);
	});
});
