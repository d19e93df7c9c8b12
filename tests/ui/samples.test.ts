import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefGaps } from '../../src/core/brief/brief';
import { metricsForTask } from '../../src/core/evaluate/metric-catalogue';
import { SAMPLES, sampleOf } from '../../src/ui/samples';
import { DefineStage } from '../../src/ui/stages/define/define-stage.svelte';
import { CALIFORNIA, COPIED, subsetLines } from '../../scripts/make-samples';
import { dataClient, dataSession } from './data-client';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared', 'datasets');
const publicSample = (file: string) => readFileSync(join(ROOT, 'public', 'samples', file));

async function loaded(
	file: string,
	bytes: Uint8Array<ArrayBuffer> = new Uint8Array(publicSample(file))
) {
	const session = dataSession(dataClient().client);
	await session.loadFile(new Blob([bytes]), file);
	return { session, stage: new DefineStage(session) };
}

describe('the bundled samples', () => {
	it('are the shared files, and California a seeded 5,000-row subset of its whole lines', () => {
		for (const file of COPIED)
			expect(publicSample(file).equals(readFileSync(join(SHARED, file)))).toBe(true);
		const full = readFileSync(join(SHARED, CALIFORNIA.from), 'utf8');
		const subset = publicSample(CALIFORNIA.to).toString('utf8');
		expect(subset).toBe(subsetLines(full, CALIFORNIA.rows, CALIFORNIA.seed));
		const lines = subset.trimEnd().split('\n');
		expect(lines).toHaveLength(CALIFORNIA.rows + 1);
		const fullLines = new Set(full.split('\n'));
		expect(lines.every((line) => fullLines.has(line))).toBe(true);
		expect(new Set(lines).size).toBe(lines.length);
		// The story's trap counts the capped districts.
		expect(lines.filter((line) => line.split(',')[8] === '500001.0')).toHaveLength(222);
		expect(SAMPLES.map((s) => s.file).sort()).toEqual([...COPIED, CALIFORNIA.to].sort());
	});

	it('a different seed draws different rows', () => {
		const full = readFileSync(join(SHARED, CALIFORNIA.from), 'utf8');
		expect(subsetLines(full, 50, 1)).not.toBe(subsetLines(full, 50, 2));
	});

	for (const sample of SAMPLES)
		it(`${sample.file}: "Fill in the brief from the story" gives a complete brief that fits the data`, async () => {
			const { session, stage } = await loaded(sample.file);
			expect(stage.story).toBe(sample.story);
			stage.useStory(sample.story);
			const { brief } = session.project;
			const wanted = sample.story.brief;
			expect(brief).toMatchObject({
				decision: wanted.decision,
				users: wanted.users,
				costs: wanted.costs,
				target: wanted.target,
				positiveClass: wanted.positiveClass,
				metric: wanted.metric,
				kpiThreshold: wanted.kpiThreshold,
				costMatrix: wanted.costMatrix ?? null,
				sensitiveColumns: wanted.sensitiveColumns ?? []
			});
			expect(briefGaps(brief)).toEqual([]);
			expect(metricsForTask(brief.task!)).toContain(brief.metric);
			expect(stage.targetIssue).toBeNull();
		});

	it('a file of the user’s own has no story, and a story whose target the file lacks is refused', async () => {
		const { session, stage } = await loaded(
			'mine.csv',
			new TextEncoder().encode('a,b\n1,x\n2,y\n3,x\n')
		);
		expect(stage.story).toBeNull();
		const before = session.project;
		stage.useStory(sampleOf('titanic.csv')!.story);
		expect(stage.targetIssue).toBe(
			'This file has no column "Survived": the story was written for the bundled sample of the same name.'
		);
		expect(session.project).toBe(before);
	});

	it('after the test set has judged the KPIs, the story changes nothing', async () => {
		const { session, stage } = await loaded('penguins.csv');
		const story = sampleOf('penguins.csv')!.story;
		stage.useStory(story);
		session.update({ ...session.project, evaluation: {} as never });
		const before = session.project;
		stage.useStory(sampleOf('penguins.csv')!.story);
		expect(session.project).toBe(before);
	});
});
