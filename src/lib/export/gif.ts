// Animated GIF export: encodes the frames of a FrameSource with gifenc on the main thread, one global palette,
// yielding between frames so the page stays responsive; cancellable through an AbortSignal.
import { GIFEncoder, applyPalette, quantize, type Palette, type PaletteFormat } from 'gifenc';
import type { FrameSource } from './types';

export interface GifOptions {
	signal?: AbortSignal;
	onProgress?(done: number, total: number): void;
}

/**
 * 'rgb565' (5-6-5 bits, 65 536 colour bins) rather than 'rgb444' (4 bits a channel, 4 096 bins): the contour
 * plots are smooth colour ramps with anti-aliased lines, which 444 visibly bands, and with a palette built once
 * the slower quantizer runs only once; mapping a frame to the palette costs about the same in both formats.
 */
const FORMAT: PaletteFormat = 'rgb565';
const COLORS = 256;
/** Browsers replace GIF delays under 2 cs with 10 cs, so 2 cs (50 fps) is the fastest frame rate played back. */
const MIN_DELAY_CS = 2;

/**
 * Per-frame delays in centiseconds for `count` frames at `fps`. A GIF delay is a whole number of centiseconds, so
 * most rates cannot be exact frame by frame (30 fps: 3.33 cs); the delays carry the rounding error forward
 * (30 fps gives 3, 4, 3, 3, 4, 3, ...) so that frame i starts at round(100 i / fps) cs: the average rate is
 * exactly `fps` and the total duration is count / fps to within 1 cs. Above 50 fps every delay is 2 cs (50 fps).
 */
export function gifDelaysCs(count: number, fps: number): number[] {
	const delays: number[] = [];
	for (let i = 0; i < count; i++) {
		const d = Math.round((100 * (i + 1)) / fps) - Math.round((100 * i) / fps);
		delays.push(Math.max(MIN_DELAY_CS, d));
	}
	return delays;
}

/** The frame rate a GIF plays at on average (equal to `fps` up to 50 fps). */
export function effectiveGifFps(fps: number): number {
	return Math.min(fps, 100 / MIN_DELAY_CS);
}

/**
 * Encodes every frame of `frames` as an endlessly looping GIF. The palette is quantized once from the first, middle
 * and last frames together (stable colours, no per-frame flicker, and quantizing is the slow step), then each
 * frame is mapped to it. Rejects with an 'AbortError' DOMException when `signal` aborts.
 */
export async function encodeGif(frames: FrameSource, fps: number, opts: GifOptions = {}): Promise<Blob> {
	const { signal, onProgress } = opts;
	const total = frames.iterations.length;
	if (total === 0) throw new Error('encodeGif: no frames');
	if (!(fps > 0)) throw new Error(`encodeGif: bad frame rate ${fps}`);
	const width = Math.max(1, Math.round(frames.width));
	const height = Math.max(1, Math.round(frames.height));
	const reader = new PixelReader(width, height);
	const delays = gifDelaysCs(total, fps);
	let gif: ReturnType<typeof GIFEncoder> | null = null;
	try {
		checkAbort(signal);
		const palette = await samplePalette(frames, reader, total, signal);
		gif = GIFEncoder({ initialCapacity: 1 << 20 });
		for (let i = 0; i < total; i++) {
			const rgba = reader.read(frames.render(i));
			const index = applyPalette(rgba, palette, FORMAT);
			// gifenc takes milliseconds and writes Math.round(ms / 10) centiseconds.
			gif.writeFrame(index, width, height, {
				palette: i === 0 ? palette : undefined,
				delay: delays[i] * 10,
				repeat: 0
			});
			onProgress?.(i + 1, total);
			await yieldToPage();
			checkAbort(signal);
		}
		gif.finish();
		return new Blob([gif.bytesView()], { type: 'image/gif' });
	} finally {
		gif?.reset();
		gif = null;
		reader.release();
	}
}

/** The palette of the first, middle and last frames (distinct ones) concatenated. */
async function samplePalette(
	frames: FrameSource,
	reader: PixelReader,
	total: number,
	signal: AbortSignal | undefined
): Promise<Palette> {
	const picks = [...new Set([0, Math.floor((total - 1) / 2), total - 1])];
	const frameBytes = reader.width * reader.height * 4;
	const all = new Uint8ClampedArray(frameBytes * picks.length);
	for (let k = 0; k < picks.length; k++) {
		all.set(reader.read(frames.render(picks[k])), k * frameBytes);
		await yieldToPage();
		checkAbort(signal);
	}
	return quantize(all, COLORS, { format: FORMAT });
}

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;
type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Reads a frame's RGBA pixels at width x height. Straight from the canvas's 2D context when the sizes match;
 * otherwise (another size, or a WebGL / bitmap canvas with no 2D context) drawn into a scratch canvas first.
 */
class PixelReader {
	private scratch: AnyCanvas | null = null;
	private scratchContext: Context2D | null = null;

	constructor(
		readonly width: number,
		readonly height: number
	) {}

	read(canvas: AnyCanvas): Uint8ClampedArray {
		if (canvas.width === this.width && canvas.height === this.height) {
			const own = (canvas as HTMLCanvasElement).getContext('2d') as Context2D | null;
			if (own) return own.getImageData(0, 0, this.width, this.height).data;
		}
		const context = this.scratchContext ?? this.createScratch();
		context.clearRect(0, 0, this.width, this.height);
		context.drawImage(canvas, 0, 0, this.width, this.height);
		return context.getImageData(0, 0, this.width, this.height).data;
	}

	release(): void {
		if (this.scratch) this.scratch.width = this.scratch.height = 0;
		this.scratch = this.scratchContext = null;
	}

	private createScratch(): Context2D {
		const canvas: AnyCanvas =
			typeof OffscreenCanvas !== 'undefined'
				? new OffscreenCanvas(this.width, this.height)
				: Object.assign(document.createElement('canvas'), { width: this.width, height: this.height });
		const context = (canvas as HTMLCanvasElement).getContext('2d', {
			willReadFrequently: true
		}) as Context2D | null;
		if (!context) throw new Error('encodeGif: no 2D canvas context');
		this.scratch = canvas;
		this.scratchContext = context;
		return context;
	}
}

function checkAbort(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new DOMException('GIF export cancelled', 'AbortError');
}

/**
 * Lets the page handle input and paint. A MessageChannel message rather than setTimeout(0): timers in a hidden tab
 * are throttled to one a second (or less), which would stall an export left running in the background.
 */
function yieldToPage(): Promise<void> {
	if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}
