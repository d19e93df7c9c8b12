import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ColumnReport } from '../../../src/core/table/infer-kinds';
import { bytesSource, ingestCsv, type Ingested } from '../../../src/core/table/ingest';
import { parseDate } from '../../../src/core/table/parse-date';
import { rawRows, type NumberColumn } from '../../../src/core/table/table';
import { typeColumn } from '../../../src/core/table/type-column';

// The deliberately dirty files in /work/shared/datasets/dirty and what their MANIFEST.json promises
// about reading and typing them. Duplicate-row counts and leakage belong to the profile module.
const DIRTY_DIR = fileURLToPath(new URL('../../../../shared/datasets/dirty/', import.meta.url));
/** An odd chunk size, so that chunk boundaries fall inside records, characters and CRLFs. */
const ODD_CHUNK_BYTES = 4093;

interface ManifestEntry {
	delimiter?: string;
	decimal?: string;
	encoding?: string;
	line_ending?: string;
	rows: number;
	columns: number;
	physical_lines?: number;
	faults: Record<string, unknown>;
	expect: Record<string, unknown>;
}

const MANIFEST = JSON.parse(readFileSync(`${DIRTY_DIR}MANIFEST.json`, 'utf8')) as Record<
	string,
	ManifestEntry
>;
/** Manifest entries per file (one entry may name two files: "a.csv + b.csv"). */
const ENTRIES = new Map(
	Object.entries(MANIFEST).flatMap(([key, entry]) =>
		key.split(' + ').map((file) => [file, entry] as const)
	)
);
const FILES = readdirSync(DIRTY_DIR).filter((f) => f.endsWith('.csv') && !f.endsWith('.truth.csv'));

const loaded = new Map<string, Promise<Ingested>>();

/** Ingests a dirty file once per test file. */
function ingest(file: string): Promise<Ingested> {
	let result = loaded.get(file);
	if (!result) {
		result = ingestCsv(bytesSource(new Uint8Array(readFileSync(DIRTY_DIR + file))));
		loaded.set(file, result);
	}
	return result;
}

function report(ingested: Ingested, name: string): ColumnReport {
	const found = ingested.reports.find((r) => r.name === name);
	if (!found) return expect.fail(`no column ${name} in ${ingested.reports.map((r) => r.name)}`);
	return found;
}

