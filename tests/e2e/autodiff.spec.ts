/**
 * The autodiff panel: opened from the header, stepped to the end of the reverse pass, its gradient checked
 * against Himmelblau's worked out by hand; stepping back, and a typed expression redrawing the graph.
 */
import { expect, test, type Locator } from '@playwright/test';
import { watchErrors } from './watch-errors';

const HIMMELBLAU = '/?v=1&fn=himmelblau&view=-5,5,-5,5&start=1.5,-0.5&steps=20&it=0&run=gd;c=0;lr=0.01';

/** f = (x² + y − 11)² + (x + y² − 7)², differentiated by hand. */
function himmelblauGradient(x: number, y: number): [number, number] {
	const u = x * x + y - 11;
	const v = x + y * y - 7;
	return [4 * x * u + 2 * v, 2 * u + 4 * y * v];
}

/** The panel writes numbers with a true minus sign (U+2212). */
function parseShown(text: string): number {
	return Number(text.replace(/\u2212/g, '-'));
}

function significant(value: number, digits = 4): number {
	return Number(value.toPrecision(digits));
}

async function stepCounter(panel: Locator): Promise<{ step: number; total: number }> {
	const text = await panel.getByTestId('autodiff-step').innerText();
	const match = /Step (\d+) of (\d+)/.exec(text);
	expect(match, `no step counter in "${text}"`).not.toBeNull();
	return { step: Number(match![1]), total: Number(match![2]) };
}

test('the reverse pass ends at the gradient the optimizers use', async ({ page }) => {
	const problems = watchErrors(page);
	await page.goto(HIMMELBLAU);
	await expect(page.locator('.bands path').first()).toBeAttached();

	const toggle = page.getByRole('button', { name: 'Autodiff', exact: true });
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	const panel = page.locator('section[aria-labelledby="autodiff-title"]');
	await expect(panel).toBeVisible();
	await expect(panel.getByLabel('Point')).toHaveValue('start');
	await expect(panel.getByTestId('autodiff-step')).toContainText('Step 0 of');

	await panel.getByRole('button', { name: 'Last step' }).click();
	const gradient = panel.getByTestId('autodiff-gradient');
	await expect(gradient).toContainText('(reverse mode)');
	const text = await gradient.innerText();
	const match = /∂f\/∂x = (\S+), ∂f\/∂y = (\S+) \(reverse mode\)/.exec(text);
	expect(match, `no reverse-mode gradient in "${text}"`).not.toBeNull();
	const [gx, gy] = himmelblauGradient(1.5, -0.5);
	expect(significant(parseShown(match![1]))).toBe(significant(gx));
	expect(significant(parseShown(match![2]))).toBe(significant(gy));
	// Reverse mode, the optimizers' gradient and dual numbers agree.
	await expect(gradient).toContainText('✓');

	const end = await stepCounter(panel);
	expect(end.step).toBe(end.total);
	await panel.getByRole('button', { name: 'Previous step' }).click();
	await expect.poll(async () => (await stepCounter(panel)).step).toBe(end.total - 1);

	// A typed expression replaces the graph.
	await page.getByRole('combobox', { name: 'Function', exact: true }).selectOption('custom');
	await page.getByLabel('Expression').fill('sin(x) * y^2');
	await expect(panel.getByTestId('autodiff-readout')).toContainText('sin(x) * y^2');
	await expect(panel.locator('svg text.label').filter({ hasText: /^sin$/ })).toHaveCount(1);
	await panel.getByRole('button', { name: 'Last step' }).click();
	await expect(gradient).toContainText('✓');

	expect(problems).toEqual([]);
});
