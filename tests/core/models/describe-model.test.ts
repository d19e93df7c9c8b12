import { describe, expect, it } from 'vitest';
import { describeModel } from '../../../src/core/models/describe-model';
import { fitModel } from '../../../src/core/models/registry';
import type { ModelSpec, TrainData } from '../../../src/core/models/model';
import { DEFAULT_BOOSTING_SPEC } from '../../../src/core/models/boosting/boosting';
import { DEFAULT_FOREST_SPEC } from '../../../src/core/models/forest/random-forest';
import { createRng } from '../../../src/core/util/rng';
import { featureMatrix } from '../helpers';

// x0 decides the class; x1 is noise.
const rng = createRng(4);
const points = Array.from({ length: 300 }, () => [rng.next(), rng.next()]);
const data: TrainData = {
	task: 'binary',
	classes: ['no', 'yes'],
	x: { ...featureMatrix(points), features: ['signal', 'noise'] },
	y: Int32Array.from(points, ([a]) => (a > 0.5 ? 1 : 0))
};

async function summary(spec: ModelSpec) {
	return describeModel((await fitModel(spec, data, 1)).model);
}

describe('describeModel', () => {
	it('lists a linear model’s weights, largest first, and the L1 zeros', async () => {
		const s = await summary({ kind: 'linear', l2: 0, l1: 5 });
		expect(s?.kind).toBe('coefficients');
		if (s?.kind !== 'coefficients') return;
		expect(s.outputs[0].coefficients[0].feature).toBe('signal');
		expect(s.outputs[0].zeros).toBe(1);
	});

	it('gives the one rule’s lines, boosting’s top feature, and the forest’s out-of-bag score', async () => {
		const rule = await summary({ kind: 'rule', maxBins: 4 });
		expect(rule?.kind === 'rule' && rule.lines[0]).toMatch(/^signal/);
		const boosting = await summary({ ...DEFAULT_BOOSTING_SPEC, iterations: 10 });
		expect(boosting?.kind === 'importance' && boosting.features[0].feature).toBe('signal');
		expect(boosting?.kind === 'importance' && boosting.title).toMatch(/10 rounds/);
		const forest = await summary({ ...DEFAULT_FOREST_SPEC, trees: 20 });
		expect(forest?.kind === 'facts' && forest.facts.join(' ')).toMatch(
			/^20 trees\. Out-of-bag ROC-AUC: (0\.9\d{3}|1\.0000), each of 300 train rows/
		);
		expect(await summary({ kind: 'baseline' })).toBeNull();
	});
});
