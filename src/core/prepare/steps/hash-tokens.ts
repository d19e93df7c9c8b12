import { CoreError } from '../../util/core-error';
import type { NumberColumn } from '../../table/table';
import { labelColumn, replaceColumn, type Frame } from '../frame';
import { assertNewColumns } from './assert-new-columns';

/**
 * Replace a text column by word counts with the hashing trick: the text is lower-cased, its
 * tokens are runs of letters and digits (any script), and each token counts in bucket
 * `fnv1a(token) mod buckets`. Columns `<column> #0` to `<column> #<buckets - 1>` hold the counts;
 * a missing cell counts nothing. No vocabulary is learned, so unseen words still count.
 */
export interface HashTokensStep {
	kind: 'hash-tokens';
	column: string;
	/** How many count columns; 32 when absent. */
	buckets?: number;
}

/** The step with its number of buckets settled. */
export interface FittedHashTokens extends HashTokensStep {
	buckets: number;
}

export const DEFAULT_BUCKETS = 32;
/** The most buckets a step may ask for: each is a feature column. */
export const MAX_BUCKETS = 4096;

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Returns the 32-bit FNV-1a hash of a text's UTF-16 code units, each XORed in whole (for ASCII
 * this is the usual byte-wise FNV-1a: `fnv1a('a')` is 0xe40c292c).
 */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Returns the text's tokens: lower-cased runs of letters and digits. */
export function tokensOf(text: string): string[] {
	return text.toLowerCase().match(TOKEN) ?? [];
}

/** Returns the step with its buckets settled, once the column is checked to hold labels. */
export function fitHashTokens(step: HashTokensStep, frame: Frame): FittedHashTokens {
	labelColumn(frame, step.column, 'hash-tokens');
	return { ...step, buckets: checkBuckets(step) };
}

function checkBuckets(step: HashTokensStep): number {
	const buckets = step.buckets ?? DEFAULT_BUCKETS;
	if (!Number.isInteger(buckets) || buckets < 1 || buckets > MAX_BUCKETS)
		throw new CoreError(
			'bad-step',
			`The hash-tokens step on "${step.column}" needs 1 to ${MAX_BUCKETS} buckets, not ${buckets}.`,
			{ column: step.column }
		);
	return buckets;
}

/** Returns the name of one count column. */
export function bucketName(column: string, bucket: number): string {
	return `${column} #${bucket}`;
}

/** Returns the frame with the text column replaced by its bucket count columns. */
export function applyHashTokens(step: FittedHashTokens, frame: Frame): Frame {
	const column = labelColumn(frame, step.column, 'hash-tokens');
	const buckets = checkBuckets(step);
	const names = Array.from({ length: buckets }, (_, b) => bucketName(step.column, b));
	assertNewColumns(frame, names, 'hash-tokens', step.column);
	// Each distinct text is tokenised once: its buckets, one entry per token.
	const levelBuckets = column.levels.map((text) => tokensOf(text).map((t) => fnv1a(t) % buckets));
	const outputs: NumberColumn[] = names.map((name) => ({
		kind: 'number',
		name,
		values: new Float64Array(column.codes.length)
	}));
	column.codes.forEach((code, row) => {
		if (code >= 0) for (const b of levelBuckets[code]) outputs[b].values[row]++;
	});
	return replaceColumn(frame, step.column, outputs);
}
