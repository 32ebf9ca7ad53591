/**
 * The network page: train on a dataset in the worker, pause, see the boundary, the weights and the curves,
 * race two optimizers from the same weights, and open the loss landscape.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './watch-errors';

const epoch = async (page: Page) =>
	Number((await page.getByTestId('epoch').locator('strong').innerText()).trim());

test('training runs in the worker, pauses, and shows the boundary, weights and curves', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/network');
	await expect(page.getByTestId('nn-data-summary')).toContainText('250 training rows');
	// Points drawn by the client: hydrated.
	await expect(page.getByTestId('boundary-plot').locator('circle').first()).toBeAttached();
	const epochsField = page.getByLabel('epochs epochs');
	await epochsField.fill('100000');
	await epochsField.press('Enter');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect.poll(() => epoch(page), { timeout: 15000 }).toBeGreaterThan(50);
	await page.getByRole('button', { name: 'Pause', exact: true }).click();
	// The worker confirms the pause with its last epoch; the Train button returns with it.
	await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
	const paused = await epoch(page);
	await page.waitForTimeout(600);
	expect(await epoch(page)).toBe(paused);
	// The decision boundary is drawn, the network's edges are drawn, and the curves have both lines.
	await expect(page.getByTestId('boundary-plot').locator('path').first()).toBeAttached();
	await expect(page.getByTestId('network-graph').locator('canvas, line, path').first()).toBeAttached();
	const curves = page.getByTestId('curves-chart');
	await expect(curves).toContainText('training');
	await expect(curves).toContainText('test');
	// One more epoch, exactly.
	await page.getByRole('button', { name: 'One epoch' }).click();
	await expect.poll(() => epoch(page)).toBe(paused + 1);
	await page.getByRole('combobox', { name: 'Curve' }).selectOption('accuracy');
	await expect(curves).toContainText('accuracy');
	expect(problems).toEqual([]);
});

test('race two optimizers from the same weights, then open the loss landscape', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto('/network');
	await expect(page.getByTestId('boundary-plot').locator('circle').first()).toBeAttached();
	await page.getByRole('combobox', { name: 'Optimizer to add' }).selectOption('adam');
	await page.getByRole('button', { name: 'Add run' }).click();
	await page.getByRole('checkbox', { name: /Race/ }).check();
	await page.getByRole('button', { name: 'One epoch' }).click();
	await expect.poll(() => epoch(page)).toBe(1);
	const curves = page.getByTestId('curves-chart');
	await expect(curves).toContainText('Adam');
	await expect(curves).toContainText('Gradient descent');
	await expect(page.getByRole('combobox', { name: 'Shown run' })).toBeVisible();
	// A bad layer list is refused at the field, and training still works.
	await page.getByLabel('Hidden layers').fill('8, x');
	await expect(page.getByRole('alert')).toContainText('layer 2');
	await page.getByLabel('Hidden layers').fill('6');
	await page.getByRole('button', { name: 'One epoch' }).click();
	await expect.poll(() => epoch(page)).toBe(1);
	for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'One epoch' }).click();
	await expect.poll(() => epoch(page)).toBe(5);

	await page.getByRole('combobox', { name: 'Directions' }).selectOption('pca');
	await page.getByRole('button', { name: 'Show the loss landscape' }).click();
	await expect(page.getByTestId('landscape-caption')).toContainText('Principal directions');
	await expect(page.getByTestId('landscape-caption')).toContainText('epoch 5');
	await expect(page.locator('.bands path').first()).toBeAttached({ timeout: 15000 });
	await expect(page.locator('.runs .run .line').first()).toBeAttached();
	expect(problems).toEqual([]);
});

test('a link carries the settings, the URL follows a change, and a bad parameter is named', async ({
	page
}) => {
	const problems = watchErrors(page);
	await page.goto(
		'/network?v=1&data=xor&noise=0.2&hidden=8,6&act=relu,tanh&batch=32&race=true&run=gd;c=0;lr=0.03&run=adam;c=1;lr=0.01'
	);
	await expect(page.getByTestId('boundary-plot').locator('circle').first()).toBeAttached();
	await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('xor');
	await expect(page.getByLabel('noise noise')).toHaveValue('0.2');
	await expect(page.getByLabel('Hidden layers')).toHaveValue('8, 6');
	await expect(page.getByRole('combobox', { name: 'Activation of layer 1' })).toHaveValue('relu');
	await expect(page.getByRole('combobox', { name: 'Activation of layer 2' })).toHaveValue('tanh');
	await expect(page.getByLabel('batch size batch')).toHaveValue('32');
	await expect(page.getByRole('checkbox', { name: /Race/ })).toBeChecked();
	await expect(page.getByRole('combobox', { name: 'Optimizer of run 2' })).toHaveValue('adam');
	await expect(page.getByRole('status').filter({ hasText: 'not used' })).toHaveCount(0);

	// A change goes into the address bar (after a short delay), the rest of the link stays.
	await page.getByRole('combobox', { name: 'Dataset' }).selectOption('spiral');
	await expect.poll(() => new URL(page.url()).searchParams.get('data')).toBe('spiral');
	expect(new URL(page.url()).searchParams.get('hidden')).toBe('8,6');
	expect(new URL(page.url()).searchParams.getAll('run')).toHaveLength(2);

	// A bad value is named and replaced by the default; the good ones are used.
	await page.goto('/network?v=1&data=xor&points=-5&hidden=99,abc');
	await expect(page.getByTestId('boundary-plot').locator('circle').first()).toBeAttached();
	const notice = page.getByRole('status').filter({ hasText: 'not used' });
	await expect(notice).toContainText('points=-5');
	await expect(notice).toContainText('hidden=99,abc');
	await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('xor');
	await expect(page.getByLabel('points points')).toHaveValue('500');
	await expect(page.getByLabel('Hidden layers')).toHaveValue('4, 2');
	expect(problems).toEqual([]);
});
