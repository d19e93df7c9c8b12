import { CoreError } from '../../util/core-error';
import type { Frame } from '../frame';

/**
 * Throws `duplicate-column` when a column a step adds would take the name of another column of
 * the frame (other than `replacing`, the one the step replaces) or of another new column.
 */
export function assertNewColumns(
	frame: Frame,
	names: readonly string[],
	step: string,
	replacing: string | null = null
): void {
	const taken = new Set(frame.map((c) => c.name).filter((name) => name !== replacing));
	for (const name of names) {
		if (taken.has(name))
			throw new CoreError(
				'duplicate-column',
				`The ${step} step would add a column "${name}", but the data already has one; rename that column first.`,
				{ column: name }
			);
		taken.add(name);
	}
}
