// Retraining as the Ship stage runs it, on California housing: the live model is the default
// linear regression on the app's train rows; dirty/housing_drift_current.csv (3000 labelled rows,
// four inputs drifted on purpose) is the new data. Both versions are judged on the same fixed
// set: the validation rows and the batch rows held out of retraining.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	compareVersions,
	HELD_OUT_SHARE,
	judgeCandidate,
	retrainData,
	retrainRows,
	type RetrainData
} from '../../../src/core/registry/retrain';
import type { Pipeline } from '../../../src/core/ship/pipeline';
import { DEFAULT_SPLIT_PLAN } from '../../../src/core/split/split';
import { bytesSource, ingestCsv } from '../../../src/core/table/ingest';
import type { DatasetSchema } from '../../../src/core/table/schema';
import { selectRawRows, type RawTable } from '../../../src/core/table/table';
import { trainRun, type TrainRequest } from '../../../src/core/train/train-run';
import { expectCoreError, ingestText } from '../helpers';
import { DATASETS_DIR } from '../reference';
import { HOUSING_TARGET, housingModel } from '../housing';

const TARGET = HOUSING_TARGET;
const SEED = DEFAULT_SPLIT_PLAN.seed;

describe('retraining on a labelled batch', () => {
	let base: Omit<TrainRequest, 'train' | 'val'>;
	let schema: DatasetSchema;
	let train: RawTable;
	let val: RawTable;
	let batch: RawTable;
	let data: RetrainData;
	let live: Pipeline;

	beforeAll(async () => {
		({ train, val, schema, fit: base, pipeline: live } = await housingModel());
		const current = readFileSync(`${DATASETS_DIR}dirty/housing_drift_current.csv`);
		batch = (await ingestCsv(bytesSource(new Uint8Array(current)))).raw;
		data = retrainData(train, val, batch, 'housing_drift_current.csv', schema, TARGET, SEED);
	});

	it('adds 70% of the labelled batch rows to train and holds out the rest, the same each time', () => {
		const { rows } = data;
		expect([rows.added.length, rows.heldOut.length, rows.unlabelled]).toEqual([2100, 900, 0]);
		expect(rows.heldOut.length).toBe(Math.ceil(3000 * HELD_OUT_SHARE));
		const all = [...rows.added, ...rows.heldOut].sort((a, b) => a - b);
		expect(all).toEqual(Array.from({ length: 3000 }, (_, i) => i));
		expect(data.train.rowCount).toBe(12384 + 2100);
		expect(data.train.columns.map((c) => c.name)).toEqual(schema.columns.map((c) => c.name));
		expect(data.evaluation.map((p) => [p.name, p.table.rowCount])).toEqual([
			['validation rows', val.rowCount],
			['held-out rows of housing_drift_current.csv', 900]
		]);
		const again = retrainRows(batch, 'b.csv', schema, TARGET, SEED);
		expect(again.heldOut).toEqual(rows.heldOut);
		expect(retrainRows(batch, 'b.csv', schema, TARGET, SEED + 1).heldOut).not.toEqual(rows.heldOut);
	});

	it('judges both versions on the same rows: the retrained one does better on the recent rows', async () => {
		const candidate = (await trainRun({ ...base, train: data.train, val: data.val })).pipeline;
		const [onVal, onRecent] = compareVersions(live, candidate, data.evaluation, TARGET);
		expect([onVal.rows, onRecent.rows]).toEqual([val.rowCount, 900]);
		expect([onVal.problem, onRecent.problem]).toEqual([null, null]);
		// The live model scores 80,595 on the whole drifted batch (housing-monitor.test.ts).
		expect(onRecent.candidate!.rmse!).toBeLessThan(onRecent.live!.rmse!);
		expect(onRecent.live!.rmse!).toBeGreaterThan(onVal.live!.rmse!);
		// On the validation rows (old data) it does about as well as the live model.
		expect(onVal.candidate!.rmse!).toBeLessThan(onVal.live!.rmse! * 1.01);
		// Its drift reference is what it was trained on: the train rows and the batch rows added.
		const judged = judgeCandidate(live, candidate, data.evaluation, data.train, TARGET);
		expect(judged.comparison).toEqual([onVal, onRecent]);
		expect(judged.reference.rows).toBe(12384 + 2100);
	});

	it('refuses a batch without labels, or with too few', async () => {
		const unlabelled = (await ingestText('longitude,latitude\n1,2\n3,4\n')).raw;
		await expectCoreError(
			() => retrainRows(unlabelled, 'u.csv', schema, TARGET, SEED),
			'no-labels',
			/u\.csv has no "median_house_value" column/
		);
		const few = selectRawRows(
			batch,
			Int32Array.from({ length: 19 }, (_, i) => i)
		);
		await expectCoreError(
			() => retrainRows(few, 'few.csv', schema, TARGET, SEED),
			'too-few-labels',
			/few\.csv has 19 row\(s\) with a "median_house_value" value; retraining needs at least 20/
		);
	});
});
