/** Where in the user's input a problem was found; lines are 1-based physical lines of the file. */
export interface ErrorPlace {
	line?: number;
	column?: string;
}

/** A problem the user can act on: a stable code and a plain-language message, never a stack trace. */
export interface ErrorValue extends ErrorPlace {
	kind: 'core-error';
	code: string;
	message: string;
}

/** The error thrown by core code for problems a user should read (bad input, cancelled work). */
export class CoreError extends Error {
	readonly code: string;
	readonly place: ErrorPlace;

	constructor(code: string, message: string, place: ErrorPlace = {}) {
		super(message);
		this.name = 'CoreError';
		this.code = code;
		this.place = place;
	}

	/** Returns the plain value that crosses a worker boundary. */
	toValue(): ErrorValue {
		return { kind: 'core-error', code: this.code, message: this.message, ...this.place };
	}

	/** Rebuilds the error from the value a worker sent. */
	static fromValue(value: ErrorValue): CoreError {
		return new CoreError(value.code, value.message, { line: value.line, column: value.column });
	}
}

/** Returns an `ErrorValue` for anything thrown; unexpected errors keep their message under code `internal`. */
export function toErrorValue(error: unknown): ErrorValue {
	if (error instanceof CoreError) return error.toValue();
	const message = error instanceof Error ? error.message : String(error);
	return { kind: 'core-error', code: 'internal', message: `Unexpected error: ${message}` };
}

/** True when the error means the user cancelled the work. */
export function isCancelled(error: unknown): boolean {
	return error instanceof CoreError && error.code === 'cancelled';
}
