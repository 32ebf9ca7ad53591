/**
 * The legend box the plots float over their top right corner: one row per item, a key (a filled dot, a
 * hollow ring, or a solid or dashed line) and its text, set with .text() only.
 */
import { appendPanel, paintPanel, type Div } from './chart-dom';
import type { ChartTheme } from './chart-theme';

export interface LegendItem {
	readonly color: string;
	readonly text: string;
	readonly kind: 'dot' | 'ring' | 'line';
	/** A dashed line (kind 'line' only). */
	readonly dash?: boolean;
}

/** Sizes of a legend's keys, in CSS pixels. */
export interface LegendKeys {
	/** Diameter of a dot or ring. */
	readonly dot: number;
	/** Outline of a dot or ring. */
	readonly ring: number;
	/** Length and thickness of a line. */
	readonly line: number;
	readonly lineWidth: number;
	/** Space under a key (to centre it on the text). */
	readonly lift: number;
	/** Dots measured with their outline (CSS border-box) rather than inside it. */
	readonly borderBox?: boolean;
}

/** The legend box, its top right corner `right` and `top` pixels inside the root's. */
export function appendLegend(root: Div, right: number, top: number, padding: string): Div {
	return appendPanel(root, padding, '6px')
		.style('right', `${right}px`)
		.style('top', `${top}px`)
		.style('line-height', '1.35');
}

/** Draws the items as the legend's `div.item` rows (after any other rows), in the theme's panel colours. */
export function drawLegend(legend: Div, items: readonly LegendItem[], keys: LegendKeys, t: ChartTheme): void {
	paintPanel(legend, t);
	const line = (i: LegendItem) => i.kind === 'line';
	legend
		.selectAll('div.item')
		.data(items)
		.join((enter) => {
			const div = enter.append('div').attr('class', 'item');
			div.append('span').attr('class', 'key');
			div.append('span').attr('class', 'text');
			return div;
		})
		.call((div) =>
			div
				.select('span.key')
				.style('display', 'inline-block')
				.style('box-sizing', () => (keys.borderBox ? 'border-box' : null))
				.style('width', (i) => `${line(i) ? keys.line : keys.dot}px`)
				.style('height', (i) => (line(i) ? '0' : `${keys.dot}px`))
				.style('border-radius', (i) => (line(i) ? '0' : '50%'))
				.style('margin', `0 6px ${keys.lift}px 0`)
				.style('vertical-align', 'middle')
				.style('background', (i) => (i.kind === 'dot' ? i.color : 'transparent'))
				.style('border', (i) => (line(i) ? '0' : `${keys.ring}px solid ${i.color}`))
				.style('border-top', (i) =>
					line(i)
						? `${keys.lineWidth}px ${i.dash ? 'dashed' : 'solid'} ${i.color}`
						: `${keys.ring}px solid ${i.color}`
				)
		)
		.select('span.text')
		.text((i) => i.text);
}
