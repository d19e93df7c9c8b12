import { getContext } from 'svelte';
import type { Session } from './session.svelte';

/** The context key under which main.ts mounts the app with its session. */
export const SESSION_KEY = Symbol('session');

/** Returns the app's session, for components and stage classes created during component setup. */
export function useSession(): Session {
	const session = getContext<Session | undefined>(SESSION_KEY);
	if (!session) throw new Error('No session in context: mount the app with one (see main.ts).');
	return session;
}
