import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DateEvidence } from '../../../src/core/table/infer-kinds';
import {
	bytesSource,
	ingestCsv,
	type ByteSource,
	type Ingested,
	type IngestOptions
} from '../../../src/core/table/ingest';
import type { CsvDialect } from '../../../src/core/table/parse-csv';
import { NO_OFFSET, NUMBER_CELL, rawRows, type ColumnKind } from '../../../src/core/table/table';
import { typeColumn } from '../../../src/core/table/type-column';
import { CoreError } from '../../../src/core/util/core-error';
import { createRng } from '../../../src/core/util/rng';

// The corpus and its `expected.json` schema are described in tests/cases/ingest/README.md.
const CASES_DIR = fileURLToPath(new URL('../../cases/ingest/', import.meta.url));
const MAX_CHUNK_BYTES = 64;
const RANDOM_SPLITS = 100;
const MAX_CUTS = 4;
/** A clock that never advances: the pacer yields once per read instead of on every chunk. */
const QUIET = { now: () => 0 };

interface ExpectedColumn {
	name: string;
	kind: ColumnKind;
	missing?: number;
	idLike?: boolean;
	dates?: Partial<DateEvidence>;
}

interface ExpectedCase {
	about: string;
	error?: { code: string; line?: number };
	dialect?: Partial<CsvDialect>;
	rowCount?: number;
	lines?: number;
	columns?: ExpectedColumn[];
	rows?: string[][];
	lastRows?: string[][];
	numbers?: Record<string, string[]>;
	typed?: Record<string, { iso: (string | null)[]; offsets?: (number | null)[] }>;
	ragged?: { count: number; lines: number[]; fields: number[] };
	notes?: string[];
}

interface Case {
	name: string;
	bytes: Uint8Array;
	options: IngestOptions;
	expected: ExpectedCase;
}

