import { describe, expect, it } from 'vitest';
import {
	applyHashTokens,
	fitHashTokens,
	fnv1a,
	tokensOf
} from '../../../../src/core/prepare/steps/hash-tokens';
import { categories, expectCoreError, numbers } from '../../helpers';

function counts(frame: ReturnType<typeof applyHashTokens>): number[][] {
	return frame.map((c) => (c.kind === 'number' ? Array.from(c.values) : []));
}

describe('hash-tokens', () => {
	it('hashes with 32-bit FNV-1a, as published for ASCII', () => {
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});

	it('splits lower-cased text into runs of letters and digits of any script', () => {
		expect(tokensOf("Mrs. O'Brien-Smith, 2nd class")).toEqual([
			'mrs',
			'o',
			'brien',
			'smith',
			'2nd',
			'class'
		]);
		expect(tokensOf('Café ÉTÉ 東京 ٣')).toEqual(['café', 'été', '東京', '٣']);
		expect(tokensOf(' -- ')).toEqual([]);
	});

	it('replaces the column by one count column per bucket; missing counts nothing', () => {
		const frame = [categories('t', ['the cat', 'The THE', null]), numbers('y', [1, 2, 3])];
		const step = fitHashTokens({ kind: 'hash-tokens', column: 't', buckets: 4 }, frame);
		expect(step.buckets).toBe(4);
		const out = applyHashTokens(step, frame);
		expect(out.map((c) => c.name)).toEqual(['t #0', 't #1', 't #2', 't #3', 'y']);
		const [the, cat] = [fnv1a('the') % 4, fnv1a('cat') % 4];
		const expected = [0, 1, 2, 3].map((b) => [
			(b === the ? 1 : 0) + (b === cat ? 1 : 0),
			b === the ? 2 : 0,
			0
		]);
		expect(counts(out).slice(0, 4)).toEqual(expected);
		expect(frame[0].kind).toBe('category');
	});

	it('has 32 buckets by default, and counts unseen words', () => {
		const train = [categories('t', [null])];
		const step = fitHashTokens({ kind: 'hash-tokens', column: 't' }, train);
		expect(step.buckets).toBe(32);
		const out = counts(applyHashTokens(step, [categories('t', ['zebra'])]));
		expect(out.length).toBe(32);
		expect(out[fnv1a('zebra') % 32]).toEqual([1]);
	});

	it('rejects bad bucket counts, a wrong kind, a name clash and a missing column', async () => {
		const frame = [categories('t', ['a'])];
		for (const buckets of [0, 1.5, 5000])
			await expectCoreError(
				() => fitHashTokens({ kind: 'hash-tokens', column: 't', buckets }, frame),
				'bad-step',
				/1 to 4096 buckets/
			);
		const step = { kind: 'hash-tokens', column: 't', buckets: 2 } as const;
		await expectCoreError(
			() => fitHashTokens(step, [numbers('t', [1])]),
			'wrong-kind',
			/hash-tokens step on "t" needs categories or text/
		);
		await expectCoreError(
			() => applyHashTokens(step, [...frame, numbers('t #1', [1])]),
			'duplicate-column'
		);
		await expectCoreError(() => applyHashTokens(step, []), 'missing-column');
	});
});
