// The shared datasets read as the app reads them, with what the leakage lint needs.
import { readFileSync } from 'node:fs';
import { summarizeTarget } from '../../../../src/core/brief/target';
import type { TaskKind } from '../../../../src/core/brief/task';
import type { BeforeSplitInput } from '../../../../src/core/prepare/leakage/leakage';
import { identifierColumns } from '../../../../src/core/profile/profile-dataset';
import { datasetSchema, loadDataset, type Dataset } from '../../../../src/core/table/dataset';
import { bytesSource } from '../../../../src/core/table/ingest';
import { typeTable } from '../../../../src/core/table/schema';
import { findColumn } from '../../../../src/core/table/table';
import { DATASETS_DIR } from '../../reference';

/** A shared dataset with its target (from README.md or dirty/MANIFEST.json). */
export interface LintFile {
	file: string;
	target: string;
	/** The task, when not the one the target suggests. */
	task?: TaskKind;
}

/** A dataset loaded, and the lint's input for its target with the task the target suggests. */
export interface LoadedFile {
	dataset: Dataset;
	input: BeforeSplitInput;
}

const loaded = new Map<string, Promise<LoadedFile>>();

/** Loads a shared dataset (a path under /work/shared/datasets) once per test file. */
export function loadLintFile({ file, target, task }: LintFile): Promise<LoadedFile> {
	const key = `${file}:${target}:${task ?? ''}`;
	let result = loaded.get(key);
	if (!result) {
		result = load(file, target, task);
		loaded.set(key, result);
	}
	return result;
}

async function load(file: string, target: string, task?: TaskKind): Promise<LoadedFile> {
	const bytes = new Uint8Array(readFileSync(DATASETS_DIR + file));
	const dataset = await loadDataset(bytesSource(bytes), file);
	const { table } = typeTable(dataset.raw, datasetSchema(dataset));
	const summary = summarizeTarget(findColumn(table.columns, target)!);
	const chosen = task ?? summary.suggestedTask!;
	const classes = chosen === 'regression' ? [] : summary.classes!.map((c) => c.label);
	return {
		dataset,
		input: {
			table,
			target,
			task: chosen,
			classes,
			reports: dataset.reports,
			identifiers: identifierColumns(dataset)
		}
	};
}
