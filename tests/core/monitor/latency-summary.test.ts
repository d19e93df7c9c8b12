import { describe, expect, it } from 'vitest';
import { latencySummary } from '../../../src/core/monitor/latency-summary';

describe('latencySummary', () => {
	it('gives no summary without requests', () => {
		expect(latencySummary([])).toBeNull();
	});

	it('gives one request its own latency at every percentile', () => {
		expect(latencySummary([4.5])).toEqual({ requests: 1, p50: 4.5, p95: 4.5, p99: 4.5, max: 4.5 });
	});

	it('interpolates percentiles as numpy does, in any input order', () => {
		// numpy.percentile(range(1, 101), [50, 95, 99]) -> 50.5, 95.05, 99.01
		const latencies = Array.from({ length: 100 }, (_, i) => 100 - i);
		const summary = latencySummary(latencies)!;
		expect(summary.requests).toBe(100);
		expect(summary.p50).toBeCloseTo(50.5, 10);
		expect(summary.p95).toBeCloseTo(95.05, 10);
		expect(summary.p99).toBeCloseTo(99.01, 10);
		expect(summary.max).toBe(100);
	});
});