function loadCases(): Case[] {
	return readdirSync(CASES_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map(({ name }) => {
			const dir = `${CASES_DIR}${name}/`;
			const options = existsSync(`${dir}options.json`)
				? (JSON.parse(readFileSync(`${dir}options.json`, 'utf8')) as IngestOptions)
				: {};
			return {
				name,
				bytes: new Uint8Array(readFileSync(`${dir}input.csv`)),
				options,
				expected: JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as ExpectedCase
			};
		});
}

const CASES = loadCases();

type Outcome = { ok: Ingested } | { error: { code: string; line?: number } };

async function read(source: ByteSource, options: IngestOptions, quiet = false): Promise<Outcome> {
	try {
		return { ok: await ingestCsv(source, options, quiet ? QUIET : {}) };
	} catch (error) {
		if (!(error instanceof CoreError)) throw error;
		const { line } = error.place;
		return { error: line === undefined ? { code: error.code } : { code: error.code, line } };
	}
}

function isoOf(ms: number): string | null {
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** What the reader produced, in the shape of `expected` and limited to the keys it gives. */
function project(result: Ingested, expected: ExpectedCase): ExpectedCase {
	const { raw, reports } = result;
	const actual: ExpectedCase = { about: expected.about };
	const byName = (name: string) => raw.columns.findIndex((c) => c.name === name);
	if (expected.dialect) {
		const dialect: Record<string, unknown> = {};
		for (const key of Object.keys(expected.dialect) as (keyof CsvDialect)[])
			dialect[key] = result.dialect[key];
		actual.dialect = dialect as Partial<CsvDialect>;
	}
	if (expected.rowCount !== undefined) actual.rowCount = raw.rowCount;
	if (expected.lines !== undefined) actual.lines = result.lines;
	if (expected.columns) {
		actual.columns = reports.map((report, i) => {
			const want = expected.columns![i] ?? { name: report.name, kind: report.kind };
			const column: ExpectedColumn = { name: report.name, kind: report.kind };
			if (want.missing !== undefined) column.missing = report.missing;
			if (want.idLike !== undefined) column.idLike = report.idLike;
			if (want.dates) {
				const dates: Record<string, unknown> = {};
				for (const key of Object.keys(want.dates) as (keyof DateEvidence)[])
					dates[key] = report.dates?.[key];
				column.dates = dates as Partial<DateEvidence>;
			}
			return column;
		});
	}
	if (expected.rows) actual.rows = rawRows(raw, 0, expected.rows.length);
	if (expected.lastRows) {
		const n = expected.lastRows.length;
		actual.lastRows = rawRows(raw, Math.max(0, raw.rowCount - n), n);
	}
	if (expected.numbers) {
		actual.numbers = {};
		for (const [name, texts] of Object.entries(expected.numbers)) {
			const column = raw.columns[byName(name)];
			// A cell keeps its expected text when it is a number cell holding exactly Number(text).
			actual.numbers[name] = texts.map((text, row) =>
				column?.codes[row] === NUMBER_CELL && Object.is(column.numbers![row], Number(text))
					? text
					: `not Number(${JSON.stringify(text)}): ${column ? JSON.stringify(column.codes[row] === NUMBER_CELL ? column.numbers![row] : column.levels[column.codes[row]]) : 'no column'}`
			);
		}
	}
	if (expected.typed) {
		actual.typed = {};
		for (const [name, want] of Object.entries(expected.typed)) {
			const i = byName(name);
			const report = reports[i];
			const { column } = typeColumn(raw.columns[i], report.kind, {
				missingTokens: result.missingTokens,
				dateOrder: report.dates?.order
			});
			if (column.kind !== 'date') {
				actual.typed[name] = { iso: [`typed as ${column.kind}`] };
				continue;
			}
			const typed: { iso: (string | null)[]; offsets?: (number | null)[] } = {
				iso: Array.from(column.values, isoOf)
			};
			if (want.offsets) {
				typed.offsets = Array.from(column.values, (_, row) => {
					const offset = column.offsets?.[row] ?? NO_OFFSET;
					return offset === NO_OFFSET ? null : offset;
				});
			}
			actual.typed[name] = typed;
		}
	}
	if (expected.ragged || result.ragged.count > 0) {
		actual.ragged = {
			count: result.ragged.count,
			lines: result.ragged.examples.map((e) => e.line),
			fields: result.ragged.examples.map((e) => e.fields)
		};
	}
	if (expected.notes) {
		actual.notes = expected.notes.map((text) =>
			result.notes.some((note) => note.includes(text))
				? text
				: `no note with ${JSON.stringify(text)} in ${JSON.stringify(result.notes)}`
		);
	}
	return actual;
}

/** A source whose reads return at most `k` bytes. */
function limitedSource(bytes: Uint8Array, k: number): ByteSource {
	return {
		size: bytes.length,
		read: async (start, end) => bytes.subarray(start, Math.min(end, start + k))
	};
}

/** A source whose reads stop at each of the (sorted) cut positions. */
function cutSource(bytes: Uint8Array, cuts: readonly number[]): ByteSource {
	return {
		size: bytes.length,
		read: async (start, end) => {
			const cut = cuts.find((c) => c > start) ?? bytes.length;
			return bytes.subarray(start, Math.min(end, cut));
		}
	};
}

/** The cut positions that split a character or a CRLF: the delicate places for a streaming reader. */
function delicateCuts(bytes: Uint8Array): { multiByte: number[]; crlf: number[] } {
	const multiByte: number[] = [];
	const crlf: number[] = [];
	const utf16 =
		(bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	if (utf16) {
		const le = bytes[0] === 0xff;
		const unit = (i: number) =>
			le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
		for (let i = 2; i + 1 < bytes.length; i += 2) {
			const u = unit(i);
			if (u > 0x7f) multiByte.push(i + 1);
			if (u >= 0xdc00 && u <= 0xdfff) multiByte.push(i);
			if (u === 0x0a && i >= 4 && unit(i - 2) === 0x0d) crlf.push(i, i - 1, i + 1);
		}
	} else {
		for (let i = 1; i < bytes.length; i++) {
			if ((bytes[i] & 0xc0) === 0x80 && bytes[i - 1] >= 0x80) multiByte.push(i);
			if (bytes[i] === 0x0a && bytes[i - 1] === 0x0d) crlf.push(i);
		}
	}
	return { multiByte, crlf };
}

function seedOf(name: string): number {
	let h = 2166136261;
	for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
	return h >>> 0;
}

/** Cut positions of `RANDOM_SPLITS` random chunkings, from the seeded generator. */
function randomCuts(name: string, size: number): number[][] {
	const rng = createRng(seedOf(name));
	return Array.from({ length: RANDOM_SPLITS }, () => {
		const count = 1 + rng.int(MAX_CUTS);
		const cuts = Array.from({ length: count }, () => 1 + rng.int(Math.max(1, size - 1)));
		return [...new Set(cuts)].sort((a, b) => a - b);
	});
}

const numberText = (n: number) => (Object.is(n, -0) ? '-0' : String(n));

/** Everything the reader produced, as one string (numbers exact, -0 and NaN included). */
function fingerprint(outcome: Outcome): string {
	if ('error' in outcome) return JSON.stringify(outcome.error);
	const { raw, reports, dialect, questions, ragged, lines, notes } = outcome.ok;
	return JSON.stringify({
		rowCount: raw.rowCount,
		columns: raw.columns.map((c) => ({
			name: c.name,
			codes: Array.from(c.codes),
			levels: c.levels,
			numbers: c.numbers && Array.from(c.numbers, numberText)
		})),
		rows: rawRows(raw, 0, raw.rowCount),
		reports,
		dialect,
		questions,
		ragged,
		lines,
		notes
	});
}

describe('ingest cases (tests/cases/ingest)', () => {
	it('finds the corpus', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(35);
	});

	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, { bytes, options, expected }) => {
		const outcome = await read(bytesSource(bytes), options);
		if (expected.error) {
			expect('error' in outcome ? outcome.error : 'read without error').toEqual(expected.error);
			return;
		}
		if ('error' in outcome) return expect.fail(`unexpected error ${JSON.stringify(outcome.error)}`);
		expect(project(outcome.ok, expected)).toEqual(expected);
	});
});

