import { describe, expect, it } from 'vitest';
import {
	addCandidate,
	decide,
	EMPTY_REGISTRY,
	liveVersion,
	openCandidate,
	registryDocument,
	rollBack,
	shipEvaluated,
	type Registry
} from '../../../src/core/registry/versions';
import type { ReferenceStats } from '../../../src/core/monitor/reference-stats';
import type { Pipeline } from '../../../src/core/ship/pipeline';
import { expectCoreError } from '../helpers';

// A stand-in pipeline: the registry keeps it and never looks inside.
const pipeline = { marker: 'p' } as unknown as Pipeline;
const spec = { kind: 'linear', l2: 1 } as const;
const retrain = {
	from: 1,
	fileName: 'b.csv',
	added: 70,
	heldOut: 30,
	unlabelled: 2,
	trainRows: 600,
	recipeHash: 'h',
	seed: 42,
	backend: 'js'
};
const reference: ReferenceStats = {
	source: 'train rows',
	rows: 670,
	target: 'y',
	prediction: 'prediction',
	columns: [{ name: 'y', kind: 'number', rows: 670, missing: 0, values: [1], counts: [670] }]
};
const comparison = [
	{ name: 'validation rows', rows: 100, live: { rmse: 2 }, candidate: { rmse: 1.9 }, problem: null }
];

function evaluated(runId = 'run-2', at = 't1') {
	return {
		reason: `Shipped ${runId} (linear)`,
		runId,
		testLook: runId,
		spec,
		pipeline,
		valMetrics: { rmse: 2 },
		createdAt: at
	};
}

function shipped(): Registry {
	return shipEvaluated(EMPTY_REGISTRY, {
		reason: 'Shipped run-2 (linear)',
		runId: 'run-2',
		testLook: 'run-2',
		spec,
		pipeline,
		valMetrics: { rmse: 2 },
		createdAt: 't1'
	});
}

function withCandidate(registry = shipped(), at = 't2'): Registry {
	return addCandidate(registry, {
		reason: 'Retrained on b.csv',
		runId: null,
		testLook: 'run-2',
		spec,
		pipeline,
		valMetrics: { rmse: 1.9 },
		createdAt: at,
		retrain,
		comparison,
		reference
	});
}

