/**
 * The page-wide shortcut guard shared by every page: a key is left alone when a modifier is held, when a
 * control already handled it, while typing in a field or a dialog, and for Space on a button (which presses it).
 */
export function isPageShortcut(e: KeyboardEvent): boolean {
	if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
	const t = e.target as HTMLElement | null;
	if (t && (t.closest('input, select, textarea, [contenteditable], dialog') || t.isContentEditable))
		return false;
	if (e.key === ' ' && (t?.tagName === 'BUTTON' || t?.getAttribute('role') === 'button')) return false;
	return true;
}
