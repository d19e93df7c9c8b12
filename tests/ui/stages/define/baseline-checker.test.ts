import { describe, expect, it } from 'vitest';
import type { Project } from '../../../../src/core/project/project';
import { CoreError } from '../../../../src/core/util/core-error';
import { DefineStage } from '../../../../src/ui/stages/define/define-stage.svelte';
import { dataClient, dataSession } from '../../data-client';

// Colour decides y on every row; size on none.
const CSV = `colour,size,y\n${Array.from(
	{ length: 40 },
	(_, i) => `${i % 4 === 0 ? 'red' : 'blue'},${i % 3},${i % 4 === 0 ? 'yes' : 'no'}`
).join('\n')}\n`;

async function setup(failCheck: CoreError | null = null) {
	const data = dataClient((method) => (method === 'baselineCheck' ? failCheck : null));
	const session = dataSession(data.client);
	await session.loadFile(new Blob([CSV]), 'colours.csv');
	const stage = new DefineStage(session);
	return { session, stage, calls: data.calls };
}

const withKpi = (project: Project, threshold: number): Project => ({
	...project,
	brief: { ...project.brief, metric: 'accuracy', kpiThreshold: threshold }
});

describe('BaselineChecker', () => {
	it('waits for a target, then scores both baselines and gives the better to the KPI guidance', async () => {
		const { session, stage, calls } = await setup();
		const checker = stage.baselines;
		expect(checker.spec).toBeNull();
		expect(checker.schedule()).toBeTypeOf('function');
		stage.setTarget('y');
		expect(checker.spec).toMatchObject({ name: 'y', task: 'binary', positive: 'yes' });
		await checker.retry();
		expect(calls.filter((c) => c === 'baselineCheck')).toHaveLength(1);
		expect(checker.current).toBe(true);
		const check = checker.shown!;
		expect(check.basis).toMatch(/^a 75\/25 hold-out of all rows, before the split/);
		expect(check.rule!.column).toBe('colour');

		session.update(withKpi(session.project, 0.9));
		expect(checker.rows.map((r) => r.metric)).toEqual(['accuracy']);
		expect(checker.rows[0]).toMatchObject({ threshold: 0.9, rule: 1, ruleMeets: true });
		expect(checker.rows[0].baselineMeets).toBe(false);
		expect(checker.meeting).toEqual([
			{ label: 'one-rule baseline on colour', rule: true, metrics: ['accuracy'] }
		]);
		expect(stage.kpiBaseline?.label).toBe('one-rule baseline on colour');
		expect(stage.guidance.join(' ')).toMatch(
			/The one-rule baseline on colour already scores 1\.00/
		);
		// The same data, target and split: scheduling again asks nothing more.
		checker.schedule()();
		expect(calls.filter((c) => c === 'baselineCheck')).toHaveLength(1);
	});

	it('keeps a failure to itself: an error for the section, no baseline, the rest of Define works', async () => {
		const { session, stage } = await setup(new CoreError('no-dataset', 'No dataset is loaded.'));
		stage.setTarget('y');
		await stage.baselines.retry();
		expect(stage.baselines.check.error?.message).toBe('No dataset is loaded.');
		expect(session.error).toBeNull();
		expect(stage.kpiBaseline).toBeNull();
		stage.setKpi(0.7);
		expect(session.project.brief.kpiThreshold).toBe(0.7);
	});

	it('shows a check only for the target it was made for', async () => {
		const { stage } = await setup();
		stage.setTarget('y');
		await stage.baselines.retry();
		expect(stage.baselines.shown).not.toBeNull();
		stage.setTarget('colour');
		expect(stage.baselines.shown).toBeNull();
		expect(stage.kpiBaseline).toBeNull();
	});
});
