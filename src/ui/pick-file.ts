/** What the file chooser offers: CSV and other delimited text. */
const ACCEPT = '.csv,.tsv,.txt,text/csv,text/plain';

/** Opens the browser's file chooser and hands over what the user picked. */
export function pickFile(onPick: (files: FileList | null) => void): void {
	const input = document.createElement('input');
	input.type = 'file';
	input.accept = ACCEPT;
	input.addEventListener('change', () => onPick(input.files), { once: true });
	input.click();
}
