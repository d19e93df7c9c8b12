// Reading a file in two halves at once (the second half in another worker in the app) must give
// exactly the table a single pass gives, whatever the file holds at the split.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/table/dataset';
import {
	bytesSource,
	ingestCsv,
	readPart,
	type IngestOptions,
	type PartReader
} from '../../../src/core/table/ingest';
import { CoreError } from '../../../src/core/util/core-error';
import { HASH_BLOCK_BYTES } from '../../../src/core/util/hash';
import { blockFingerprint, expectCoreError } from '../helpers';

const DATASETS = new URL('../../../../shared/datasets/', import.meta.url);
const encode = (text: string) => new TextEncoder().encode(text);

/** A part reader over the same bytes, in this thread, that records the parts it read. */
function helper(bytes: Uint8Array): PartReader & { calls: number; rows: number } {
	const reader = Object.assign(
		async (...[request, ctx]: Parameters<PartReader>) => {
			reader.calls++;
			const part = await readPart(bytesSource(bytes), request, ctx);
			reader.rows += part.rows.records;
			return part;
		},
		{ calls: 0, rows: 0 }
	);
	return reader;
}

/** Options that read even a small file in two halves, in small chunks. */
function inHalves(bytes: Uint8Array, readPart: PartReader = helper(bytes)): IngestOptions {
	return { readPart, partMinBytes: 0, chunkBytes: Math.max(64, bytes.length >> 6) };
}

async function expectSameAsOnePass(bytes: Uint8Array, reader = helper(bytes)) {
	const single = await ingestCsv(bytesSource(bytes), {
		chunkBytes: Math.max(64, bytes.length >> 6)
	});
	const halves = await ingestCsv(bytesSource(bytes), inHalves(bytes, reader));
	expect(halves).toEqual(single);
	return { single, halves };
}

/** Lines of a CSV whose middle falls inside one quoted field of many lines. */
function quotedAcrossTheMiddle(): string {
	const rows = Array.from({ length: 200 }, (_, i) => `${i},x${i % 7},${i * 1.5}`);
	const quoted = `"a note\n${'that runs on,\n'.repeat(200)}and ends"`;
	return `id,label,value\n${rows.join('\n')}\n200,${quoted},1\n${rows.join('\n')}\n`;
}

