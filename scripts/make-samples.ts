// Writes the site's sample datasets (public/samples) from the shared datasets beside the checkout:
// small files byte for byte, California housing as a seeded subset of whole lines in file order.
// Run: npx tsx scripts/make-samples.ts
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/core/util/rng.ts';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'datasets');
const PUBLIC = join(import.meta.dirname, '..', 'public', 'samples');

/** The files copied as they are. */
export const COPIED = ['titanic.csv', 'penguins.csv', 'german_credit.csv', 'bike_day.csv'];

/** The California subset: 5,000 of 20,640 districts keeps the file under 400 KB for a class's Wi-Fi. */
export const CALIFORNIA = {
	from: 'california_housing.csv',
	to: 'california_housing_5k.csv',
	rows: 5000,
	seed: 42
};

/**
 * Returns the header and `rows` data lines drawn without replacement by `seed`, in file order.
 * The file has no quoted line breaks, so a line is a row.
 */
export function subsetLines(text: string, rows: number, seed: number): string {
	const lines = text.split('\n').filter((line) => line !== '');
	const [header, ...data] = lines;
	const rng = createRng(seed);
	const order = data.map((_, i) => i);
	// A partial Fisher-Yates: the first `rows` places hold the draw.
	for (let i = 0; i < rows; i++) {
		const j = i + rng.int(order.length - i);
		[order[i], order[j]] = [order[j], order[i]];
	}
	const kept = order.slice(0, rows).sort((a, b) => a - b);
	return [header, ...kept.map((i) => data[i])].join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	for (const file of COPIED) copyFileSync(join(SHARED, file), join(PUBLIC, file));
	const text = readFileSync(join(SHARED, CALIFORNIA.from), 'utf8');
	writeFileSync(join(PUBLIC, CALIFORNIA.to), subsetLines(text, CALIFORNIA.rows, CALIFORNIA.seed));
}
