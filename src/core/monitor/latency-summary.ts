import { quantile } from '../util/stats';

/** How long the server took per request: percentiles and the slowest, in milliseconds. */
export interface LatencySummary {
	requests: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/**
 * Returns the latency summary of one latency per request (the lines of a request share its
 * latency, so counting rows would weigh a large batch request many times); percentiles by linear
 * interpolation, numpy's default. Null when there are no requests.
 */
export function latencySummary(latencies: ArrayLike<number>): LatencySummary | null {
	if (latencies.length === 0) return null;
	let max = -Infinity;
	for (let i = 0; i < latencies.length; i++) max = Math.max(max, latencies[i]);
	return {
		requests: latencies.length,
		p50: quantile(latencies, 0.5),
		p95: quantile(latencies, 0.95),
		p99: quantile(latencies, 0.99),
		max
	};
}