describe('ingest is the same however the file is split into chunks', () => {
	it('the corpus splits multi-byte characters and CRLF', () => {
		const readable = CASES.filter((c) => !c.expected.error);
		const cuts = readable.map((c) => delicateCuts(c.bytes));
		expect(cuts.filter((c) => c.multiByte.length > 0).length).toBeGreaterThanOrEqual(5);
		expect(cuts.filter((c) => c.crlf.length > 0).length).toBeGreaterThanOrEqual(5);
	});

	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, { name, bytes, options }) => {
		const reference = fingerprint(await read(bytesSource(bytes), options));
		const { multiByte, crlf } = delicateCuts(bytes);
		const chunkings: [string, ByteSource][] = [
			...Array.from({ length: MAX_CHUNK_BYTES }, (_, i): [string, ByteSource] => [
				`reads of at most ${i + 1} bytes`,
				limitedSource(bytes, i + 1)
			]),
			...randomCuts(name, bytes.length).map((cuts): [string, ByteSource] => [
				`cuts at ${cuts.join(', ')}`,
				cutSource(bytes, cuts)
			]),
			...[...multiByte, ...crlf].map((cut): [string, ByteSource] => [
				`a cut at ${cut}`,
				cutSource(bytes, [cut])
			])
		];
		// Read concurrently: each read waits on the event loop a few times (the pacer's first tick).
		const got = await Promise.all(
			chunkings.map(async ([, source]) => fingerprint(await read(source, options, true)))
		);
		got.forEach((print, i) => {
			if (print !== reference)
				expect(JSON.parse(print), chunkings[i][0]).toEqual(JSON.parse(reference));
		});
	});
});
