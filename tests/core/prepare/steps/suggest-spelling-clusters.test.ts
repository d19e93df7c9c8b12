import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelCounts } from '../../../../src/core/prepare/steps/map-labels';
import {
	normalForm,
	suggestSpellingClusters,
	withinEdits
} from '../../../../src/core/prepare/steps/suggest-spelling-clusters';
import { expectCoreError, typedText } from '../../helpers';
import { columnOf } from './clean-helpers';

const DATASETS = new URL('../../../../../shared/datasets/', import.meta.url);

/** Returns the clusters of a label column of a shared dataset. */
async function clustersOf(file: string, column: string) {
	const table = await typedText(readFileSync(new URL(file, DATASETS), 'utf8'));
	const c = columnOf(table.columns, column);
	if (c.kind !== 'category' && c.kind !== 'text') return expect.fail(`${column} holds ${c.kind}`);
	return suggestSpellingClusters(c.levels, levelCounts(c));
}

/** Returns the members of each cluster, sorted, for order-free comparison. */
function groups(clusters: { members: string[] }[]): string[][] {
	return clusters.map((c) => [...c.members].sort()).sort();
}

describe('suggestSpellingClusters', () => {
	it('merges the case variants of the dirty titanic Embarked column, and only those', async () => {
		const clusters = await clustersOf('dirty/titanic_na_tokens_whitespace.csv', 'Embarked');
		expect(clusters.map((c) => [c.canonical, c.members])).toEqual([
			['S', ['S', 's']],
			['C', ['C', 'c']],
			['Q', ['Q', 'q']]
		]);
		expect(clusters[0].reason).toMatch(/ignoring case/);
	});

	it('merges the spaced spellings of Sex without merging male and female', async () => {
		const clusters = await clustersOf('dirty/titanic_na_tokens_whitespace.csv', 'Sex');
		expect(groups(clusters)).toEqual([
			['  female', 'female', 'female '],
			['  male', 'male', 'male ']
		]);
		expect(clusters.map((c) => c.canonical)).toEqual(['male', 'female']);
	});

	it('finds nothing to merge among the penguin species, islands and sexes', async () => {
		for (const column of ['species', 'island', 'sex'])
			expect(await clustersOf('penguins.csv', column)).toEqual([]);
	});

	it('groups spellings, initials and typos, with the most frequent as canonical', () => {
		const clusters = suggestSpellingClusters(
			['New York', 'new york ', 'NY', 'Lima', 'U.S.A.', 'USA', 'United States of America'],
			[10, 3, 12, 4, 1, 5, 2]
		);
		expect(clusters).toEqual([
			{
				canonical: 'NY',
				members: ['NY', 'New York', 'new york '],
				reason:
					'the same letters ignoring case, spaces and punctuation; "NY" is the initials of "New York"'
			},
			{
				canonical: 'USA',
				members: ['USA', 'United States of America', 'U.S.A.'],
				reason:
					'the same letters ignoring case, spaces and punctuation; "USA" is the initials of "United States of America"'
			}
		]);
		const typos = suggestSpellingClusters(
			['Southampton', 'Southamptno', 'Southhampton', 'Cherbourg', 'Cherburg', 'Queenstown'],
			[60, 1, 2, 20, 1, 9]
		);
		expect(groups(typos)).toEqual([
			['Cherbourg', 'Cherburg'],
			['Southamptno', 'Southampton', 'Southhampton']
		]);
		expect(typos[0].reason).toBe('a letter or two apart (likely typos)');
	});

	it('keeps genuinely different short labels and codes apart', () => {
		const labels = ['male', 'female', 'S', 'C', 'Q', 'Adelie', 'Gentoo', 'Chinstrap', 'Type A'];
		const more = ['Type B', 'Class 1', 'Class 2', 'B101', 'E101', 'C101', 'C103', 'Bing', 'Ling'];
		const all = [...labels, ...more, 'June', 'July', 'Mr', 'Mrs', '?', '-'];
		expect(
			suggestSpellingClusters(
				all,
				all.map(() => 5)
			)
		).toEqual([]);
	});

	it('ignores labels with no rows, and needs one count per label', async () => {
		expect(suggestSpellingClusters(['a', 'A'], [3, 0])).toEqual([]);
		await expectCoreError(() => suggestSpellingClusters(['a'], []), 'bad-option');
	});

	it('handles 2,000 similar codes (all in one first-letter block) without merging them', () => {
		const codes = Array.from({ length: 2000 }, (_, i) => `Customer ${String(i).padStart(4, '0')}`);
		expect(
			suggestSpellingClusters(
				codes,
				codes.map(() => 1)
			)
		).toEqual([]);
	});
});

describe('withinEdits and normalForm', () => {
	it('measures the optimal-string-alignment distance within a bound', () => {
		expect(withinEdits('york', 'yrok', 1)).toBe(true);
		expect(withinEdits('ab', 'ba', 1)).toBe(true);
		expect(withinEdits('abc', 'abc', 0)).toBe(true);
		expect(withinEdits('kitten', 'sitting', 2)).toBe(false);
		expect(withinEdits('kitten', 'sitting', 3)).toBe(true);
		expect(withinEdits('male', 'female', 1)).toBe(false);
		expect(withinEdits('abcd', '', 4)).toBe(true);
	});

	it('folds case, spaces and punctuation', () => {
		expect(normalForm('  U.S.A. ')).toBe('usa');
		expect(normalForm('New   York,')).toBe('new york');
	});
});