describe('the model registry', () => {
	it('ships version 1 live, once', async () => {
		const registry = shipped();
		expect(liveVersion(registry)).toMatchObject({ number: 1, status: 'live', runId: 'run-2' });
		expect(registry.versions[0].liveSpans).toEqual([{ from: 't1', until: null }]);
		await expectCoreError(() => shipEvaluated(registry, evaluated()), 'already-shipped');
	});

	it('ships a model evaluated later as the next version, retiring the live one', async () => {
		const later = shipEvaluated(shipped(), evaluated('run-5', 't2'));
		expect(later.versions.map((v) => [v.number, v.status, v.testLook])).toEqual([
			[1, 'retired', 'run-2'],
			[2, 'live', 'run-5']
		]);
		expect(later.events.at(-1)?.text).toBe(
			'Version 2 live (version 1 retired): Shipped run-5 (linear)'
		);
		// Version 1's test scores went with its evaluation: it cannot be shipped again.
		await expectCoreError(() => rollBack(later, 1, 't3', 'run-5'), 'other-evaluation', /run-2/);
		await expectCoreError(
			() => shipEvaluated(withCandidate(), evaluated('run-5', 't3')),
			'candidate-open'
		);
	});

	it('adds one candidate at a time, only once something is live', async () => {
		await expectCoreError(
			() =>
				addCandidate(EMPTY_REGISTRY, { ...shipped().versions[0], retrain, comparison, reference }),
			'nothing-live'
		);
		const registry = withCandidate();
		expect(openCandidate(registry)).toMatchObject({ number: 2, status: 'candidate', retrain });
		expect(liveVersion(registry)?.number).toBe(1);
		await expectCoreError(() => withCandidate(registry, 't3'), 'candidate-open', /Version 2/);
		// A candidate retrained from a version no longer live is refused.
		const moved = shipEvaluated(shipped(), evaluated('run-5', 't2'));
		await expectCoreError(
			() => withCandidate(moved, 't3'),
			'not-from-live',
			/version 2 is live now/
		);
	});

	it('approves a candidate with a note: it goes live and the live version retires', async () => {
		const registry = withCandidate();
		await expectCoreError(() => decide(registry, 2, true, '  ', 't3'), 'no-note');
		await expectCoreError(() => decide(registry, 1, true, 'why', 't3'), 'not-candidate');
		const approved = decide(registry, 2, true, 'Better on the recent rows', 't3');
		expect(liveVersion(approved)?.number).toBe(2);
		expect(approved.versions[0]).toMatchObject({
			status: 'retired',
			liveSpans: [{ from: 't1', until: 't3' }]
		});
		expect(approved.versions[1].decision).toEqual({
			approved: true,
			note: 'Better on the recent rows',
			at: 't3'
		});
		expect(approved.events.at(-1)?.text).toBe(
			'Version 2 approved and live (version 1 retired): Better on the recent rows'
		);
	});

	it('rejects a candidate with a note: the live version stays, and a new candidate may follow', () => {
		const rejected = decide(withCandidate(), 2, false, 'Worse on validation', 't3');
		expect(rejected.versions[1]).toMatchObject({ status: 'rejected', liveSpans: [] });
		expect(liveVersion(rejected)?.number).toBe(1);
		expect(withCandidate(rejected, 't4').versions.map((v) => [v.number, v.status])).toEqual([
			[1, 'live'],
			[2, 'rejected'],
			[3, 'candidate']
		]);
	});

	it('rolls back to a retired version in one step, and forward again', async () => {
		const approved = decide(withCandidate(), 2, true, 'ok', 't3');
		await expectCoreError(() => rollBack(approved, 2, 't4', 'run-2'), 'not-retired', /live/);
		const back = rollBack(approved, 1, 't4', 'run-2');
		expect(liveVersion(back)?.number).toBe(1);
		expect(back.versions[0].liveSpans).toEqual([
			{ from: 't1', until: 't3' },
			{ from: 't4', until: null }
		]);
		expect(back.versions[1]).toMatchObject({
			status: 'retired',
			liveSpans: [{ from: 't3', until: 't4' }]
		});
		expect(back.events.at(-1)?.text).toBe('Rolled back to version 1 (version 2 retired)');
		const forward = rollBack(back, 2, 't5', 'run-2');
		expect(liveVersion(forward)?.number).toBe(2);
		expect(forward.versions.filter((v) => v.status === 'live')).toHaveLength(1);
		const rejected = decide(withCandidate(), 2, false, 'no', 't3');
		await expectCoreError(() => rollBack(rejected, 2, 't4', 'run-2'), 'not-retired', /rejected/);
		await expectCoreError(() => rollBack(rejected, 9, 't4', 'run-2'), 'no-version');
		// Rolling back under an open candidate would leave it compared with a version not live.
		const open = withCandidate(rejected, 't5');
		const retiredOne = decide(withCandidate(), 2, true, 'ok', 't3');
		const withOpen = addCandidate(retiredOne, {
			...evaluated('run-2', 't4'),
			runId: null,
			retrain: { ...retrain, from: 2 },
			comparison,
			reference
		});
		await expectCoreError(
			() => rollBack(withOpen, 1, 't5', 'run-2'),
			'candidate-open',
			/Version 3/
		);
		expect(openCandidate(open)?.number).toBe(3);
	});

	it('exports every version and event as one JSON document', () => {
		const registry = decide(withCandidate(), 2, true, 'ok', 't3');
		const document = JSON.parse(registryDocument(registry, 'titanic-Survived', 't9'));
		expect(document).toMatchObject({
			format: 'shipshape-registry',
			formatVersion: 1,
			project: 'titanic-Survived',
			exportedAt: 't9'
		});
		expect(document.versions).toEqual(JSON.parse(JSON.stringify(registry.versions)));
		expect(document.events).toHaveLength(3);
	});
});
