import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { loadSample, splitAndTrainLinear } from './helpers';

/** Opens a file through "Open project file…" and its file chooser. */
async function openFile(page: Page, name: string, buffer: Buffer) {
	const [chooser] = await Promise.all([
		page.waitForEvent('filechooser'),
		page.getByRole('button', { name: 'Open project file…' }).click()
	]);
	await chooser.setFiles({ name, mimeType: 'application/zip', buffer });
}

async function saved(download: Download): Promise<Buffer> {
	return readFileSync((await download.path())!);
}

async function newPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto('/');
	return page;
}

test('a teacher plants a leak and a rubric, a student hands in, the teacher sees the grade', async ({
	page: teacher,
	browser
}) => {
	// The teacher: penguins, the story's brief, a planted leak and the default rubric.
	await teacher.goto('/');
	await loadSample(teacher, 'penguins.csv');
	await teacher.getByRole('button', { name: 'Fill in the brief from the story' }).click();
	await teacher.getByRole('button', { name: 'Classroom' }).click();
	const make = teacher.getByTestId('make-assignment');
	await make.getByRole('button', { name: 'Save the assignment file' }).click();
	await expect(teacher.getByRole('alert')).toHaveText('Give the assignment a title.');
	await make.getByLabel('Title').fill('Penguins, week 3');
	await make
		.getByLabel('Instructions for the students')
		.fill('Predict the species. One column gives the answer away: find it.');
	await make.getByLabel(/Plant a leak/).check();
	await expect(make.getByLabel('Name of the planted column')).toHaveAttribute(
		'placeholder',
		'species_code'
	);
	await expect(make.getByLabel('The leaky column species_code is not a model input')).toBeChecked();
	const [assignmentDownload] = await Promise.all([
		teacher.waitForEvent('download'),
		make.getByRole('button', { name: 'Save the assignment file' }).click()
	]);
	expect(assignmentDownload.suggestedFilename()).toBe('penguins-week-3.shipshape');
	const assignment = await saved(assignmentDownload);

	// The student: opens it in another browser, guided, with the brief given and the leak in the data.
	const student = await newPage(browser);
	await openFile(student, 'penguins-week-3.shipshape', assignment);
	await expect(student.getByTestId('dataset-chip')).toHaveText('penguins.csv');
	await expect(student.getByRole('button', { name: 'Guided mode' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(student.getByLabel('Target column')).toHaveValue('species');
	await student.getByRole('button', { name: 'Classroom' }).click();
	const rubric = student.getByTestId('rubric');
	await expect(student.getByTestId('assignment')).toContainText('One column gives the answer away');
	await expect(rubric).toContainText('1 of 6 points');
	await student.getByRole('button', { name: 'Back to Define' }).click();
	await student.getByRole('button', { name: 'Continue to Prepare' }).click();
	const lint = student.getByTestId('leakage');
	await lint
		.getByRole('button', { name: /^Drop .*“species_code”/ })
		.first()
		.click();
	await expect(student.getByTestId('recipe')).toContainText('species_code');
	await splitAndTrainLinear(student);
	await student.getByRole('button', { name: 'Continue to Evaluate' }).click();
	student.once('dialog', (dialog) => dialog.accept());
	await student.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(student.getByTestId('verdict')).toBeVisible();
	await student
		.getByLabel('What did the slices show?')
		.fill('Every island and sex slice is classified right: no weaker group.');
	await student.getByRole('button', { name: 'Record the review' }).click();
	await student.getByRole('button', { name: 'Classroom' }).click();
	await expect(rubric).toContainText('6 of 6 points');
	await expect(rubric).toContainText('The judged model (run-2) does not read species_code.');
	await student.getByRole('button', { name: 'Hand in: save the submission file' }).click();
	await expect(student.getByRole('alert')).toContainText('Write your name');
	await student.getByLabel('Your name').fill('Ada Lovelace');
	const [submissionDownload] = await Promise.all([
		student.waitForEvent('download'),
		student.getByRole('button', { name: 'Hand in: save the submission file' }).click()
	]);
	expect(submissionDownload.suggestedFilename()).toBe('penguins-week-3-ada-lovelace.shipshape');
	const submission = await saved(submissionDownload);
	await student.context().close();
	// Beside the project, a report for a person to read.
	const report = strFromU8(unzipSync(submission)['report.md']);
	expect(report).toContain('# Penguins, week 3: submission by Ada Lovelace');
	expect(report).toContain('## Rubric: 6 of 6 points');
	expect(report).toContain(
		'| The leaky column species_code is not a model input | yes | 1 / 1 | The judged model (run-2) does not read species_code. |'
	);

	// The teacher opens the submission: who, when, the grade then and the rubric now.
	teacher.once('dialog', (dialog) => dialog.accept());
	await openFile(teacher, 'penguins-week-3-ada-lovelace.shipshape', submission);
	await expect(teacher.getByTestId('stage-evaluate')).toHaveAttribute('aria-current', 'step');
	await teacher.getByRole('button', { name: 'Classroom' }).click();
	await expect(teacher.getByTestId('submission')).toContainText(
		/Handed in by Ada Lovelace on .+, graded then 6 of 6 points\./
	);
	await expect(teacher.getByTestId('rubric')).toContainText('6 of 6 points');
	await expect(teacher.getByTestId('rubric').getByRole('row')).toHaveCount(7);
});
