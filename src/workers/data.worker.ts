// The data worker: holds the loaded dataset and answers with summaries and selected rows.
import {
	loadDataset,
	retypeColumn,
	splitDataset,
	summarizeDataset,
	type Dataset
} from '../core/table/dataset';
import { selectRawRows } from '../core/table/table';
import { CoreError } from '../core/util/core-error';
import { serve, Transfer, type WorkerScope } from './host';
import type { DataApi } from './protocol';

let current: Dataset | null = null;

function loaded(): Dataset {
	if (!current) throw new CoreError('no-dataset', 'No dataset is loaded.');
	return current;
}

serve<DataApi>(self as unknown as WorkerScope, {
	async ingest({ file, fileName, overrides }, ctx) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		// Replace the current dataset only once the new one has loaded: a failure or a cancel keeps it.
		current = await loadDataset(bytes, fileName, overrides, ctx);
		return summarizeDataset(current);
	},
	async setKind({ column, kind }) {
		const { dataset, report, target } = retypeColumn(loaded(), column, kind);
		current = dataset;
		return { report, target };
	},
	async split({ target, task, classes, plan }) {
		return splitDataset(loaded(), target, task, classes, plan);
	},
	async rows({ rows }) {
		const table = selectRawRows(loaded().raw, rows);
		return new Transfer(
			table,
			table.columns.map((c) => c.codes.buffer)
		);
	}
});
