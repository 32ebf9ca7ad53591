/**
 * The regression page's Export menu: the data plot as a PNG at twice its size, the fitted model as JSON, and
 * the runs on the loss surface as CSV, whose converged rows agree with the JSON's exact fit and its metrics.
 */
import { expect, test } from '@playwright/test';
import { csvParse } from 'd3-dsv';
import { pngInfo } from '../../src/lib/export/media-check';
import { menuDownload } from './menu-download';
import { watchErrors } from './watch-errors';

test('export the fit as PNG and JSON, and the runs as CSV that end at the exact fit', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/regression');
	const plot = page.getByTestId('data-plot');
	await expect(plot.locator('circle').first()).toBeAttached();

	const png = await menuDownload(page, /PNG/);
	expect(png.name).toBe('noisy-line_linear_fit.png');
	const box = (await plot.boundingBox())!;
	expect(pngInfo(png.bytes)).toEqual({
		png: true,
		width: 2 * Math.floor(box.width),
		height: 2 * Math.floor(box.height)
	});

	const fit = JSON.parse((await menuDownload(page, /JSON/)).bytes.toString());
	expect(fit).toMatchObject({ model: 'linear', task: 'regression', degree: 1, standardized: false });
	// The coefficient shown in the Numbers panel is the exported one.
	await expect(page.getByTestId('fit-summary')).toContainText(String(Number(fit.coef.x.toPrecision(5))));

	const rows = csvParse((await menuDownload(page, /CSV/)).bytes.toString());
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
