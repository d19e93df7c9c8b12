// The deployment files of a bundle: a package.json, a Dockerfile and a Kubernetes manifest
// (Deployment + Service), written from the bundle's manifest so they name the same model, version
// and port. Plain text: the bundle needs nothing but node to run, and these only package it.
import type { Manifest } from './manifest';

/** The port server.mjs listens on in the container (PORT), and the Service's port. */
export const SERVER_PORT = 8080;
const SERVICE_PORT = 80;
/** The Node.js line the runtime is built for and the container runs. */
export const NODE_ENGINE = '>=20';
const NODE_IMAGE = 'node:22-slim';
/** Where the container writes the prediction log: a volume, so it outlives the container. */
export const CONTAINER_LOG_DIR = '/data';

/**
 * Returns a name usable as an npm package, an image and a Kubernetes object name: lowercase
 * letters, digits and dashes (RFC 1123 label), at most 63 characters, never empty.
 */
export function deployName(name: string): string {
	const clean = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 63)
		.replace(/-+$/, '');
	return clean === '' ? 'model' : /^[a-z]/.test(clean) ? clean : `m-${clean}`.slice(0, 63);
}

/** Returns the bundle's package.json text: no dependencies, start runs the server. */
export function packageJson(manifest: Manifest): string {
	const pkg = {
		name: deployName(manifest.name),
		version: manifest.version,
		private: true,
		description: `Shipshape model bundle: ${manifest.name} predicts ${manifest.target.name} (${manifest.task}).`,
		type: 'module',
		engines: { node: NODE_ENGINE },
		scripts: { start: 'node server.mjs', predict: 'node predict.mjs' },
		dependencies: {}
	};
	return JSON.stringify(pkg, null, 2) + '\n';
}

/**
 * Returns the bundle's Dockerfile: the bundle files on a slim Node image, run as the unprivileged
 * `node` user, serving on SERVER_PORT, the prediction log on a volume, and a health check on
 * /health.
 */
export function dockerfile(manifest: Manifest, logEnv: string): string {
	const health = `fetch('http://127.0.0.1:${SERVER_PORT}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
	return `# Shipshape model bundle ${manifest.name} ${manifest.version}: POST /predict on port ${SERVER_PORT}.
# Build: docker build -t ${deployName(manifest.name)}:${manifest.version} .
# Run:   docker run -p ${SERVER_PORT}:${SERVER_PORT} -v "$PWD/logs:${CONTAINER_LOG_DIR}" ${deployName(manifest.name)}:${manifest.version}
FROM ${NODE_IMAGE}
WORKDIR /app
COPY . .
RUN mkdir -p ${CONTAINER_LOG_DIR} && chown node:node ${CONTAINER_LOG_DIR}
ENV NODE_ENV=production PORT=${SERVER_PORT} ${logEnv}=${CONTAINER_LOG_DIR}/predictions.jsonl
VOLUME ${CONTAINER_LOG_DIR}
EXPOSE ${SERVER_PORT}
USER node
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s CMD ["node", "-e", ${JSON.stringify(health)}]
# server.mjs stops gracefully on SIGTERM: in-flight requests finish and the log is flushed.
STOPSIGNAL SIGTERM
CMD ["node", "server.mjs"]
`;
}

/**
 * Returns the bundle's deployment.yaml: a Deployment (two replicas of the image the Dockerfile
 * builds, a readiness and a liveness probe on /health) and a ClusterIP Service in front of it.
 */
export function deploymentYaml(manifest: Manifest): string {
	const app = deployName(manifest.name);
	const labels = `app.kubernetes.io/name: ${app}\n        app.kubernetes.io/version: ${JSON.stringify(manifest.version)}`;
	const probe = (initial: number) => `httpGet:
              path: /health
              port: http
            initialDelaySeconds: ${initial}
            periodSeconds: 10`;
	return `# Shipshape model bundle ${manifest.name} ${manifest.version}. Build and push the image
# from the Dockerfile, set its name below, then: kubectl apply -f deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app.kubernetes.io/name: ${app}
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
        ${labels}
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: model
          image: ${app}:${manifest.version}
          ports:
            - name: http
              containerPort: ${SERVER_PORT}
          env:
            - name: PORT
              value: "${SERVER_PORT}"
          readinessProbe:
            ${probe(2)}
          livenessProbe:
            ${probe(10)}
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 512Mi
          volumeMounts:
            - name: prediction-log
              mountPath: ${CONTAINER_LOG_DIR}
      volumes:
        - name: prediction-log
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - name: http
      port: ${SERVICE_PORT}
      targetPort: http
`;
}
