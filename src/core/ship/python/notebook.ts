/**
 * One program written two ways: a Jupyter notebook (nbformat 4) and a plain Python script, from
 * the same cells, so the two cannot drift apart.
 */

/** A cell: Markdown, or Python code; `only` keeps it to one of the two forms. */
export interface Cell {
	kind: 'markdown' | 'code';
	text: string;
	only?: 'notebook' | 'script';
}

/** Returns a Markdown cell. */
export const markdown = (text: string, only?: Cell['only']): Cell => ({
	kind: 'markdown',
	text,
	only
});
/** Returns a code cell. */
export const code = (text: string, only?: Cell['only']): Cell => ({ kind: 'code', text, only });

/** Returns the cells as an `.ipynb` notebook (JSON), for a Python 3 kernel. */
export function toNotebook(cells: readonly Cell[]): string {
	const lines = (text: string) =>
		text.split('\n').map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));
	const notebook = {
		cells: cells
			.filter((cell) => cell.only !== 'script')
			.map((cell, i) =>
				cell.kind === 'markdown'
					? { cell_type: 'markdown', id: `cell-${i}`, metadata: {}, source: lines(cell.text) }
					: {
							cell_type: 'code',
							id: `cell-${i}`,
							metadata: {},
							execution_count: null,
							outputs: [],
							source: lines(cell.text)
						}
			),
		metadata: {
			kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
			language_info: { name: 'python' }
		},
		nbformat: 4,
		nbformat_minor: 5
	};
	return JSON.stringify(notebook, null, 1) + '\n';
}

/** Returns the cells as a Python script: Markdown becomes comments, code runs top to bottom. */
export function toScript(cells: readonly Cell[], docstring: string): string {
	const body = cells
		.filter((cell) => cell.only !== 'notebook')
		.map((cell) =>
			cell.kind === 'code'
				? cell.text
				: cell.text
						.split('\n')
						.map((line) => (line ? `# ${line.replace(/^#+ /, '')}` : '#'))
						.join('\n')
		)
		.join('\n\n');
	return `"""${docstring}"""\n\n${body}\n`;
}
