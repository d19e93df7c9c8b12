// Generates the ingest benchmark's CSV: `rows` rows x 12 mixed columns (about 100 bytes a row),
// with missing values, quoted fields holding separators and quotes, a date column and zip codes
// with leading zeros. Deterministic: the same rows for the same seed.
import { createRng } from '../src/core/util/rng';

const CITIES = [
	'Rio de Janeiro',
	'Addis Ababa',
	'Lisbon',
	'Porto',
	'São Paulo',
	'New York',
	'Zürich',
	'Osaka',
	'Nairobi',
	'Lima',
	'Oslo',
	'Cairo',
	'Delhi',
	'Perth',
	'Quito',
	'Accra',
	'Dakar',
	'Hanoi'
];
const SEGMENTS = ['retail', 'wholesale', 'online', 'partner', 'other'];
const WORDS = [
	'paid late',
	'call back after 5pm',
	'VIP customer',
	'moved to a new address',
	'asked for a new card',
	'disputed a charge',
	'all ok'
];

export const BENCH_HEADER =
	'id,age,income,score,city,segment,active,signup_date,note,rating,visits,zip';

/** Returns the CSV text of rows `[from, to)` (no header); the header is `BENCH_HEADER`. */
export function benchRows(from: number, to: number, seed = 42): string {
	const rng = createRng(seed + from);
	const lines: string[] = [];
	for (let i = from; i < to; i++) {
		const age = 18 + Math.floor(rng.next() * 70);
		const income = rng.next() < 0.05 ? '' : (20000 + rng.next() * 150000).toFixed(2);
		const score = (rng.next() * 2 - 1).toFixed(9);
		const city = CITIES[Math.floor(rng.next() * CITIES.length)];
		const segment = rng.next() < 0.02 ? 'NA' : SEGMENTS[Math.floor(rng.next() * SEGMENTS.length)];
		const active = rng.next() < 0.5 ? 'yes' : 'no';
		const day = 1 + Math.floor(rng.next() * 28);
		const month = 1 + Math.floor(rng.next() * 12);
		const hour = rng.next() < 0.5 ? `T${String(rng.int(24)).padStart(2, '0')}:30` : '';
		const date = `20${10 + Math.floor(rng.next() * 15)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}${hour}`;
		const r = rng.next();
		const note =
			r < 0.2
				? ''
				: r < 0.6
					? WORDS[Math.floor(rng.next() * WORDS.length)]
					: `"${WORDS[Math.floor(rng.next() * WORDS.length)]}, then ""${WORDS[Math.floor(rng.next() * WORDS.length)]}"""`;
		const rating = rng.next() < 0.1 ? '?' : (1 + rng.next() * 4).toFixed(1);
		const visits = Math.floor(rng.next() * rng.next() * 500);
		const zip = String(Math.floor(rng.next() * 99999)).padStart(5, '0');
		lines.push(
			`${i + 1},${age},${income},${score},${city},${segment},${active},${date},${note},${rating},${visits},${zip}`
		);
	}
	return lines.join('\n') + '\n';
}

/** Returns the whole benchmark file as UTF-8 bytes. */
export function benchCsv(rows: number, seed = 42): Uint8Array {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [encoder.encode(BENCH_HEADER + '\n')];
	const step = 50000;
	for (let from = 0; from < rows; from += step)
		parts.push(encoder.encode(benchRows(from, Math.min(rows, from + step), seed)));
	const total = parts.reduce((n, p) => n + p.length, 0);
	const bytes = new Uint8Array(total);
	let at = 0;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return bytes;
}