describe('reading a file in two halves', () => {
	// The smaller files (a deep comparison of the larger ones takes seconds), and every dirty one.
	const files = [
		...readdirSync(DATASETS).filter(
			(f) => f.endsWith('.csv') && statSync(new URL(f, DATASETS)).size < 1.2e6
		),
		...readdirSync(new URL('dirty/', DATASETS))
			.filter((f) => f.endsWith('.csv'))
			.map((f) => `dirty/${f}`)
	];

	it.each(files)('gives the one-pass table for %s', async (file) => {
		const bytes = new Uint8Array(readFileSync(new URL(file, DATASETS)));
		const reader = helper(bytes);
		const { single } = await expectSameAsOnePass(bytes, reader);
		expect(reader.calls).toBe(1);
		// The other half's rows are in the table (the split can fall in a quoted field, where the
		// other half is read again here instead).
		expect(reader.rows).toBeGreaterThan(0);
		expect(single.raw.rowCount).toBeGreaterThan(reader.rows);
	});

	it('reads on from the split when the split falls inside a quoted field', async () => {
		const text = quotedAcrossTheMiddle();
		const middle = Math.floor(text.length / 2);
		// The middle of the file is inside the quoted field.
		expect(text.lastIndexOf('"', middle)).toBeGreaterThan(text.indexOf('200,"'));
		expect(text.indexOf('"', middle)).toBe(text.indexOf('and ends"') + 8);
		const { halves } = await expectSameAsOnePass(encode(text));
		expect(halves.raw.rowCount).toBe(401);
		expect(halves.raw.columns[1].levels).toContain(
			`a note\n${'that runs on,\n'.repeat(200)}and ends`
		);
	});

	it('numbers the lines of ragged rows and blank lines in the second half', async () => {
		const rows = Array.from({ length: 400 }, (_, i) => `${i},c${i % 3}`);
		rows[300] = '300,c0,extra';
		rows[350] = '';
		const text = `a,b\r\n${rows.join('\r\n')}`;
		const { halves } = await expectSameAsOnePass(encode(text));
		expect(halves.ragged.examples).toEqual([{ line: 302, fields: 3 }]);
		expect(halves.notes.join(' ')).toContain('Skipped 1 blank line(s): line 352.');
		expect(halves.dialect.lineEnding).toBe('crlf');
		expect(halves.lines).toBe(401);
	});

	it('keeps levels in first-seen order when a level first appears in the second half', async () => {
		const first = Array.from({ length: 300 }, (_, i) => `${i},only-first,n/a`);
		const second = Array.from(
			{ length: 300 },
			(_, i) => `${i},${i % 2 ? 'new' : 'only-first'},${i}`
		);
		const { halves } = await expectSameAsOnePass(
			encode(`a,b,c\n${[...first, ...second].join('\n')}\n`)
		);
		expect(halves.raw.columns[1].levels).toEqual(['only-first', 'new']);
		expect(halves.raw.columns[2].numbers?.[599]).toBe(299);
	});

	it('reads a file as Windows-1252 when only its second half is not UTF-8', async () => {
		const head = encode(`a,b\n${'x,1\n'.repeat(3000)}`);
		const bytes = Uint8Array.from([...head, ...encode('caf'), 0xe9, ...encode(',2\n')]);
		const { halves } = await expectSameAsOnePass(bytes);
		expect(halves.dialect.encoding).toBe('windows-1252');
		expect(halves.raw.columns[0].levels).toContain('café');
	});

	it('reports a stray quote in the second half at its line in the file', async () => {
		const rows = Array.from({ length: 400 }, (_, i) => `${i},ok`);
		rows[380] = '380,"bad" quote';
		const bytes = encode(`a,b\n${rows.join('\n')}\n`);
		const reader = helper(bytes);
		const error = await expectCoreError(
			() => ingestCsv(bytesSource(bytes), inHalves(bytes, reader)),
			'stray-quote',
			/^Line 382:/
		);
		expect(error.place).toEqual({ line: 382 });
		expect(reader.calls).toBe(1);
	});

	it('reads the second half itself when the other worker fails', async () => {
		const bytes = encode(
			`a,b\n${Array.from({ length: 500 }, (_, i) => `${i},v${i % 9}`).join('\n')}\n`
		);
		const crashed: PartReader = async () => {
			throw new CoreError('worker-crashed', 'A background worker stopped unexpectedly.');
		};
		const single = await ingestCsv(bytesSource(bytes));
		expect(await ingestCsv(bytesSource(bytes), inHalves(bytes, crashed))).toEqual(single);
	});

	it('cancels the second half with the read, and keeps nothing', async () => {
		const bytes = encode(`a,b\n${Array.from({ length: 2000 }, (_, i) => `${i},v`).join('\n')}\n`);
		const controller = new AbortController();
		let partSignal: AbortSignal | undefined;
		const reader: PartReader = async (request, ctx) => {
			partSignal = ctx.signal;
			controller.abort();
			return readPart(bytesSource(bytes), request, ctx);
		};
		await expectCoreError(
			() => ingestCsv(bytesSource(bytes), inHalves(bytes, reader), { signal: controller.signal }),
			'cancelled'
		);
		expect(partSignal?.aborted).toBe(true);
	});

	it('reports progress of both halves, ending at the whole file', async () => {
		const bytes = encode(`a,b\n${Array.from({ length: 3000 }, (_, i) => `${i},v`).join('\n')}\n`);
		const fractions: number[] = [];
		await ingestCsv(bytesSource(bytes), inHalves(bytes), {
			onEvent: (event) => {
				if (event.phase === 'Reading rows') fractions.push(event.fraction);
			}
		});
		expect(Math.max(...fractions)).toBeGreaterThan(0.99);
		expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
	});

	it('fingerprints every byte, each half hashing the blocks it reads', async () => {
		// A BOM, three hash blocks and more, and the split inside the second block.
		const text = `\ufeffa,b\n${Array.from({ length: 400_000 }, (_, i) => `${i},v${i % 5}`).join('\n')}\n`;
		const bytes = encode(text);
		expect(bytes.length).toBeGreaterThan(3 * HASH_BLOCK_BYTES);
		const expected = blockFingerprint(bytes);
		let blocks = 0;
		const reader: PartReader = async (request, ctx) => {
			const part = await readPart(bytesSource(bytes), request, ctx);
			blocks += part.blocks.length;
			return part;
		};
		const halves = await loadDataset(
			bytesSource(bytes),
			'x.csv',
			undefined,
			{},
			{
				readPart: reader,
				partMinBytes: 0,
				chunkBytes: 1 << 16
			}
		);
		expect(halves.fingerprint).toBe(expected);
		// The part reader hashed the blocks past the split: the last two, the short one included.
		expect(blocks).toBe(Math.ceil(bytes.length / HASH_BLOCK_BYTES) - 2);
		expect((await loadDataset(bytesSource(bytes), 'x.csv')).fingerprint).toBe(expected);
	});
});
