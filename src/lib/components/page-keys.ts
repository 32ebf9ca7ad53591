import type { Playground } from '$lib/state/playground.svelte';

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

/** A keydown handler for a page's shortcuts: runs the key's action, when the key is the page's to take. */
export function pageShortcuts(actions: Readonly<Record<string, () => void>>): (e: KeyboardEvent) => void {
	return (e) => {
		if (!Object.hasOwn(actions, e.key) || !isPageShortcut(e)) return;
		actions[e.key]();
		e.preventDefault();
	};
}

/** The playback keys of a page built on a Playground (the playground and regression pages). */
export function playbackShortcuts(app: Playground): Record<string, () => void> {
	return {
		' ': () => app.toggle(),
		ArrowRight: () => app.stepForward(),
		ArrowLeft: () => app.stepBack(),
		Home: () => app.seek(0),
		End: () => app.seek(app.steps)
	};
}
