import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LeakFinding } from '../../../../src/core/prepare/leakage/leakage';
import type { Mistake } from '../../../../src/core/prepare/mistakes/mistake-demo';
import { DefineStage } from '../../../../src/ui/stages/define/define-stage.svelte';
import { LeakageLint } from '../../../../src/ui/stages/prepare/leakage-lint.svelte';
import { MistakeDemos } from '../../../../src/ui/stages/prepare/mistake-demos.svelte';
import { PrepareStage } from '../../../../src/ui/stages/prepare/prepare-stage.svelte';
import { RecipeEditor } from '../../../../src/ui/stages/prepare/recipe-editor.svelte';
import { DATASETS_DIR } from '../../../core/reference';
import { dataClient, dataSession } from '../../data-client';

const LEAK: Mistake = { kind: 'leaky-column', columns: ['casual', 'registered'] };
const BY_DAY: Mistake = { kind: 'random-split', column: 'dteday' };

/** bike_day.csv loaded in a session on the real data handlers, with cnt as the target. */
async function setup() {
	const data = dataClient();
	const session = dataSession(data.client);
	const bytes = readFileSync(`${DATASETS_DIR}bike_day.csv`);
	await session.loadFile(new Blob([bytes]), 'bike_day.csv');
	new DefineStage(session).setTarget('cnt');
	const stage = new PrepareStage(session);
	const lint = new LeakageLint(session, stage, new RecipeEditor(session));
	return { session, stage, lint, demos: new MistakeDemos(session, stage, lint), calls: data.calls };
}

/** Runs the leakage lint now, as the panel's effect would after its pause. */
async function lintNow(lint: LeakageLint): Promise<LeakFinding[]> {
	lint.schedule();
	await expect.poll(() => lint.current, { timeout: 10_000, interval: 50 }).toBe(true);
	return lint.shown!;
}

describe('MistakeDemos', () => {
	it('offers the random-split demonstration on a dated series, and asks for the split first', async () => {
		const { session, stage, demos, calls } = await setup();
		expect(session.project.brief).toMatchObject({ target: 'cnt', task: 'regression' });
		expect(demos.timeColumn).toBe('dteday');
		expect(demos.blocker(BY_DAY)).toMatch(/^Make the split first/);
		await demos.run(BY_DAY, 'Comparing');
		expect(calls).not.toContain('mistakeDemo');
		stage.setSplitPlan({ kind: 'time', column: 'dteday' });
		expect(demos.timeColumn).toBeNull();
	});

	it('shows what the leak does, on the split, beside the finding the user could drop', async () => {
		const { session, stage, lint, demos } = await setup();
		await stage.makeSplit();
		const findings = await lintNow(lint);
		const sum = findings.find((f) => f.check === 'target-sum')!;
		expect(demos.leakColumns(sum)).toEqual(['casual', 'registered']);
		const onTime = findings.find((f) => f.check === 'random-split-on-time')!;
		expect(demos.leakColumns(onTime)).toBeNull();
		expect(demos.blocker(LEAK)).toBeNull();
		await demos.run(LEAK, 'Showing');
		const shown = demos.shown(LEAK);
		if (shown?.kind !== 'done' || shown.demo.kind !== 'leaky-column') throw new Error('no demo');
		expect(shown.demo.withLeak.value).toBeLessThan(20);
		expect(shown.demo.withoutLeak.value).toBeGreaterThan(600);
		expect(shown.lesson.join(' ')).toMatch(/mirage/);
		expect(session.error).toBeNull();
		// A new seed is another project: the old scores no longer describe it.
		stage.setSeed(7);
		expect(demos.shown(LEAK)).toBeNull();
		// The fix beside the scores is the finding's own.
		stage.setSeed(42);
		await demos.fixLeak(sum);
		expect(session.project.recipe).toEqual([
			expect.objectContaining({ kind: 'drop-columns', columns: ['casual', 'registered'] })
		]);
	});

	it('compares a random split with a split by time, leaving the suspects out, then splits by time', async () => {
		const { session, stage, lint, demos } = await setup();
		await stage.makeSplit();
		await lintNow(lint);
		await demos.run(BY_DAY, 'Comparing');
		const shown = demos.shown(BY_DAY);
		if (shown?.kind !== 'done' || shown.demo.kind !== 'random-split') throw new Error('no demo');
		expect(shown.demo.leftOut).toEqual(['casual', 'registered']);
		expect(shown.demo.random.value).toBeLessThan(0.85 * shown.demo.byTime.value);
		expect(shown.lesson.join(' ')).toMatch(/The random split is optimistic/);
		await demos.splitByTime('dteday');
		expect(session.project.splitPlan).toMatchObject({ kind: 'time', column: 'dteday' });
		expect(session.project.split?.plan).toMatchObject({ kind: 'time', column: 'dteday' });
		expect(session.project.audit.at(-1)?.action).toMatch(/^Split .*\(time on dteday, seed 42\)/);
		expect(demos.timeColumn).toBeNull();
	});

	it('says beside the button why a demonstration cannot run, not as an app error', async () => {
		const { session, stage, demos } = await setup();
		await stage.makeSplit();
		for (const column of session.inputs.map((c) => c.name))
			if (column !== 'casual') stage.setFeature(column, false);
		const alone: Mistake = { kind: 'leaky-column', columns: ['casual'] };
		await demos.run(alone, 'Showing');
		const shown = demos.shown(alone);
		if (shown?.kind !== 'failed') throw new Error('expected a failure');
		expect(shown.error.code).toBe('only-input');
		expect(shown.error.message).toMatch(/"casual" is the only input of the model/);
		expect(session.error).toBeNull();
	});
});
