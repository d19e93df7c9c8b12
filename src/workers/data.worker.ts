// The data worker: holds the loaded file and dataset, and answers with summaries and selected rows.
import {
	chooseColumn,
	loadDataset,
	setMissingTokens,
	splitDataset,
	summarizeDataset,
	type Dataset
} from '../core/table/dataset';
import { profileDataset } from '../core/profile/profile-dataset';
import type { ByteSource } from '../core/table/ingest';
import { rawRows, selectRawRows } from '../core/table/table';
import { CoreError } from '../core/util/core-error';
import { serve, Transfer, type WorkerScope } from './host';
import type { DataApi } from './protocol';

const MAX_PAGE_ROWS = 1000;

let current: { dataset: Dataset; file: Blob } | null = null;

function loaded(): { dataset: Dataset; file: Blob } {
	if (!current) throw new CoreError('no-dataset', 'No dataset is loaded.');
	return current;
}

/** Reads a Blob slice by slice: the file is never one buffer or one string. */
function blobSource(file: Blob): ByteSource {
	return {
		size: file.size,
		read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer())
	};
}

serve<DataApi>(self as unknown as WorkerScope, {
	async ingest({ file, fileName, choices }, ctx) {
		// Replace the current dataset only once the new one has loaded: a failure or a cancel keeps it.
		const dataset = await loadDataset(blobSource(file), fileName, choices, ctx);
		current = { dataset, file };
		return summarizeDataset(dataset);
	},
	async reread({ choices }, ctx) {
		const { dataset: before, file } = loaded();
		const dataset = await loadDataset(blobSource(file), before.fileName, choices, ctx);
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
	async rows({ rows }) {
		const table = selectRawRows(loaded().dataset.raw, rows);
		const buffers = table.columns.flatMap((c) =>
			c.numbers ? [c.codes.buffer, c.numbers.buffer] : [c.codes.buffer]
		);
		return new Transfer(table, buffers);
	}
});
