import { describe, expect, it } from 'vitest';
import { countOrigins } from '../../src/ui/origins';

describe('countOrigins', () => {
	it('counts requests by origin, the page’s own first, and skips blob: and data: URLs', () => {
		const own = 'http://127.0.0.1:4173';
		const counts = countOrigins(
			[
				`${own}/`,
				`${own}/assets/index.js`,
				`${own}/samples/titanic.csv`,
				'blob:http://127.0.0.1:4173/5f1c',
				'data:,',
				'https://cdn.example.com/lib.js',
				'https://tracker.example.net/p?x=1',
				'https://cdn.example.com/other.js'
			],
			own
		);
		expect(counts).toEqual([
			{ origin: own, count: 3, own: true },
			{ origin: 'https://cdn.example.com', count: 2, own: false },
			{ origin: 'https://tracker.example.net', count: 1, own: false }
		]);
	});
});
