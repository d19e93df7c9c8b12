// The bundle's batch predictor: `node predict.mjs rows.csv > predictions.csv`. Built into one
// dependency-free file from src/core, so it predicts with exactly the code the app used.
import { readFileSync } from 'node:fs';
import { decodeText } from '../src/core/table/decode-text';
import { parseCsv } from '../src/core/table/parse-csv';
import { toCsv } from '../src/core/table/to-csv';
import { loadBundle } from '../src/core/ship/bundle';
import { predictRaw, predictionCells } from '../src/core/ship/pipeline';
import { failureMessage } from './failure-message';

const EXIT_BAD_INPUT = 2;
const EXIT_SOME_ROWS_FAILED = 3;

/** Reads a file of the bundle next to this script; null when it is not there. */
function readBundleFile(name: string): Uint8Array | null {
	try {
		return readFileSync(new URL(`./${name}`, import.meta.url));
	} catch {
		return null;
	}
}

async function main(args: string[]): Promise<number> {
	if (args.includes('--help') || args.includes('-h')) {
		process.stdout.write(
			'Usage: node predict.mjs [rows.csv | -] > predictions.csv\nReads CSV rows (a file, or stdin), writes one prediction per row.\n'
		);
		return 0;
	}
	const { pipeline } = await loadBundle(readBundleFile);
	const path = args[0];
	const bytes = path === undefined || path === '-' ? readFileSync(0) : readFileSync(path);
	const { raw } = await parseCsv(decodeText(new Uint8Array(bytes)));
	const rows = predictRaw(pipeline, raw);
	const { header, cells } = predictionCells(rows);
	process.stdout.write(toCsv(header, cells));
	const failed = rows.errors.filter((e) => e !== null).length;
	if (failed === 0) return 0;
	process.stderr.write(
		`${failed} of ${raw.rowCount} rows have no prediction; the error column says why.\n`
	);
	return EXIT_SOME_ROWS_FAILED;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		process.stderr.write(`predict.mjs: ${failureMessage(error)}\n`);
		process.exitCode = EXIT_BAD_INPUT;
	}
);
