/**
 * Several classes on the network page: the three-spiral set and the penguins' three species train with a
 * softmax output; the map shows each class's region in its colour, the legend and the network name the classes.
 */
import { expect, test, type Page } from '@playwright/test';
import { pngInfo } from '../../src/lib/export/media-check';
import { menuDownload } from './menu-download';
import { watchErrors } from './watch-errors';

const epoch = async (page: Page) =>
	Number((await page.getByTestId('epoch').locator('strong').innerText()).trim());

/**
 * Share of the heatmap's coloured pixels (sampled on a coarse lattice) leaning towards each class colour: the
 * direction from the light theme's neutral (#e8eaeb) to the pixel, against the direction to each colour.
 */
async function colourShares(page: Page, colours: string[]): Promise<number[]> {
	return page
		.getByTestId('boundary-plot')
		.locator('canvas')
		.first()
		.evaluate((canvas: HTMLCanvasElement, hex: string[]) => {
			const ctx = canvas.getContext('2d')!;
			const { width, height } = canvas;
			const data = ctx.getImageData(0, 0, width, height).data;
			const neutral = [0xe8, 0xea, 0xeb];
			const dirs = hex.map((c) => [1, 3, 5].map((k, i) => parseInt(c.slice(k, k + 2), 16) - neutral[i]));
			const counts = hex.map(() => 0);
			let total = 0;
			for (let y = 0; y < height; y += 7)
				for (let x = 0; x < width; x += 7) {
					const o = 4 * (y * width + x);
					if (data[o + 3] === 0) continue;
					const v = [0, 1, 2].map((i) => data[o + i] - neutral[i]);
					const len = Math.hypot(...v);
					if (len < 40) continue; // near the neutral: unsure, or a point or line drawn over
					let best = 0;
					let bestCos = -Infinity;
					dirs.forEach((d, i) => {
						const cos = (d[0] * v[0] + d[1] * v[1] + d[2] * v[2]) / (Math.hypot(...d) * len);
						if (cos > bestCos) {
							bestCos = cos;
							best = i;
						}
					});
					counts[best]++;
					total++;
				}
			return counts.map((c) => c / Math.max(1, total));
		}, colours);
}

test('three spirals: softmax over three classes, each region in its class colour', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/network');
	await expect(page.getByTestId('boundary-plot').locator('circle').first()).toBeAttached();
	await page.getByLabel('Dataset').selectOption('spiral3');
	await page.getByLabel('Hidden layers').fill('16, 16');
	const plot = page.getByTestId('boundary-plot');
	await expect(plot).toContainText('class changes');
	await expect(plot.locator('span.text')).toHaveText([
		'class 0',
		'class 1',
		'class 2',
		'train',
		'test',
		'class changes'
	]);
	await expect(page.getByTestId('network-graph')).toContainText('class 2');
	const epochsField = page.getByLabel('epochs epochs');
	await epochsField.fill('300');
	await epochsField.press('Enter');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect.poll(() => epoch(page), { timeout: 30000 }).toBe(300);
	await page.getByRole('combobox', { name: 'Curve' }).selectOption('accuracy');
	// Every class has a region of its own: orange, blue and green each hold a real share of the map.
	const shares = await colourShares(page, ['#f59322', '#0877bd', '#009e73']);
	for (const s of shares) expect(s).toBeGreaterThan(0.15);
	await expect(plot.locator('path[d^="M"]').first()).toBeAttached();

	// Export: the map as a PNG at twice the plot's size, and the curves with one row per epoch.
	const png = await menuDownload(page, /PNG/);
	expect(png.name).toBe('spiral3_gd_epoch300_boundary.png');
	const box = (await plot.boundingBox())!;
	expect(pngInfo(png.bytes)).toEqual({
		png: true,
		width: 2 * Math.floor(box.width),
		height: 2 * Math.floor(box.height)
	});
	const csv = (await menuDownload(page, /CSV/)).bytes.toString().trim().split('\n');
	expect(csv[0]).toMatch(/^run,optimizer,status,epoch,train_loss,test_loss,train_accuracy,test_accuracy/);
	expect(csv.length).toBe(1 + 301);
	expect(csv.at(-1)).toMatch(/^1,gd,ok,300,/);
	const net = JSON.parse((await menuDownload(page, /JSON/)).bytes.toString());
	expect(net.task).toBe('multiclass');
	expect(net.layers.map((l: { outputs: number }) => l.outputs)).toEqual([16, 16, 3]);
	expect(problems).toEqual([]);
});

test('penguins: one species against the rest, or all three species as classes', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/network');
	await expect(page.getByTestId('boundary-plot').locator('circle').first()).toBeAttached();
	await page.getByLabel('Dataset').selectOption('penguins');
	const classes = page.getByRole('combobox', { name: 'Classes' });
	await expect(classes).toBeVisible();
	const plot = page.getByTestId('boundary-plot');
	await expect(plot).toContainText('P = 0.5');
	await classes.selectOption('');
	await expect(plot).toContainText('class changes');
	for (const s of ['Adelie', 'Chinstrap', 'Gentoo'])
		await expect(plot.getByText(s, { exact: true })).toBeVisible();
	await expect(page.getByTestId('network-graph')).toContainText('Gentoo');
	await page.getByRole('button', { name: 'One epoch' }).click();
	await expect.poll(() => epoch(page)).toBe(1);
	expect(problems).toEqual([]);
});
