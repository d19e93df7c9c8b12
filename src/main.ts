import { mount } from 'svelte';
import './ui/app.css';
import App from './ui/App.svelte';
import { SESSION_KEY } from './ui/context';
import { Session } from './ui/session.svelte';
import { createIdbStore } from './ui/store';
import { createDataClient, createTrainClient } from './workers/start';

// The privacy panel lists every request the page made; resource timing keeps only 250 by default.
performance.setResourceTimingBufferSize(100_000);

// Two training workers, so tuning trials use both cores of a school laptop.
const trainers = [createTrainClient(), createTrainClient()];
const session = new Session({
	data: createDataClient(),
	train: trainers[0],
	trainers,
	store: createIdbStore(),
	now: () => new Date(),
	confirm: (message) => window.confirm(message)
});

mount(App, { target: document.getElementById('app')!, context: new Map([[SESSION_KEY, session]]) });

// The service worker (built in vite.config.ts) keeps the site working offline after a first
// visit. Registered after `load` so that its precache never competes with the page's own first
// requests, by a URL relative to the document so that a sub-path gets its own scope. Without it
// the app works as before, online only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
	window.addEventListener('load', () => {
		navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
			console.warn('Offline use is unavailable: the service worker did not register.', error);
		});
	});
}
