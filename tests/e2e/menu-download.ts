/** Picks an item of a page's Export menu (opening the menu when it is closed) and reads the file it saves. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export async function menuDownload(page: Page, item: RegExp): Promise<{ name: string; bytes: Buffer }> {
	const menu = page.getByRole('menuitem', { name: item });
	if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Export' }).click();
	const [dl] = await Promise.all([page.waitForEvent('download'), menu.click()]);
	return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}
