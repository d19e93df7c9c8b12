import { CoreError } from '../src/core/util/core-error';

/**
 * Returns what a runtime prints when it stops on an error: a `CoreError`'s message as it is
 * (written for the user), another error with its name, anything else as text.
 */
export function failureMessage(error: unknown): string {
	if (error instanceof CoreError) return error.message;
	return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
