import { describe, expect, it } from 'vitest';
import { formatBytes, formatLatency } from '../../../src/core/util/format-units';

describe('formatLatency and formatBytes', () => {
	it('write microseconds, milliseconds and decimal bytes to three figures', () => {
		expect([formatLatency(483.46), formatLatency(1_000), formatLatency(1_534)]).toEqual([
			'483 µs',
			'1 ms',
			'1.53 ms'
		]);
		// Decimal units, as the brief's size budget is entered: 5 MB is 5,000,000 bytes.
		expect([
			formatBytes(950),
			formatBytes(152_708),
			formatBytes(5e6),
			formatBytes(10_976_610),
			formatBytes(2_436_000_000)
		]).toEqual(['950 B', '153 kB', '5 MB', '11 MB', '2.44 GB']);
	});
});
