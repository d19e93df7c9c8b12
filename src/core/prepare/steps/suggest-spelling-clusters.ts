// Suggestions for the clean-labels step: which labels of a column are spellings of one thing.
import { CoreError } from '../../util/core-error';
import { compareLabels } from './map-labels';

/** Labels that look like spellings of one thing, and the most frequent of them to keep. */
export interface SpellingCluster {
	canonical: string;
	/** Every spelling, the canonical one included, most frequent first. */
	members: string[];
	/** Why they were grouped, in plain words. */
	reason: string;
}

/**
 * The most pairs of labels compared by edit distance; past it the rest are skipped. Only labels
 * with the same first letter are compared, most frequent first, so 2,000 distinct labels (at most
 * 2 million pairs) are always all compared, and a longer tail only loses its rarest pairs.
 */
export const MAX_SPELLING_PAIRS = 2_000_000;

const SAME_FORM = 'the same letters ignoring case, spaces and punctuation';
const TYPO = 'a letter or two apart (likely typos)';
/** Small words left out of initials, so `USA` stands for `United States of America`. */
const SKIPPED_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', '&']);

interface Link {
	a: number;
	b: number;
	reason: string;
}

/**
 * Returns groups of labels (with their row counts) that look like spellings of one thing: the same
 * letters once trimmed, case-folded, with inner spaces collapsed and punctuation stripped
 * (`U.S.A.` and `usa`); one edit apart (Damerau-Levenshtein) for labels of 4 or more letters, two
 * for 8 or more, when they start with the same letter and differ neither in their digits nor only
 * in short words (`Type A` and `Type B`, `Class 1` and `Class 2` stay apart); or a short label
 * that is the initials of a label of several words (`NY` and `New York`). Labels with no rows are
 * ignored. The canonical spelling is the most frequent member. Suggestions for a person to confirm.
 */
export function suggestSpellingClusters(
	levels: readonly string[],
	counts: ArrayLike<number>
): SpellingCluster[] {
	if (levels.length !== counts.length)
		throw new CoreError('bad-option', 'Spelling suggestions need one row count per label.');
	const used = [...levels.keys()].filter((i) => counts[i] > 0 && normalForm(levels[i]) !== '');
	// One label per normal form, most frequent first: the later rules compare forms, not labels.
	used.sort((i, j) => counts[j] - counts[i] || compareLabels(levels[i], levels[j]));
	const links: Link[] = [];
	const forms = new Map<string, number>();
	for (const i of used) {
		const form = normalForm(levels[i]);
		const first = forms.get(form);
		if (first === undefined) forms.set(form, i);
		else links.push({ a: first, b: i, reason: SAME_FORM });
	}
	return clustersOf(
		[...links, ...typoLinks(forms), ...initialsLinks(forms, levels)],
		levels,
		counts
	);
}

/** Returns a label trimmed, lower-cased, without punctuation, with single spaces between words. */
export function normalForm(label: string): string {
	return label
		.toLowerCase()
		.replace(/\p{P}+/gu, '')
		.replace(/\s+/gu, ' ')
		.trim();
}

/** A normal form compared for typos, with its digits (in order, runs split by a space). */
interface Candidate {
	form: string;
	index: number;
	digits: string;
}

function typoLinks(forms: ReadonlyMap<string, number>): Link[] {
	// Blocked by first letter: typos there are rare, and distinct words that differ only there
	// (`Bing` and `Ling`, cabins `B101` and `E101`) are common.
	const blocks = new Map<string, Candidate[]>();
	for (const [form, index] of forms) {
		if (form.length < 4) continue;
		const candidate = { form, index, digits: form.replace(/\D+/gu, ' ') };
		const block = blocks.get(form[0]);
		if (block) block.push(candidate);
		else blocks.set(form[0], [candidate]);
	}
	const links: Link[] = [];
	let pairs = 0;
	for (const list of blocks.values()) {
		for (let x = 0; x < list.length && pairs < MAX_SPELLING_PAIRS; x++) {
			const a = list[x];
			for (let y = x + 1; y < list.length && pairs < MAX_SPELLING_PAIRS; y++, pairs++) {
				const b = list[y];
				// Different numbers (`Class 1`, `Class 2`) are different things, however close.
				if (a.digits !== b.digits) continue;
				const limit = Math.min(a.form.length, b.form.length) >= 8 ? 2 : 1;
				if (Math.abs(a.form.length - b.form.length) > limit) continue;
				if (withinEdits(a.form, b.form, limit) && !shortWordsApart(a.form, b.form))
					links.push({ a: a.index, b: b.index, reason: TYPO });
			}
		}
	}
	return links;
}

