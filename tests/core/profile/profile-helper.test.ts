// Part of a profile can be done by another worker (the data worker's helper): the result must be
// exactly the one-worker profile, and a helper that fails must change nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileAway, type ProfileHelper } from '../../../src/core/profile/profile';
import { profileDataset } from '../../../src/core/profile/profile-dataset';
import { RELATION_SAMPLE_ROWS } from '../../../src/core/profile/relations';
import { loadDataset } from '../../../src/core/table/dataset';
import { bytesSource } from '../../../src/core/table/ingest';
import { CoreError } from '../../../src/core/util/core-error';
import { expectCoreError } from '../helpers';

const DATASETS = new URL('../../../../shared/datasets/', import.meta.url);

function load(file: string) {
	const bytes = new Uint8Array(readFileSync(new URL(file, DATASETS)));
	return loadDataset(bytesSource(bytes), file);
}

/** A helper in this thread that copies its work, as posting it to a worker does. */
function helper(): ProfileHelper & { columns: string[] } {
	const columns: string[] = [];
	return Object.assign(
		async (...[work, ctx]: Parameters<ProfileHelper>) => {
			columns.push(...work.columns.map((c) => c.name));
			return profileAway(structuredClone(work), ctx);
		},
		{ columns }
	);
}

describe('a profile with a helper worker', () => {
	it.each([
		['bike_hour.csv', 'cnt'],
		['adult_test.csv', 'income'],
		['dirty/housing_mixed_types_dates.csv', null]
	])('equals the one-worker profile of %s', async (file, target) => {
		const dataset = await load(file);
		const away = helper();
		const alone = await profileDataset(dataset, target);
		const helped = await profileDataset(dataset, target, {}, away);
		expect(helped).toEqual(alone);
		// Some columns were profiled by the helper.
		expect(away.columns.length).toBeGreaterThan(0);
	});

	it('keeps the relationships of a table larger than the sample', async () => {
		const rows = RELATION_SAMPLE_ROWS + 1000;
		const csv = `a,b,c,d\n${Array.from({ length: rows }, (_, i) => `${i % 97},${(i * 7) % 13},${i % 3 ? 'x' : 'y'},${Math.sqrt(i)}`).join('\n')}\n`;
		const dataset = await loadDataset(bytesSource(new TextEncoder().encode(csv)), 'x.csv');
		const helped = await profileDataset(dataset, 'c', {}, helper());
		expect(helped.profile.relations.sampled).toBe(true);
		expect(helped).toEqual(await profileDataset(dataset, 'c'));
	});

	it('does the work itself when the helper fails', async () => {
		const dataset = await load('bike_day.csv');
		const crashed: ProfileHelper = async () => {
			throw new CoreError('worker-crashed', 'A background worker stopped unexpectedly.');
		};
		expect(await profileDataset(dataset, 'cnt', {}, crashed)).toEqual(
			await profileDataset(dataset, 'cnt')
		);
	});

	it('is cancelled with the helper', async () => {
		const dataset = await load('bike_day.csv');
		const controller = new AbortController();
		let helperSignal: AbortSignal | undefined;
		const cancelling: ProfileHelper = async (work, ctx) => {
			helperSignal = ctx.signal;
			controller.abort();
			return profileAway(work, ctx);
		};
		await expectCoreError(
			() => profileDataset(dataset, 'cnt', { signal: controller.signal }, cancelling),
			'cancelled'
		);
		expect(helperSignal?.aborted).toBe(true);
	});
});
