import { isTerm, type TermId } from './glossary';

/** A run of guide text: plain words, or words that open a glossary entry. */
export type Segment = { text: string } | { text: string; term: TermId };

const TERM = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

/**
 * Splits guide text into segments: `[[KPI]]` links "KPI" to the entry `kpi`, `[[test|test
 * rows]]` links "test rows" to `test` (an id is the words lower-cased, spaces as hyphens).
 * Throws on a term the glossary lacks, so a typo fails the guide's test, not a learner's page.
 */
export function parseGuide(text: string): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	for (const match of text.matchAll(TERM)) {
		if (match.index > at) segments.push({ text: text.slice(at, match.index) });
		const [whole, name, shown] = match;
		const id = name.trim().toLowerCase().replace(/\s+/g, '-');
		if (!isTerm(id)) throw new Error(`The glossary has no entry "${id}" (in "${whole}").`);
		segments.push({ text: shown ?? name, term: id });
		at = match.index + whole.length;
	}
	if (at < text.length) segments.push({ text: text.slice(at) });
	return segments;
}
