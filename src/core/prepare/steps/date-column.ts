import { CoreError } from '../../util/core-error';
import type { DateColumn } from '../../table/table';
import { frameColumn, type Frame } from '../frame';

/** Returns the column a step names when it holds dates, or throws `wrong-kind`. */
export function dateColumn(frame: Frame, name: string, step: string): DateColumn {
	const column = frameColumn(frame, name);
	if (column.kind !== 'date')
		throw new CoreError(
			'wrong-kind',
			`The ${step} step on "${name}" needs dates, but the column holds ${column.kind}.`,
			{ column: name }
		);
	return column;
}
