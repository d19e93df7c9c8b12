import { describe, expect, it } from 'vitest';
import { runOnPool } from '../../src/workers/pool';

/** A promise with its resolve handle, to finish work in a chosen order. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('runOnPool', () => {
	it('runs one item per client at a time, hands the next item to whichever is free first', async () => {
		const gates = [0, 1, 2, 3].map(() => deferred<string>());
		const started: string[] = [];
		const done = runOnPool(['a', 'b'], [0, 1, 2, 3], (client, item) => {
			started.push(`${client}${item}`);
			return gates[item].promise;
		});
		await tick();
		expect(started).toEqual(['a0', 'b1']);
		gates[1].resolve('one');
		await tick();
		expect(started).toEqual(['a0', 'b1', 'b2']);
		gates[0].resolve('zero');
		await tick();
		expect(started).toEqual(['a0', 'b1', 'b2', 'a3']);
		gates[2].resolve('two');
		gates[3].resolve('three');
		expect((await done).map((o) => o.status === 'fulfilled' && o.value)).toEqual([
			'zero',
			'one',
			'two',
			'three'
		]);
	});

	it('keeps going after a failed item, and reports it in its place', async () => {
		const outcomes = await runOnPool([1], [1, 2, 3], async (_, item) => {
			if (item === 2) throw new Error('bad trial');
			return item * 10;
		});
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(outcomes[1].status === 'rejected' && (outcomes[1].reason as Error).message).toBe(
			'bad trial'
		);
	});

	it('starts nothing new once cancelled, and keeps what finished', async () => {
		const controller = new AbortController();
		const ran: number[] = [];
		const outcomes = await runOnPool(
			['only'],
			[0, 1, 2],
			async (_, item) => {
				ran.push(item);
				if (item === 0) controller.abort(new Error('cancelled'));
				return item;
			},
			controller.signal
		);
		expect(ran).toEqual([0]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
	});

	it('refuses an empty pool', async () => {
		await expect(runOnPool([], [1], async () => 1)).rejects.toThrow(/at least one/);
	});
});
