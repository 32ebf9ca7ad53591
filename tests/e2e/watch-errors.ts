/** Collects a page's console errors and uncaught exceptions, for a test to assert there were none. */
import type { Page } from '@playwright/test';

export function watchErrors(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
	return problems;
}
