// Serves the built site (dist/) under a nested path, to check that it works from any sub-path.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', process.env.ROOT ?? 'dist');
const PREFIX = '/nested/shipshape/';
const PORT = Number(process.env.PORT ?? 4174);
const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.csv': 'text/csv',
	'.wasm': 'application/wasm',
	'.json': 'application/json'
};

createServer((request, response) => {
	const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
	if (!path.startsWith(PREFIX)) {
		response.writeHead(404).end('not under the sub-path');
		return;
	}
	const relative = normalize(path.slice(PREFIX.length) || 'index.html').replace(
		/^(\.\.[/\\])+/,
		''
	);
	let file = join(ROOT, relative);
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	if (!existsSync(file)) {
		response.writeHead(404).end('not found');
		return;
	}
	response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
	createReadStream(file).pipe(response);
}).listen(PORT, '127.0.0.1');
