// The data worker: holds the loaded file and dataset, and answers with summaries and selected rows.
import {
	chooseColumn,
	loadDataset,
	setMissingTokens,
	type ReadChoices,
	splitDataset,
	summarizeDataset,
	type Dataset
} from '../core/table/dataset';
import { profileDataset } from '../core/profile/profile-dataset';
import type { TaskContext } from '../core/util/task';
import { rawRows, selectRawRows, type RawTable } from '../core/table/table';
import { partRows, revealTestRows } from '../core/split/split';
import { previewOnDataset } from '../core/prepare/preview';
import { columnHints } from '../core/prepare/column-hints';
import { lintDataset } from '../core/prepare/lint-dataset';
import { datasetSplitReport } from '../core/split/dataset-split-report';
import { CoreError } from '../core/util/core-error';
import { serve, Transfer, type WorkerScope } from './host';
import { blobSource, helperPartReader } from './helper';
import type { DataApi } from './protocol';

const MAX_PAGE_ROWS = 1000;

let current: { dataset: Dataset; file: Blob } | null = null;

function loaded(): { dataset: Dataset; file: Blob } {
	if (!current) throw new CoreError('no-dataset', 'No dataset is loaded.');
	return current;
}

/** Reads a file with both cores where a worker can start a helper worker. */
function read(file: Blob, fileName: string, choices: ReadChoices, ctx: TaskContext) {
	return loadDataset(blobSource(file), fileName, choices, ctx, {
		readPart: helperPartReader(file)
	});
}

serve<DataApi>(self as unknown as WorkerScope, {
	async ingest({ file, fileName, choices }, ctx) {
		// Replace the current dataset only once the new one has loaded: a failure or a cancel keeps it.
		const dataset = await read(file, fileName, choices, ctx);
		current = { dataset, file };
		return summarizeDataset(dataset);
	},
	async reread({ choices }, ctx) {
		const { dataset: before, file } = loaded();
		const dataset = await read(file, before.fileName, choices, ctx);
		current = { dataset, file };
		return summarizeDataset(dataset);
	},
	async setMissingTokens({ tokens }) {
		const state = loaded();
		const dataset = setMissingTokens(state.dataset, tokens);
		current = { ...state, dataset };
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
	async split({ target, task, classes, plan }) {
		return splitDataset(loaded().dataset, target, task, classes, plan);
	},
	async rows({ split, part, limit }) {
		const rows = partRows(split, part);
		return transferred(selectRawRows(loaded().dataset.raw, rows.subarray(0, limit ?? rows.length)));
	},
	async revealTest({ split, revealedAt }) {
		const rowIds = revealTestRows(split, { revealedAt });
		const test = selectRawRows(loaded().dataset.raw, rowIds);
		return new Transfer({ test, rowIds }, [...buffersOf(test), rowIds.buffer]);
	},
	async splitReport({ split, target, classes }) {
		return datasetSplitReport(loaded().dataset, split, target, classes);
	},
	async lint({ target, task, classes, split }) {
		return lintDataset(loaded().dataset, { target, task, classes, split });
	},
	async columnHints({ column }) {
		return columnHints(loaded().dataset, column);
	},
	async previewRecipe({ recipe, split, target, seed }) {
		const rows = split ? partRows(split, 'train') : null;
		return previewOnDataset(loaded().dataset, { recipe, rows, target, seed });
	}
});

function buffersOf(table: RawTable): ArrayBuffer[] {
	return table.columns.flatMap((c) =>
		c.numbers ? [c.codes.buffer, c.numbers.buffer] : [c.codes.buffer]
	) as ArrayBuffer[];
}

function transferred(table: RawTable): Transfer<RawTable> {
	return new Transfer(table, buffersOf(table));
}
