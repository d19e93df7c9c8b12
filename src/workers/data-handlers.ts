// The data worker's handlers: the loaded file, its dataset and its split live here; the UI
// receives summaries and selected rows. data.worker.ts serves them; tests call them directly.
import {
	chooseColumn,
	datasetSchema,
	loadDataset,
	setMissingTokens,
	type ReadChoices,
	splitDataset,
	summarizeDataset,
	type Dataset
} from '../core/table/dataset';
import { profileDataset } from '../core/profile/profile-dataset';
import { baselineCheckOnDataset } from '../core/brief/baseline-check';
import type { TaskContext } from '../core/util/task';
import { rawRows, selectRawRows, type RawTable } from '../core/table/table';
import {
	partRows,
	revealTestRows,
	sameAssignment,
	type OpenPart,
	type Split
} from '../core/split/split';
import { monitorBatch } from '../core/monitor/monitor-batch';
import { readBatch } from '../core/monitor/read-batch';
import { referenceStats } from '../core/monitor/reference-stats';
import { simulateTraffic } from '../core/monitor/simulate';
import { judgeCandidate, retrainData } from '../core/registry/retrain';
import { previewOnDataset } from '../core/prepare/preview';
import { columnHints } from '../core/prepare/column-hints';
import { lintDataset } from '../core/prepare/lint-dataset';
import { mistakeDemo } from '../core/prepare/mistakes/mistake-demo';
import { datasetSplitReport } from '../core/split/dataset-split-report';
import { packProject, unpackProject } from '../core/project/project-file';
import { packAssignment } from '../core/project/assignment';
import { CoreError } from '../core/util/core-error';
import { Transfer, type Handlers } from './host';
import { blobSource, helperPartReader } from './helper';
import type { DataApi } from './protocol';

const MAX_PAGE_ROWS = 1000;

/** Reads a file into a dataset (with both cores in the app, see `readWithHelper`). */
export type DatasetReader = (
	file: Blob,
	fileName: string,
	choices: ReadChoices,
	ctx: TaskContext
) => Promise<Dataset>;

/** Reads a file with both cores where a worker can start a helper worker. */
export function readWithHelper(
	file: Blob,
	fileName: string,
	choices: ReadChoices,
	ctx: TaskContext
) {
	return loadDataset(blobSource(file), fileName, choices, ctx, {
		readPart: helperPartReader(file)
	});
}

interface Held {
	dataset: Dataset;
	file: Blob;
	/** The split this worker made of the dataset: the only one whose rows it hands out. */
	split: Split | null;
}

/**
 * Returns the data worker's handlers, holding the loaded file, its dataset and the split made of
 * it. Rows leave only by part of that split: train or validation (`rows`), or test once the
 * reveal is recorded (`revealTest`); a split the caller made up is refused.
 */
