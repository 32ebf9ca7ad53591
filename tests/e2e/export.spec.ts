/**
 * Export downloads checked for real: headers, sizes, frame counts, durations; JSON equal to the CLI's output
 * for the same scene; a cancelled export downloads nothing. Scenes are small (software rendering here).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { gifInfo, mp4Info, pngInfo, webmInfo } from '../../src/lib/export/media-check';

const STEPS = 30;
const SCENE = `/?v=1&fn=rosenbrock&view=-2,2,-1,3&start=-1.5,2&steps=${STEPS}&it=${STEPS}&run=gd;c=0;lr=0.001&run=adam;c=2;lr=0.1`;

async function openExport(page: Page): Promise<void> {
	await page.goto(SCENE);
	await expect(page.locator('.bands path').first()).toBeAttached();
	await page.getByRole('button', { name: 'Export', exact: true }).click();
	await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
}

/** 480p, 10 fps, no hold: 31 frames of 854 x 480. */
async function smallClip(page: Page): Promise<void> {
	const dialog = page.getByRole('dialog', { name: 'Export' });
	await dialog.getByLabel('Size').selectOption('480p');
	await dialog.getByLabel('Frames per second').fill('10');
	await dialog.getByLabel('Every k-th step').fill('1');
	await dialog.getByLabel('Hold last frame (s)').fill('0');
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
	const dialog = page.getByRole('dialog', { name: 'Export' });
	const pending = page.waitForEvent('download', { timeout: 60_000 });
	await dialog.getByRole('button', { name: button, exact: true }).click();
	const d = await pending;
	const path = await d.path();
	return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

test.describe('export', () => {
	test.setTimeout(120_000);

	test('GIF: GIF89a, chosen size, one frame per exported iteration', async ({ page }) => {
		await openExport(page);
		await smallClip(page);
		const { name, bytes } = await download(page, 'GIF');
		expect(name).toBe(`rosenbrock_gd-adam_${STEPS}steps.gif`);
		const info = gifInfo(bytes);
		expect(info.header).toBe('GIF89a');
		expect([info.width, info.height]).toEqual([854, 480]);
		expect(info.frames).toBe(STEPS + 1);
	});

	test('WebM and MP4: container headers and a duration of frames / fps', async ({ page }) => {
		await openExport(page);
		await smallClip(page);
		const webm = await download(page, 'WebM');
		const w = webmInfo(webm.bytes);
		expect(w.ebml).toBe(true);
		expect(Math.abs(w.durationSeconds - (STEPS + 1) / 10)).toBeLessThanOrEqual(0.1 + 1e-9);
		const mp4 = await download(page, 'MP4');
		expect(mp4.name.endsWith('.mp4')).toBe(true);
		const m = mp4Info(mp4.bytes);
		expect(m.ftyp).toBe(true);
		expect(Math.abs(m.durationSeconds - (STEPS + 1) / 10)).toBeLessThanOrEqual(0.1 + 1e-9);
		expect([m.width, m.height]).toEqual([854, 480]);
	});

	test('PNG at 2x and SVG of the contour map have the chosen size', async ({ page }) => {
		await openExport(page);
		const dialog = page.getByRole('dialog', { name: 'Export' });
		await dialog.getByLabel('Size').selectOption('480p');
		await dialog.getByLabel('Scale').selectOption('2');
		const png = pngInfo((await download(page, 'PNG')).bytes);
		expect(png.png).toBe(true);
		expect([png.width, png.height]).toEqual([1708, 960]);
		const svg = new TextDecoder().decode((await download(page, 'SVG')).bytes);
		expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s\S]*<\/svg>\s*$/);
		expect(svg).toMatch(/<svg[^>]*\swidth="854"/);
		expect(svg).toMatch(/<svg[^>]*\sheight="480"/);
		expect(svg).not.toContain('<script');
	});

	test('JSON equals what the CLI prints for each run; CSV has a row per point', async ({ page }) => {
		await openExport(page);
		const json = JSON.parse(new TextDecoder().decode((await download(page, 'JSON')).bytes));
		expect(json).toHaveLength(2);
		for (const [i, [opt, lr]] of [
			['gd', '0.001'],
			['adam', '0.1']
		].entries()) {
			const cli = execFileSync(process.execPath, [
				'src/cli/run.mjs',
				'trajectory',
				'--function',
				'rosenbrock',
				'--optimizer',
				opt,
				'--start=-1.5,2',
				'--steps',
				String(STEPS),
				'--set',
				`lr=${lr}`
			]).toString();
			expect(json[i]).toEqual(JSON.parse(cli));
		}
		const csv = new TextDecoder()
			.decode((await download(page, 'CSV')).bytes)
			.trim()
			.split('\n');
		expect(csv[0].startsWith('run,optimizer,step,x,y,f,lr')).toBe(true);
		expect(csv).toHaveLength(1 + 2 * (STEPS + 1));
	});

	test('cancel stops an export and downloads nothing', async ({ page }) => {
		await openExport(page);
		const dialog = page.getByRole('dialog', { name: 'Export' });
		await dialog.getByLabel('Size').selectOption('1080p');
		await dialog.getByLabel('Hold last frame (s)').fill('20');
		let downloads = 0;
		page.on('download', () => downloads++);
		await dialog.getByRole('button', { name: 'GIF', exact: true }).click();
		await expect(dialog.getByRole('progressbar')).toBeVisible();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog.getByRole('status')).toContainText('cancelled');
		await page.waitForTimeout(1500);
		expect(downloads).toBe(0);
		// The page still works.
		await dialog.getByRole('button', { name: 'Close export' }).click();
		await page.getByRole('button', { name: 'Step back' }).click();
		await expect(page.getByRole('slider', { name: 'Iteration', exact: true })).toHaveValue(String(STEPS - 1));
	});
});
