import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
	deployName,
	deploymentYaml,
	dockerfile,
	packageJson,
	SERVER_PORT
} from '../../../src/core/ship/deploy-files';
import type { Manifest } from '../../../src/core/ship/manifest';

const manifest = {
	name: 'Titanic survival (v2)',
	version: '1.2.0',
	task: 'binary',
	target: { name: 'Survived', task: 'binary', classes: ['0', '1'], positive: '1', threshold: 0.5 }
} as unknown as Manifest;

type Labels = Record<string, string>;
interface Probe {
	httpGet: unknown;
}
interface Deployment {
	kind: string;
	spec: {
		selector: { matchLabels: Labels };
		template: {
			metadata: { labels: Labels };
			spec: {
				containers: {
					image: string;
					ports: unknown;
					readinessProbe: Probe;
					livenessProbe: Probe;
				}[];
			};
		};
	};
}
interface Service {
	kind: string;
	spec: { selector: Labels; ports: { targetPort: string }[] };
}

describe('deployName', () => {
	it('makes an RFC 1123 label of any name', () => {
		expect(deployName('Titanic survival (v2)')).toBe('titanic-survival-v2');
		expect(deployName('  ')).toBe('model');
		expect(deployName('2024 churn')).toBe('m-2024-churn');
		expect(deployName('x'.repeat(80))).toHaveLength(63);
		expect(deployName(`a${'-'.repeat(70)}b`)).toBe('a-b');
	});
});

describe('the deployment files', () => {
	it('package.json names the bundle, needs only node and starts the server', () => {
		const pkg = JSON.parse(packageJson(manifest));
		expect(pkg).toMatchObject({
			name: 'titanic-survival-v2',
			version: '1.2.0',
			scripts: { start: 'node server.mjs' },
			dependencies: {}
		});
	});

	it('the Dockerfile runs server.mjs as node on the port, with the log on a volume', () => {
		const text = dockerfile(manifest, 'PREDICTION_LOG');
		expect(text).toContain('CMD ["node", "server.mjs"]');
		expect(text).toContain(`EXPOSE ${SERVER_PORT}`);
		expect(text).toContain('USER node');
		expect(text).toMatch(/PREDICTION_LOG=\/data\/predictions\.jsonl/);
		expect(text).toContain('HEALTHCHECK');
	});

	it('deployment.yaml is a Deployment probed on /health and a Service to its port', () => {
		const [deployment, service] = loadAll(deploymentYaml(manifest)) as [Deployment, Service];
		expect(deployment.kind).toBe('Deployment');
		const pod = deployment.spec.template;
		expect(deployment.spec.selector.matchLabels).toEqual({
			'app.kubernetes.io/name': 'titanic-survival-v2'
		});
		expect(pod.metadata.labels['app.kubernetes.io/name']).toBe('titanic-survival-v2');
		expect(pod.metadata.labels['app.kubernetes.io/version']).toBe('1.2.0');
		const [container] = pod.spec.containers;
		expect(container.image).toBe('titanic-survival-v2:1.2.0');
		expect(container.ports).toEqual([{ name: 'http', containerPort: SERVER_PORT }]);
		for (const probe of [container.readinessProbe, container.livenessProbe])
			expect(probe.httpGet).toEqual({ path: '/health', port: 'http' });
		expect(service.kind).toBe('Service');
		expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
		expect(service.spec.ports[0].targetPort).toBe('http');
	});
});