export function dataHandlers(read: DatasetReader = readWithHelper): Handlers<DataApi> {
	let current: Held | null = null;
	const loaded = (): Held => {
		if (!current) throw new CoreError('no-dataset', 'No dataset is loaded.');
		return current;
	};
	/** Returns the held split when `split` is it (same rows in the same parts), else throws. */
	const heldSplit = (split: Split): Split => {
		const held = loaded().split;
		if (!held || !sameAssignment(held.assignment, split.assignment))
			throw new CoreError(
				'split-changed',
				'This split is not the one made of the data as it is loaded now; make the split again.'
			);
		return held;
	};
	/** Returns an open part's rows (at most `limit`): the one way rows of the table go out. */
	const openRows = (split: Split, part: OpenPart, limit?: number): RawTable => {
		const rows = partRows(heldSplit(split), part);
		return selectRawRows(loaded().dataset.raw, rows.subarray(0, limit ?? rows.length));
	};
	return {
		async ingest({ file, fileName, choices }, ctx) {
			// Replace the current dataset only once the new one has loaded: a failure or a cancel keeps it.
			const dataset = await read(file, fileName, choices, ctx);
			current = { dataset, file, split: null };
			return summarizeDataset(dataset);
		},
		async reread({ choices }, ctx) {
			const { dataset: before, file } = loaded();
			const dataset = await read(file, before.fileName, choices, ctx);
			current = { dataset, file, split: null };
			return summarizeDataset(dataset);
		},
		async setMissingTokens({ tokens }) {
			const state = loaded();
			const dataset = setMissingTokens(state.dataset, tokens);
			current = { ...state, dataset, split: null };
			return summarizeDataset(dataset);
		},
		async setColumn({ column, choice }) {
			const state = loaded();
			const { dataset, report, target } = chooseColumn(state.dataset, column, choice);
			current = { ...state, dataset };
			return { report, target };
		},
		async profile({ target }, ctx) {
			return profileDataset(loaded().dataset, target, ctx);
		},
		async page({ start, count }) {
			return rawRows(loaded().dataset.raw, start, Math.min(count, MAX_PAGE_ROWS));
		},
		async split({ target, task, classes, plan, query }) {
			const state = loaded();
			const split = splitDataset(state.dataset, target, task, classes, plan, query ?? null);
			current = { ...state, split };
			return split;
		},
		async rows({ split, part, limit }) {
			return transferred(openRows(split, part, limit));
		},
		async revealTest({ split, revealedAt }) {
			const rowIds = revealTestRows(heldSplit(split), { revealedAt });
			const test = selectRawRows(loaded().dataset.raw, rowIds);
			return new Transfer({ test, rowIds }, [...buffersOf(test), rowIds.buffer]);
		},
		async splitReport({ split, target, classes }) {
			return datasetSplitReport(loaded().dataset, heldSplit(split), target, classes);
		},
		async lint({ target, task, classes, split }) {
			const held = split && heldSplit(split);
			return lintDataset(loaded().dataset, { target, task, classes, split: held });
		},
		async columnHints({ column }) {
			return columnHints(loaded().dataset, column);
		},
		async previewRecipe({ recipe, split, target, seed }) {
			const rows = split ? partRows(heldSplit(split), 'train') : null;
			return previewOnDataset(loaded().dataset, { recipe, rows, target, seed });
		},
		async baselineCheck({ target, spec, split, seed }, ctx) {
			const held = split && heldSplit(split);
			return baselineCheckOnDataset(loaded().dataset, { target, spec, split: held, seed }, ctx);
		},
		async mistakeDemo({ split, ...request }, ctx) {
			const parts = { train: openRows(split, 'train'), val: openRows(split, 'val') };
			return mistakeDemo(parts, datasetSchema(loaded().dataset), request, ctx);
		},
		async monitor({ file, fileName, split, pipeline, reference: stats, ...against }, ctx) {
			// The reference is a retrained version's statistics, or the train part, read here: the
			// monitor never sees test rows.
			const reference = stats ?? openRows(split, 'train');
			const batch = await readBatch(blobSource(file), fileName, pipeline.schema, ctx);
			return monitorBatch({ pipeline, reference, batch, ...against });
		},
		async referenceStats({ split, pipeline, target }) {
			return referenceStats(pipeline, openRows(split, 'train'), target);
		},
		async retrainData({ file, fileName, split, schema, target, seed }, ctx) {
			const batch = await readBatch(blobSource(file), fileName, schema, ctx);
			if (batch.kind === 'log')
				throw new CoreError(
					'no-labels',
					`${fileName} is a prediction log: it holds the model's answers, not the true ones. Retrain on a CSV of new rows with their "${target.name}" values.`
				);
			const train = openRows(split, 'train');
			const val = openRows(split, 'val');
			return retrainData(train, val, batch.raw, fileName, schema, target, seed);
		},
		async simulate({ split, pipeline, reference: stats, target, plan, options, kpis }) {
			// Held-back rows replayed: validation rows, never test rows.
			const reference = stats ?? openRows(split, 'train');
			const pool = openRows(split, 'val');
			return simulateTraffic({ pipeline, reference, pool, target, plan, options, kpis });
		},
		async judgeCandidate({ live, candidate, parts, train, target }) {
			return judgeCandidate(live, candidate, parts, train, target);
		},
		async packProject({ project, savedAt, extra }) {
			const { dataset, file } = loaded();
			if (project.dataset?.fingerprint !== dataset.fingerprint)
				throw new CoreError(
					'project-file',
					'The project is not the one the loaded data belongs to; reload the page and try again.'
				);
			const zipped = packProject(project, new Uint8Array(await file.arrayBuffer()), savedAt, extra);
			return new Transfer(zipped, [zipped.buffer]);
		},
		async packAssignment(request) {
			const { dataset, file } = loaded();
			const original = new Uint8Array(await file.arrayBuffer());
			const zipped = await packAssignment(request, dataset.raw, original, dataset.fileName);
			return new Transfer(zipped, [zipped.buffer]);
		},
		async unpackProject({ file, fileName }) {
			const unpacked = await unpackProject(new Uint8Array(await file.arrayBuffer()), fileName);
			return { ...unpacked, data: new Blob([unpacked.data as Uint8Array<ArrayBuffer>]) };
		}
	};
}

function buffersOf(table: RawTable): ArrayBuffer[] {
	return table.columns.flatMap((c) =>
		c.numbers ? [c.codes.buffer, c.numbers.buffer] : [c.codes.buffer]
	) as ArrayBuffer[];
}

function transferred(table: RawTable): Transfer<RawTable> {
	return new Transfer(table, buffersOf(table));
}