function numberValues(ingested: Ingested, name: string): number[] {
	const i = ingested.raw.columns.findIndex((c) => c.name === name);
	const { column } = typeColumn(ingested.raw.columns[i], 'number', {
		missingTokens: ingested.missingTokens
	});
	return Array.from((column as NumberColumn).values).filter((v) => !Number.isNaN(v));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('dirty datasets: what MANIFEST.json promises about reading them', () => {
	it('has a manifest entry for every file', () => {
		expect(FILES.length).toBeGreaterThanOrEqual(9);
		expect(FILES.filter((f) => !ENTRIES.has(f))).toEqual([]);
	});

	it.each(FILES)('%s: rows, columns, lines and dialect', async (file) => {
		const entry = ENTRIES.get(file)!;
		const { raw, dialect, lines, ragged } = await ingest(file);
		expect(raw.rowCount).toBe(entry.rows);
		// A delimiter ending every line adds an empty, unnamed column the manifest does not count.
		const extra = entry.faults.trailing_delimiter_every_line ? 1 : 0;
		expect(raw.columns.length).toBe(entry.columns + extra);
		expect(ragged.count).toBe(0);
		if (entry.physical_lines !== undefined) expect(lines).toBe(entry.physical_lines);
		expect(dialect.delimiter).toBe(entry.delimiter ?? ',');
		expect(dialect.decimal).toBe(entry.decimal ?? '.');
		const bom = entry.encoding === 'utf-8 with BOM';
		expect({ encoding: dialect.encoding, bom: dialect.bom }).toEqual({ encoding: 'utf-8', bom });
		if (entry.line_ending === 'CRLF') expect(dialect.lineEnding).toBe('crlf');
		if (entry.line_ending?.startsWith('LF')) expect(dialect.lineEnding).toBe('lf');
	});

	it.each(FILES)('%s: reads the same in small odd chunks', async (file) => {
		const bytes = new Uint8Array(readFileSync(DIRTY_DIR + file));
		const chunked = await ingestCsv(bytesSource(bytes), { chunkBytes: ODD_CHUNK_BYTES });
		const whole = await ingest(file);
		expect(chunked.reports).toEqual(whole.reports);
		expect(rawRows(chunked.raw, 0, chunked.raw.rowCount)).toEqual(
			rawRows(whole.raw, 0, whole.raw.rowCount)
		);
		expect(chunked.lines).toBe(whole.lines);
	});

	it('titanic_semicolon_bom_crlf: decimal-comma Age and Fare', async () => {
		const file = 'titanic_semicolon_bom_crlf.csv';
		const promised = ENTRIES.get(file)!.expect;
		const ingested = await ingest(file);
		expect(report(ingested, 'Age')).toMatchObject({
			kind: 'number',
			missing: promised.Age_missing
		});
		expect(report(ingested, 'Fare').kind).toBe('number');
		const ages = numberValues(ingested, 'Age');
		expect(sum(ages) / ages.length).toBeCloseTo(promised.Age_mean as number, 4);
		expect(sum(numberValues(ingested, 'Fare'))).toBeCloseTo(promised.Fare_sum as number, 4);
		expect(rawRows(ingested.raw, 0, 1)[0][3]).toBe('Braund, Mr. Owen Harris');
	});

	it('titanic_na_tokens_whitespace: padded names, NA tokens, a trailing delimiter', async () => {
		const file = 'titanic_na_tokens_whitespace.csv';
		const entry = ENTRIES.get(file)!;
		const ingested = await ingest(file);
		const names = ingested.raw.columns.map((c) => c.name);
		expect(names).toContain('Age');
		expect(names).toContain('Fare');
		// Every NA token, the empty cell and a cell of one space (which trims to '') are missing.
		const tokens = entry.faults.na_tokens_in_Age as Record<string, number>;
		expect(sum(Object.values(tokens))).toBe(entry.expect.Age_missing_after_na_normalisation);
		expect(report(ingested, 'Age')).toMatchObject({
			kind: 'number',
			missing: entry.expect.Age_missing_after_na_normalisation
		});
		const unnamed = ingested.reports[ingested.reports.length - 1];
		expect(unnamed).toMatchObject({ name: 'column_13', missing: entry.rows });
		// Three blank lines end the file: skipped, not rows.
		expect(ingested.lines).toBe(entry.rows + 1 + (entry.faults.blank_lines_at_end as number));
	});

	it('adult_quoted_multiline: one record per row, whatever the quoted comments hold', async () => {
		const file = 'adult_quoted_multiline.csv';
		const entry = ENTRIES.get(file)!;
		const ingested = await ingest(file);
		expect(ingested.raw.rowCount).toBe(entry.rows);
		expect(ingested.lines).toBe(entry.physical_lines);
		const comment = ingested.raw.columns.findIndex((c) => c.name === 'comment');
		const comments = rawRows(ingested.raw, 0, ingested.raw.rowCount).map((row) => row[comment]);
		expect(comments.filter((c) => c.includes('\n')).length).toBe(
			entry.faults.rows_with_newline_inside_quotes
		);
		expect(comments.filter((c) => c !== '').length).toBe(entry.faults.rows_with_comment);
	});

	it('adult_duplicates_ids: person_id is an identifier with 1515 distinct values', async () => {
		const file = 'adult_duplicates_ids.csv';
		const ingested = await ingest(file);
		expect(report(ingested, 'person_id')).toMatchObject({
			kind: 'text',
			distinct: ENTRIES.get(file)!.expect.distinct_person_id
		});
	});

	it('housing_mixed_types_dates: total_rooms holds numbers and 50 non-numeric cells', async () => {
		const file = 'housing_mixed_types_dates.csv';
		const faults = ENTRIES.get(file)!.faults;
		const ingested = await ingest(file);
		const rooms = report(ingested, 'total_rooms');
		const nonNumeric = faults.non_numeric_cells_in_total_rooms as number;
		expect(rooms.mixed).not.toBeNull();
		expect(rooms.mixed!.numberCells).toBe(ingested.raw.rowCount - nonNumeric);
		// "n/a" and "-" are missing tokens; the other non-numeric cells are text.
		expect(rooms.mixed!.textCells + rooms.missing).toBe(nonNumeric);
		const tokens = faults.text_tokens_used as string[];
		for (const example of rooms.mixed!.textExamples) expect(tokens).toContain(example);
	});

	it('housing_mixed_types_dates: survey_date is read as dates that match the truth file', async () => {
		const file = 'housing_mixed_types_dates.csv';
		const faults = ENTRIES.get(file)!.faults;
		const ingested = await ingest(file);
		const i = ingested.raw.columns.findIndex((c) => c.name === 'survey_date');
		const dates = report(ingested, 'survey_date');
		expect(dates.kind).toBe('date');
		const texts = rawRows(ingested.raw, 0, ingested.raw.rowCount).map((row) => row[i]);
		const truth = readFileSync(`${DIRTY_DIR}housing_mixed_types_dates.truth.csv`, 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => line.split(','));
		expect(truth.length).toBe(texts.length);
		// From the truth file: the nn/nn/yyyy cells that only one order reads as a real date, and
		// those that read either way as two different dates, or as the same date (05/05/2019).
		const parts = truth.map(([row, , format]) => {
			const [a, b] = texts[Number(row)].split('/').map(Number);
			const dayMonth = format === '%d/%m/%Y' || format === '%m/%d/%Y';
			return { format, dayMonth, a, b, small: a <= 12 && b <= 12 };
		});
		const only = (format: string) =>
			parts.filter((p) => p.dayMonth && p.format === format && !p.small).length;
		const ambiguous = parts.filter((p) => p.dayMonth && p.small && p.a !== p.b).length;
		const sameDayMonth = parts.filter((p) => p.dayMonth && p.small && p.a === p.b).length;
		expect(dates.dates).toMatchObject({
			decidedBy: 'assumed',
			dayFirstCells: only('%d/%m/%Y'),
			monthFirstCells: only('%m/%d/%Y'),
			ambiguousCells: ambiguous
		});
		// The manifest counts cells whose two numbers are both at most 12, the same-day-month ones
		// too (they read as one date either way, so they are not ambiguous to the reader).
		expect(ambiguous + sameDayMonth).toBe(faults.ambiguous_day_month_cells);

		const { column } = typeColumn(ingested.raw.columns[i], 'date', {
			missingTokens: ingested.missingTokens,
			dateOrder: dates.dates!.order
		});
		if (column.kind !== 'date') return expect.fail('survey_date not typed as dates');
		const wrong = truth.filter(([row, iso]) => {
			const r = Number(row);
			if (parseDate(texts[r], 'dmy')?.order === 'both') return false;
			return new Date(column.values[r]).toISOString().slice(0, 10) !== iso;
		});
		expect(wrong).toEqual([]);
	});

	it('housing_drift_reference and _current: total_bedrooms missing counts', async () => {
		const entry = ENTRIES.get('housing_drift_reference.csv')!;
		const reference = await ingest('housing_drift_reference.csv');
		const current = await ingest('housing_drift_current.csv');
		expect(report(reference, 'total_bedrooms')).toMatchObject({
			kind: 'number',
			missing: entry.expect.reference_missing_total_bedrooms
		});
		expect(report(current, 'total_bedrooms')).toMatchObject({
			kind: 'number',
			missing: entry.expect.current_missing_total_bedrooms
		});
	});

	it('bank_postoutcome_leak: deposit_opened_on is a date filled in 604 rows', async () => {
		const entry = ENTRIES.get('bank_postoutcome_leak.csv')!;
		const ingested = await ingest('bank_postoutcome_leak.csv');
		const filled = (entry.expect.filled_and_yes as number) + (entry.expect.filled_and_no as number);
		expect(report(ingested, 'deposit_opened_on')).toMatchObject({
			kind: 'date',
			missing: entry.rows - filled
		});
		expect(report(ingested, 'customer_id').idLike).toBe(true);
	});

	it('penguins_kitchen_sink: semicolons, decimal commas, a quoted multi-line note', async () => {
		const file = 'penguins_kitchen_sink.csv';
		const faults = ENTRIES.get(file)!.faults;
		const ingested = await ingest(file);
		for (const name of faults.decimal_comma_columns as string[])
			expect(report(ingested, name).kind).toBe('number');
		expect(report(ingested, 'bill_length_mm').examples.some((e) => e.includes('.'))).toBe(true);
		const notes = ingested.raw.columns.findIndex((c) => c.name === 'field_notes');
		const cells = rawRows(ingested.raw, 0, ingested.raw.rowCount).map((row) => row[notes]);
		expect(cells).toContain('Re-measured,\nsecond visit');
		expect(cells).toContain('Nest near rocks; chick present');
		expect(cells).toContain('Tag "B12" unreadable');
		expect(report(ingested, 'body_mass_g').mixed).not.toBeNull();
	});
});
