// Quality against scikit-learn: each family fitted on a reference split's train rows (validation
// rows only for early stopping), scored once on its test rows, next to REFERENCE.md's figure for
// the same model kind. One JSON line per dataset and family.
import { DEFAULT_BOOSTING_SPEC } from '../src/core/models/boosting/boosting';
import type { ModelSpec } from '../src/core/models/model';
import { encodeTargetOf, predictTable, scorePrediction } from '../src/core/ship/pipeline';
import { typeTable } from '../src/core/table/schema';
import { findColumn } from '../src/core/table/table';
import { trainRun } from '../src/core/train/train-run';
import {
	loadReference,
	REFERENCE,
	referenceRequest,
	type ReferenceInfo,
	type ReferenceModel,
	type ReferenceName
} from '../tests/core/reference';

/** Our spec closest to each scikit-learn model REFERENCE.md fits with library defaults. */
export const REFERENCE_SPECS: Partial<Record<ReferenceModel, ModelSpec>> = {
	baseline: { kind: 'baseline' },
	linear: { kind: 'linear', l2: 1 },
	// scikit-learn grows the tree fully: no depth cap, one row per leaf.
	decision_tree: { kind: 'tree', criterion: 'gini', maxDepth: 64, minSamplesLeaf: 1 },
	hist_gb: DEFAULT_BOOSTING_SPEC
};

/** ROC-AUC and accuracy within 0.01 below the reference; RMSE within 3 % above it. */
export function withinTolerance(info: ReferenceInfo, ours: number, reference: number): boolean {
	if (info.metric === 'rmse') return ours <= reference * 1.03;
	return ours >= reference - 0.01;
}

/** Returns the test metric of one family on one reference dataset. */
export async function referenceScore(name: ReferenceName, spec: ModelSpec): Promise<number> {
	const data = await loadReference(name);
	const info: ReferenceInfo = REFERENCE[name];
	const { pipeline } = await trainRun(referenceRequest(data, spec));
	const test = typeTable(data.parts.test, data.schema).table;
	const truth = encodeTargetOf(data.target, findColumn(test.columns, data.target.name)!);
	const metrics = scorePrediction(data.target, truth, predictTable(pipeline, test));
	return metrics[info.metric]!;
}

export async function qualityBench(
	families: readonly ReferenceModel[] = Object.keys(REFERENCE_SPECS) as ReferenceModel[]
): Promise<Record<string, number | string | boolean>[]> {
	const lines: Record<string, number | string | boolean>[] = [];
	for (const name of Object.keys(REFERENCE) as ReferenceName[]) {
		const info: ReferenceInfo = REFERENCE[name];
		for (const family of families) {
			const spec = REFERENCE_SPECS[family];
			if (!spec) continue;
			const start = performance.now();
			const value = await referenceScore(name, spec);
			const reference = info.scores[family];
			lines.push({
				figure: 'quality',
				dataset: name,
				family,
				metric: info.metric,
				value: Number(value.toPrecision(5)),
				sklearn: reference,
				within_tolerance: withinTolerance(info, value, reference),
				seconds: Number(((performance.now() - start) / 1000).toFixed(2))
			});
		}
	}
	return lines;
}
