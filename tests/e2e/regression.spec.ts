/**
 * The regression page as a class uses it: fit each model, race optimizers on the linked loss surface from a
 * dragged start, switch to mini-batches, load a real dataset, upload a CSV with bad rows.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './watch-errors';

/** Numbers in a table row's cells (after the row header). */
async function rowNumbers(page: Page, table: string, rowText: string): Promise<number[]> {
	const row = page.locator(`${table} tr`, { hasText: rowText }).first();
	const cells = await row.locator('td').allInnerTexts();
	return cells.map((c) => Number(c.replace('−', '-')));
}

const RUNS = '[data-testid="run-table"]';

test('each model fits, with its objective written out and its numbers shown', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/regression');
	await expect(page.locator('[data-testid="data-plot"] circle').first()).toBeAttached();
	const model = page.getByRole('combobox', { name: 'Model', exact: true });
	const slope = async () =>
		Number(
			(await page.locator('table.coef tbody tr').first().locator('td').first().innerText()).replace('−', '-')
		);

	const linear = await slope();
	await expect(page.getByTestId('objective')).toContainText('‖y − Xw − b‖²');
	await model.selectOption('ridge');
	await expect(page.getByTestId('objective')).toContainText('α‖w‖²');
	await page.getByLabel('penalty strength alpha').fill('100');
	await page.getByLabel('penalty strength alpha').press('Enter');
	await expect.poll(slope).toBeLessThan(linear * 0.8);
	await model.selectOption('lasso');
	await expect(page.getByTestId('objective')).toContainText('α‖w‖₁');
	// alpha 100 is far above alpha_max for this data: the lasso sets the slope to exactly 0.
	await expect.poll(slope).toBe(0);
	await expect(page.getByTestId('sweep-chart').locator('path').first()).toBeAttached();

	await page.getByRole('combobox', { name: 'Dataset' }).selectOption('synthetic:blobs');
	await expect(model).toHaveValue('logistic');
	await expect(page.locator('table.coef')).toContainText('odds ratio');
	await expect(page.locator('table.metrics')).toContainText('%');
	// A regression model on class labels is refused with a reason, and the page keeps working.
	await model.selectOption('linear');
	await expect(page.getByTestId('data-plot').locator('..')).toContainText('class label');
	await model.selectOption('logistic');
	await expect(page.locator('table.coef')).toContainText('odds ratio');
	expect(problems).toEqual([]);
});

test('dragging the start on the loss surface restarts every run there, and the fitted lines follow the clock', async ({
	page
}) => {
	const problems = watchErrors(page);
	await page.goto('/regression');
	const handle = page.getByRole('button', { name: 'Start point', exact: true });
	await expect(handle).toBeVisible();
	await expect(page.locator(`${RUNS} tbody tr`)).toHaveCount(4);
	const gdRow = 'Gradient descent';
	expect((await rowNumbers(page, RUNS, gdRow)).slice(0, 2)).toEqual([0, 0]);
	const box = (await handle.boundingBox())!;
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2;
	await page.mouse.move(cx, cy);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) await page.mouse.move(cx + 6 * i, cy - 6 * i);
	await page.mouse.up();
	// At iteration 0 every run sits at the new start: slope and intercept moved up and right.
	const [w0, b0] = await rowNumbers(page, RUNS, gdRow);
	expect(w0).toBeGreaterThan(0);
	expect(b0).toBeGreaterThan(0);
	const [w1, b1] = await rowNumbers(page, RUNS, 'Adam');
	expect([w1, b1]).toEqual([w0, b0]);

	// The run's line on the data plot moves as the timeline advances, towards the exact fit.
	const runLine = page.locator('[data-testid="data-plot"] g.model path.line').nth(1);
	const before = await runLine.getAttribute('d');
	await page.keyboard.press('End');
	await expect.poll(() => runLine.getAttribute('d')).not.toBe(before);
	const [wEnd, bEnd] = await rowNumbers(page, RUNS, 'Momentum');
	const [wStar, bStar] = await rowNumbers(page, RUNS, 'exact optimum');
	expect(Math.abs(wEnd - wStar)).toBeLessThan(1e-3);
	expect(Math.abs(bEnd - bStar)).toBeLessThan(1e-3);

	// Single-sample gradients: the same runs, now noisy.
	await page.getByRole('combobox', { name: 'Batch' }).selectOption('1');
	await expect.poll(async () => (await rowNumbers(page, RUNS, 'Momentum'))[0]).not.toBe(wEnd);
	expect(problems).toEqual([]);
});

