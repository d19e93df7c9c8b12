/**
 * Runs `work` once per item, each on the first client that is free, one item per client at a
 * time: with two training workers, two tuning trials run at once. Items are handed out in order;
 * once `signal` aborts no new item starts (those running see the same signal through `work`).
 * Resolves when every started item has settled, with each item's outcome in item order; an item
 * never started is reported as rejected with the abort reason.
 */
export async function runOnPool<C, T, R>(
	clients: readonly C[],
	items: readonly T[],
	work: (client: C, item: T, index: number) => Promise<R>,
	signal?: AbortSignal
): Promise<PromiseSettledResult<R>[]> {
	if (clients.length === 0) throw new Error('runOnPool needs at least one client.');
	const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
	let next = 0;
	const drain = async (client: C) => {
		while (next < items.length) {
			const index = next++;
			if (signal?.aborted) {
				outcomes[index] = { status: 'rejected', reason: signal.reason };
				continue;
			}
			try {
				outcomes[index] = { status: 'fulfilled', value: await work(client, items[index], index) };
			} catch (reason) {
				outcomes[index] = { status: 'rejected', reason };
			}
		}
	};
	await Promise.all(clients.map(drain));
	return outcomes;
}
