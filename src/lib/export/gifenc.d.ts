// Types for the parts of gifenc 1.0.3 (https://github.com/mattdesl/gifenc) that the GIF export uses; the
// package ships no declarations.
declare module 'gifenc' {
	export type PaletteFormat = 'rgb565' | 'rgb444' | 'rgba4444';
	/** Colours as [r, g, b] (or [r, g, b, a] for 'rgba4444'), bytes. */
	export type Palette = number[][];
	type Rgba = Uint8Array | Uint8ClampedArray;

	export interface QuantizeOptions {
		format?: PaletteFormat;
		oneBitAlpha?: boolean | number;
		clearAlpha?: boolean;
		clearAlphaThreshold?: number;
		clearAlphaColor?: number;
	}

	/** Reduces RGBA pixels (buffer must start at offset 0) to at most `maxColors` colours. */
	export function quantize(rgba: Rgba, maxColors: number, options?: QuantizeOptions): Palette;
	/** One palette index per pixel. */
	export function applyPalette(rgba: Rgba, palette: Palette, format?: PaletteFormat): Uint8Array<ArrayBuffer>;
	export function nearestColorIndex(palette: Palette, pixel: readonly number[]): number;

	export interface WriteFrameOptions {
		palette?: Palette;
		first?: boolean;
		transparent?: boolean;
		transparentIndex?: number;
		/** Milliseconds; written as Math.round(delay / 10) centiseconds. */
		delay?: number;
		/** -1 = play once, 0 = forever, n > 0 = n extra loops. */
		repeat?: number;
		dispose?: number;
	}

	export interface Encoder {
		writeFrame(index: Uint8Array, width: number, height: number, options?: WriteFrameOptions): void;
		finish(): void;
		/** A copy of the bytes written so far. */
		bytes(): Uint8Array<ArrayBuffer>;
		/** A view of the internal buffer, no copy. */
		bytesView(): Uint8Array<ArrayBuffer>;
		writeHeader(): void;
		reset(): void;
		readonly buffer: ArrayBuffer;
	}

	export function GIFEncoder(options?: { auto?: boolean; initialCapacity?: number }): Encoder;
}
