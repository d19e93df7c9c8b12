// The server's Prometheus metrics, kept in memory and written in the text exposition format
// (version 0.0.4): request counts by endpoint and status, rows and row errors, and a latency
// histogram by endpoint.

/** The Content-Type of GET /metrics. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Upper bounds of the latency histogram's buckets, in seconds (then +Inf). */
export const LATENCY_BUCKETS_S = [
	0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
] as const;

interface Histogram {
	/** Observations per bucket (not cumulative), the last one for +Inf. */
	counts: number[];
	sum: number;
	count: number;
}

/** Returns a label value escaped for the exposition format (backslash, quote, newline). */
export function escapeLabel(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Counters and the latency histogram of one server. */
export class ServerMetrics {
	private readonly requests = new Map<string, number>();
	private readonly latency = new Map<string, Histogram>();
	private rows = 0;
	private rowErrors = 0;

	constructor(
		private readonly model: string,
		private readonly version: string
	) {}

	/** Records a finished request: its endpoint label, HTTP status and duration. */
	countRequest(endpoint: string, status: number, seconds: number): void {
		const key = `endpoint="${escapeLabel(endpoint)}",status="${status}"`;
		this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
		let histogram = this.latency.get(endpoint);
		if (!histogram) {
			histogram = {
				counts: new Array<number>(LATENCY_BUCKETS_S.length + 1).fill(0),
				sum: 0,
				count: 0
			};
			this.latency.set(endpoint, histogram);
		}
		const bucket = LATENCY_BUCKETS_S.findIndex((le) => seconds <= le);
		histogram.counts[bucket === -1 ? LATENCY_BUCKETS_S.length : bucket]++;
		histogram.sum += seconds;
		histogram.count++;
	}

	/** Records the rows of a POST /predict request and how many of them got an error. */
	countRows(rows: number, errors: number): void {
		this.rows += rows;
		this.rowErrors += errors;
	}

	/** Returns the metrics in the Prometheus text exposition format. */
	render(): string {
		const lines = [
			'# HELP shipshape_model_info The model this server predicts with.',
			'# TYPE shipshape_model_info gauge',
			`shipshape_model_info{model="${escapeLabel(this.model)}",version="${escapeLabel(this.version)}"} 1`,
			'# HELP shipshape_requests_total HTTP requests answered, by endpoint and status code.',
			'# TYPE shipshape_requests_total counter',
			...[...this.requests].map(([labels, n]) => `shipshape_requests_total{${labels}} ${n}`),
			'# HELP shipshape_prediction_rows_total Rows received by POST /predict, with or without a prediction.',
			'# TYPE shipshape_prediction_rows_total counter',
			`shipshape_prediction_rows_total ${this.rows}`,
			'# HELP shipshape_prediction_errors_total Rows of POST /predict answered with an error instead of a prediction.',
			'# TYPE shipshape_prediction_errors_total counter',
			`shipshape_prediction_errors_total ${this.rowErrors}`,
			"# HELP shipshape_request_duration_seconds Time from a request's arrival to the end of its response, by endpoint.",
			'# TYPE shipshape_request_duration_seconds histogram',
			...[...this.latency].flatMap(([endpoint, h]) => histogramLines(endpoint, h))
		];
		return lines.join('\n') + '\n';
	}
}

function histogramLines(endpoint: string, h: Histogram): string[] {
	const name = 'shipshape_request_duration_seconds';
	const label = `endpoint="${escapeLabel(endpoint)}"`;
	let cumulative = 0;
	const buckets = [...LATENCY_BUCKETS_S.map(String), '+Inf'].map((le, i) => {
		cumulative += h.counts[i];
		return `${name}_bucket{${label},le="${le}"} ${cumulative}`;
	});
	return [...buckets, `${name}_sum{${label}} ${h.sum}`, `${name}_count{${label}} ${h.count}`];
}
