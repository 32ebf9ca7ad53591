/** The page theme shared by every page: the saved choice, else the system preference; saved when toggled. */
export type ThemeName = 'light' | 'dark';

export function initialTheme(): ThemeName {
	const saved = localStorage.getItem('theme');
	if (saved === 'dark' || saved === 'light') return saved;
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function saveTheme(theme: ThemeName): void {
	localStorage.setItem('theme', theme);
}