test('a real dataset loads with its missing rows dropped and counted', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/regression');
	// The data plot is drawn by the client: the page is hydrated and its controls respond.
	await expect(page.locator('[data-testid="data-plot"] circle').first()).toBeAttached();
	await page.getByRole('combobox', { name: 'Dataset' }).selectOption('table:cars');
	await expect(page.getByTestId('table-summary')).toContainText('406 records');
	// 6 cars lack horsepower and 8 lack mpg (vega-datasets 3.2.1): 14 left out, 392 used.
	await expect(page.getByTestId('dropped-rows')).toContainText('14 rows left out');
	await expect(page.getByTestId('data-summary')).toContainText('392 rows');
	await page.getByTestId('dropped-rows').locator('summary').click();
	await expect(page.getByTestId('dropped-rows')).toContainText(/record \d+: Horsepower is missing/);
	// Miles per gallon fall with horsepower.
	const slope = Number(
		(await page.locator('table.coef tbody tr').first().locator('td').first().innerText()).replace('−', '-')
	);
	expect(slope).toBeLessThan(0);

	// Two features and ridge: the loss over the two weights, with the constraint disk and the touching level set.
	await page.getByRole('checkbox', { name: 'Weight_in_lbs' }).check();
	await page.getByRole('checkbox', { name: /Standardize/ }).check();
	await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('ridge');
	await expect(page.locator('.shapes g.shape')).toHaveCount(2);
	await expect(page.getByTestId('lagrange-note')).toContainText('disk');
	await expect(page.locator(`${RUNS} thead`)).toContainText('Weight_in_lbs');

	await page.getByRole('combobox', { name: 'Dataset' }).selectOption('table:penguins');
	await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('logistic');
	await expect(page.getByRole('combobox', { name: 'Positive class' })).toHaveValue('Adelie');
	await expect(page.locator('table.metrics')).toContainText('%');
	expect(problems).toEqual([]);
});

test('an uploaded CSV reports its bad rows by line number, and a broken file keeps the data on screen', async ({
	page
}) => {
	const problems = watchErrors(page);
	await page.goto('/regression');
	await expect(page.locator('[data-testid="data-plot"] circle').first()).toBeAttached();
	await page.getByRole('combobox', { name: 'Dataset' }).selectOption('table:csv');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles('tests/e2e/fixtures/bad-rows.csv');
	await expect(page.getByTestId('table-summary')).toContainText('11 rows');
	// The row with an extra field is skipped, by line.
	await expect(page.getByTestId('skipped-rows')).toContainText('line 12');
	// Defaults: the last column (passed: yes/no) is the target, so logistic regression on hours.
	await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('logistic');
	await page.getByRole('combobox', { name: 'Target column' }).selectOption('score');
	await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('linear');
	const dropped = page.getByTestId('dropped-rows');
	await expect(dropped).toContainText('3 rows left out');
	await dropped.locator('summary').click();
	await expect(dropped).toContainText('line 4: score is missing');
	await expect(dropped).toContainText('line 6: hours "five" is not a number');
	await expect(dropped).toContainText('line 9: score is missing');
	await expect(page.getByTestId('data-summary')).toContainText('8 rows');

	// A malformed file: the error names the line, and the loaded table stays.
	await page.getByLabel('CSV file', { exact: true }).setInputFiles({
		name: 'broken.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('a,b\n1,2\n3,"4\n')
	});
	await expect(page.getByTestId('load-error')).toContainText('line 3');
	await expect(page.getByTestId('data-summary')).toContainText('8 rows');
	expect(problems).toEqual([]);
});

test('a link carries the settings, the URL follows a change, and a bad parameter is named', async ({
	page
}) => {
	const problems = watchErrors(page);
	await page.goto(
		'/regression?v=1&data=outliers&model=ridge&alpha=0.5&batch=8&start=1,-1&run=gd;c=0;lr=0.1&run=adam;c=3;lr=0.2'
	);
	await expect(page.locator('[data-testid="data-plot"] circle').first()).toBeAttached();
	await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('synthetic:outliers');
	await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('ridge');
	await expect(page.getByLabel('penalty strength alpha')).toHaveValue('0.5');
	await expect(page.getByRole('combobox', { name: 'Batch' })).toHaveValue('8');
	await expect(page.getByRole('combobox', { name: 'Optimizer of run 1' })).toHaveValue('gd');
	await expect(page.getByRole('combobox', { name: 'Optimizer of run 2' })).toHaveValue('adam');
	// Every run starts at the link's start, not at the (0, 0) new data would give.
	await expect
		.poll(async () => (await rowNumbers(page, RUNS, 'Gradient descent')).slice(0, 2))
		.toEqual([1, -1]);
	await expect(page.getByRole('status').filter({ hasText: 'not used' })).toHaveCount(0);

	await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('lasso');
	await expect.poll(() => new URL(page.url()).searchParams.get('model')).toBe('lasso');
	expect(new URL(page.url()).searchParams.get('start')).toBe('1,-1');

	await page.goto('/regression?v=1&data=sine&degree=99&model=svm');
	await expect(page.locator('[data-testid="data-plot"] circle').first()).toBeAttached();
	const notice = page.getByRole('status').filter({ hasText: 'not used' });
	await expect(notice).toContainText('degree=99');
	await expect(notice).toContainText('model=svm');
	await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('synthetic:sine');
	await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('linear');
	expect(problems).toEqual([]);
});
