/** File names that say what is in them: function, optimizers, steps, e.g. rosenbrock_adam-momentum-newton_200steps.gif. */

/** Lower-case letters, digits and dashes, at most 40 characters: safe in any file name. */
export function fileSlug(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'scene'
	);
}

export function exportFileName(
	functionSlug: string,
	optimizerIds: readonly string[],
	steps: number,
	extension: string,
	suffix = ''
): string {
	// Each optimizer once, in roster order; a long roster is summarised.
	const unique = [...new Set(optimizerIds)];
	const opts =
		unique.length > 5 ? `${unique.slice(0, 4).join('-')}-and-${unique.length - 4}-more` : unique.join('-');
	const parts = [fileSlug(functionSlug), opts ? fileSlug(opts) : 'no-runs', `${steps}steps`];
	if (suffix) parts.push(fileSlug(suffix));
	return `${parts.join('_')}.${extension}`;
}
