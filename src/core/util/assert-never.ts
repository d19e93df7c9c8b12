/** Throws when a supposedly exhaustive `switch` meets a value it does not handle. */
export function assertNever(value: never, what = 'value'): never {
	throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
