/** What the file chooser offers by default: CSV and other delimited text. */
const ACCEPT = '.csv,.tsv,.txt,text/csv,text/plain';

/** Opens the browser's file chooser (offering `accept`) and hands over what the user picked. */
export function pickFile(onPick: (files: FileList | null) => void, accept = ACCEPT): void {
	const input = document.createElement('input');
	input.type = 'file';
	input.accept = accept;
	input.addEventListener('change', () => onPick(input.files), { once: true });
	input.click();
}
