import type { Dataset } from '../table/dataset';
import { findColumn, NUMBER_CELL } from '../table/table';
import { CoreError } from '../util/core-error';
import { suggestDateFormats, type DateFormatSuggestion } from './steps/date-format';
import { suggestSpellingClusters, type SpellingCluster } from './steps/suggest-spelling-clusters';
import { detectUnits, type DetectedUnits } from './steps/units';

/** Most distinct numbers of a column read as texts for the date formats and units. */
const MAX_NUMBER_TEXTS = 10_000;

/** What the forms of the clean-labels, parse-date and units steps can propose for a column. */
export interface ColumnHints {
	clusters: SpellingCluster[];
	dateFormats: DateFormatSuggestion[];
	units: DetectedUnits | null;
}

/**
 * Returns suggestions for one column, from the file's own cell texts (missing-value tokens left
 * out): spellings that look like one label, date formats that read the cells, and units.
 */
export function columnHints(dataset: Dataset, name: string): ColumnHints {
	const column = findColumn(dataset.raw.columns, name);
	if (!column)
		throw new CoreError('missing-column', `There is no column "${name}".`, { column: name });
	const missing = new Set(dataset.missingTokens);
	const counts = new Float64Array(column.levels.length);
	const numbers = new Map<number, number>();
	for (let i = 0; i < column.codes.length; i++) {
		const code = column.codes[i];
		if (code >= 0) counts[code]++;
		else if (code === NUMBER_CELL && column.numbers) {
			const v = column.numbers[i];
			if (numbers.size < MAX_NUMBER_TEXTS || numbers.has(v))
				numbers.set(v, (numbers.get(v) ?? 0) + 1);
		}
	}
	column.levels.forEach((level, l) => {
		if (missing.has(level.trim())) counts[l] = 0;
	});
	const texts = [...column.levels, ...[...numbers.keys()].map(String)];
	const all = Float64Array.from([...counts, ...numbers.values()]);
	return {
		clusters: suggestSpellingClusters(column.levels, counts),
		dateFormats: suggestDateFormats(texts, all),
		units: detectUnits(texts, all)
	};
}
