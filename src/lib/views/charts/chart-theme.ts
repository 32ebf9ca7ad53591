/** Colours of the charts' chrome (axes, grid, cursor, readouts) for the light and dark page themes. */
export interface ChartTheme {
	background: string;
	text: string;
	muted: string;
	grid: string;
	axis: string;
	cursor: string;
	panel: string;
	border: string;
}

export const CHART_THEMES: Record<'light' | 'dark', ChartTheme> = {
	light: {
		background: '#ffffff',
		text: '#1f2328',
		muted: '#57606a',
		grid: '#e4e7eb',
		axis: '#8c959f',
		cursor: '#1f2328',
		panel: 'rgba(255, 255, 255, 0.96)',
		border: '#c8d0d8'
	},
	dark: {
		background: '#16181d',
		text: '#e6edf3',
		muted: '#a4aeb9',
		grid: '#2b3139',
		axis: '#6e7681',
		cursor: '#e6edf3',
		panel: 'rgba(22, 24, 29, 0.96)',
		border: '#454d57'
	}
};

/** The page's font stack, for text drawn outside the page's CSS (SVG and canvas exports). */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
