import { describe, expect, it } from 'vitest';
import type { EvaluationRecord, RunRecord } from '../../../../src/core/project/project';
import type { ModelVersion } from '../../../../src/core/registry/versions';
import { DefineStage } from '../../../../src/ui/stages/define/define-stage.svelte';
import { PrepareStage } from '../../../../src/ui/stages/prepare/prepare-stage.svelte';
import { Versions } from '../../../../src/ui/stages/ship/versions.svelte';
import { dataClient, dataSession } from '../../data-client';

const CSV = `colour,size,y\n${Array.from(
	{ length: 40 },
	(_, i) => `${i % 4 === 0 ? 'red' : 'blue'},${i % 3},${i % 4 === 0 ? 'yes' : 'no'}`
).join('\n')}\n`;

describe('retraining a version', () => {
	it('is refused when the recipe or the inputs changed since the live version was trained', async () => {
		const { client: data, calls } = dataClient();
		const session = dataSession(data);
		await session.loadFile(new Blob([CSV]), 'colours.csv');
		new DefineStage(session).setTarget('y');
		await new PrepareStage(session).makeSplit();
		expect(session.project.split).not.toBeNull();
		// Version 1 was trained from run-1 with another recipe than the project's now.
		session.update({
			...session.project,
			runs: [{ id: 'run-1', recipeHash: 'an older recipe' } as RunRecord],
			evaluation: { runId: 'run-1' } as EvaluationRecord
		});
		const live = {
			number: 1,
			runId: 'run-1',
			testLook: 'run-1',
			retrain: null
		} as ModelVersion;
		const versions = new Versions(session, {
			registry: { versions: [live], events: [] },
			live,
			current: live,
			testLook: 'run-1',
			candidate: null
		});
		await versions.retrain({ file: new Blob(['colour,size,y\n']), name: 'new.csv' });
		expect(session.error).toMatchObject({ code: 'recipe-changed' });
		expect(session.error?.message).toMatch(/changed since version 1 was trained/);
		expect(calls).not.toContain('retrainData');
	});
});
