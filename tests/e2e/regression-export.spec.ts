/**
 * The regression page's Export menu: the data plot as a PNG at twice its size, the fitted model as JSON, and
 * the runs on the loss surface as CSV, whose converged rows agree with the JSON's exact fit and its metrics.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { csvParse } from 'd3-dsv';
import { watchErrors } from './watch-errors';

async function download(page: Page, item: RegExp): Promise<{ name: string; bytes: Buffer }> {
	const menu = page.getByRole('menuitem', { name: item });
	if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export' }).click();
	const [dl] = await Promise.all([page.waitForEvent('download'), menu.click()]);
	return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

test('export the fit as PNG and JSON, and the runs as CSV that end at the exact fit', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/regression');
	const plot = page.getByTestId('data-plot');
	await expect(plot.locator('circle').first()).toBeAttached();

	const png = await download(page, /PNG/);
	expect(png.name).toBe('noisy-line_linear_fit.png');
	expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
	const box = (await plot.boundingBox())!;
	expect(png.bytes.readUInt32BE(16)).toBe(2 * Math.floor(box.width));
	expect(png.bytes.readUInt32BE(20)).toBe(2 * Math.floor(box.height));

	const fit = JSON.parse((await download(page, /JSON/)).bytes.toString());
	expect(fit).toMatchObject({ model: 'linear', task: 'regression', degree: 1, standardized: false });
	// The coefficient shown in the Numbers panel is the exported one.
	await expect(page.getByTestId('fit-summary')).toContainText(String(Number(fit.coef.x.toPrecision(5))));

	const rows = csvParse((await download(page, /CSV/)).bytes.toString());
	expect(rows.columns.slice(5)).toEqual(['slope w (x)', 'intercept b', 'train_loss', 'test_loss']);
	// Adam (lr 0.1) runs 200 steps from (0, 0) and ends at the closed form: same line, same training and test MSE.
	const last = rows.filter((r) => r.optimizer === 'adam').at(-1)!;
	expect(Number(last.step)).toBe(200);
	expect(Math.abs(Number(last['slope w (x)']) - fit.coef.x)).toBeLessThan(1e-3);
	expect(Math.abs(Number(last['intercept b']) - fit.intercept)).toBeLessThan(1e-3);
	expect(Number(last.train_loss) / fit.train.mse - 1).toBeLessThan(1e-6);
	expect(Math.abs(Number(last.test_loss) / fit.test.mse - 1)).toBeLessThan(1e-4);
	expect(problems).toEqual([]);
});
