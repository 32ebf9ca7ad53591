import { expect, test } from '@playwright/test';

test('the page loads, shows its title, and logs no errors', async ({ page }) => {
	const problems: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') problems.push(`${msg.type()}: ${msg.text()}`);
	});
	page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
	page.on('requestfailed', (req) => problems.push(`requestfailed: ${req.url()}`));

	await page.goto('/');
	await expect(page).toHaveTitle('Optimizer Playground');
	await expect(page.getByRole('heading', { level: 1, name: 'Optimizer Playground' })).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Function', exact: true })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(problems).toEqual([]);
});

test('the reference page lists every test function and optimizer from the core', async ({ page }) => {
	await page.goto('/reference');
	await expect(page.getByRole('row', { name: /Rosenbrock/ })).toBeVisible();
	await expect(page.getByRole('row', { name: /torch\.optim\.Adam\b/ }).first()).toBeVisible();
});