/**
 * True when two forms of as many words differ only in words of at most 3 letters or words with
 * digits: codes (`Type A` and `Type B`, `B101` and `B1O1`), not typos.
 */
function shortWordsApart(a: string, b: string): boolean {
	const wa = a.split(' ');
	const wb = b.split(' ');
	if (wa.length !== wb.length) return false;
	const code = (w: string) => w.length <= 3 || /\d/u.test(w);
	return wa.every((w, k) => w === wb[k] || (code(w) && code(wb[k])));
}

/**
 * True when the optimal-string-alignment distance (Damerau-Levenshtein where no substring is
 * edited twice) of a and b is at most k. Common prefixes and suffixes are skipped, then each of
 * the k edits is tried: for k <= 2 at most 16 branches, far cheaper than the full matrix.
 */
export function withinEdits(a: string, b: string, k: number): boolean {
	let ea = a.length;
	let eb = b.length;
	while (ea > 0 && eb > 0 && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
		ea--;
		eb--;
	}
	return within(a, 0, ea, b, 0, eb, k);
}

/** True when a[i..ea) and b[j..eb) are at most `left` edits apart. */
function within(
	a: string,
	i: number,
	ea: number,
	b: string,
	j: number,
	eb: number,
	left: number
): boolean {
	while (i < ea && j < eb && a.charCodeAt(i) === b.charCodeAt(j)) {
		i++;
		j++;
	}
	if (i === ea || j === eb) return ea - i + (eb - j) <= left;
	if (left === 0 || Math.abs(ea - i - (eb - j)) > left) return false;
	const next = left - 1;
	const swapped = i + 1 < ea && j + 1 < eb && a[i] === b[j + 1] && a[i + 1] === b[j];
	return (
		within(a, i + 1, ea, b, j + 1, eb, next) ||
		within(a, i + 1, ea, b, j, eb, next) ||
		within(a, i, ea, b, j + 1, eb, next) ||
		(swapped && within(a, i + 2, ea, b, j + 2, eb, next))
	);
}

/** Links each one-word form of 2 to 6 letters to the one form of several words it abbreviates. */
function initialsLinks(forms: ReadonlyMap<string, number>, levels: readonly string[]): Link[] {
	const byInitials = new Map<string, number | null>();
	for (const [form, i] of forms) {
		const words = form.split(' ').filter((w) => !SKIPPED_WORDS.has(w));
		if (words.length < 2) continue;
		const initials = words.map((w) => w[0]).join('');
		// Initials shared by two forms (`New York`, `North Yorkshire`) point nowhere.
		byInitials.set(initials, byInitials.has(initials) ? null : i);
	}
	const links: Link[] = [];
	for (const [form, i] of forms) {
		if (!/^\p{L}{2,6}$/u.test(form)) continue;
		const long = byInitials.get(form);
		if (long != null)
			links.push({ a: long, b: i, reason: `"${levels[i]}" is the initials of "${levels[long]}"` });
	}
	return links;
}

function clustersOf(
	links: readonly Link[],
	levels: readonly string[],
	counts: ArrayLike<number>
): SpellingCluster[] {
	const parent = new Map<number, number>();
	const root = (i: number): number => {
		let r = i;
		while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
		parent.set(i, r);
		return r;
	};
	for (const { a, b } of links) parent.set(root(b), root(a));
	const groups = new Map<number, { members: Set<number>; reasons: Set<string> }>();
	for (const { a, b, reason } of links) {
		const r = root(a);
		const group = groups.get(r) ?? { members: new Set<number>(), reasons: new Set<string>() };
		group.members.add(a).add(b);
		group.reasons.add(reason);
		groups.set(r, group);
	}
	const byCount = (i: number, j: number) =>
		counts[j] - counts[i] || compareLabels(levels[i], levels[j]);
	const total = (m: readonly number[]) => m.reduce((sum, i) => sum + counts[i], 0);
	return [...groups.values()]
		.map(({ members, reasons }) => ({ members: [...members].sort(byCount), reasons }))
		.sort((g, h) => total(h.members) - total(g.members) || byCount(g.members[0], h.members[0]))
		.map(({ members, reasons }) => ({
			canonical: levels[members[0]],
			members: members.map((i) => levels[i]),
			reason: [...reasons].join('; ')
		}));
}
