import { mount } from 'svelte';
import './ui/app.css';
import App from './ui/App.svelte';
import { SESSION_KEY } from './ui/context';
import { Session } from './ui/session.svelte';
import { createIdbStore } from './ui/store';
import { createDataClient, createTrainClient } from './workers/start';

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
