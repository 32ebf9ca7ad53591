// Unit tests of the GIF export in Node: delays that keep the frame rate on average, a full encode of fake canvases
// read back with gifInfo, and cancellation.
import { describe, expect, it } from 'vitest';
import { effectiveGifFps, encodeGif, gifDelaysCs } from './gif';
import { gifInfo } from './media-check';
import type { FrameSource } from './types';

/** Frames of a moving square on fake canvases that only offer getImageData (all encodeGif reads). */
function fakeFrames(count: number, width = 32, height = 18): FrameSource & { rendered: number[] } {
	const rendered: number[] = [];
	let current = 0;
	const context = {
		getImageData: () => {
			const data = new Uint8ClampedArray(width * height * 4);
			for (let y = 0; y < height; y++) {
				for (let x = 0; x < width; x++) {
					const inside = Math.abs(x - ((current * 2) % width)) < 3 && Math.abs(y - height / 2) < 3;
					data.set(inside ? [230, 60, 40, 255] : [20 + x * 4, 40 + y * 8, 120, 255], (y * width + x) * 4);
				}
			}
			return { data, width, height };
		}
	};
	const canvas = { width, height, getContext: () => context } as unknown as HTMLCanvasElement;
	return {
		width,
		height,
		iterations: Array.from({ length: count }, (_, i) => i),
		rendered,
		render(i: number) {
			rendered.push(i);
			current = i;
			return canvas;
		},
		dispose() {}
	};
}

describe('gifDelaysCs', () => {
	it('keeps the average rate exact where single delays cannot be', () => {
		expect(gifDelaysCs(6, 30)).toEqual([3, 4, 3, 3, 4, 3]);
		expect(gifDelaysCs(60, 30).reduce((a, b) => a + b)).toBe(200);
		expect(gifDelaysCs(4, 25)).toEqual([4, 4, 4, 4]);
		expect(gifDelaysCs(7, 24).reduce((a, b) => a + b)).toBe(Math.round(700 / 24));
	});

	it('never goes under 2 cs (browsers slow shorter delays down to 10 cs)', () => {
		expect(gifDelaysCs(3, 60)).toEqual([2, 2, 2]);
		expect(effectiveGifFps(60)).toBe(50);
		expect(effectiveGifFps(30)).toBe(30);
	});
});

describe('encodeGif', () => {
	it('writes a looping GIF89a with one frame per iteration lasting frames / fps', async () => {
		const frames = fakeFrames(60);
		const progress: number[] = [];
		const blob = await encodeGif(frames, 30, { onProgress: (done, total) => progress.push(done / total) });
		expect(blob.type).toBe('image/gif');
		const info = gifInfo(new Uint8Array(await blob.arrayBuffer()));
		expect(info).toMatchObject({ header: 'GIF89a', width: 32, height: 18, frames: 60, complete: true });
		expect(info.delaysCs.reduce((a, b) => a + b)).toBe(200);
		expect(progress).toHaveLength(60);
		expect(progress.at(-1)).toBe(1);
		// The palette samples the first, middle and last frames, then every frame is encoded in order.
		expect(frames.rendered.slice(0, 3)).toEqual([0, 29, 59]);
		expect(frames.rendered.slice(3)).toEqual(frames.iterations);
	});

	it('rejects with an AbortError soon after the signal aborts', async () => {
		const frames = fakeFrames(100);
		const controller = new AbortController();
		const encoding = encodeGif(frames, 30, {
			signal: controller.signal,
			onProgress: (done) => {
				if (done === 5) controller.abort();
			}
		});
		await expect(encoding).rejects.toMatchObject({ name: 'AbortError' });
		expect(frames.rendered.length).toBeLessThanOrEqual(3 + 5);
	});

	it('rejects at once when already aborted, and on empty input', async () => {
		const frames = fakeFrames(3);
		await expect(encodeGif(frames, 30, { signal: AbortSignal.abort() })).rejects.toMatchObject({
			name: 'AbortError'
		});
		expect(frames.rendered).toEqual([]);
		await expect(encodeGif(fakeFrames(0), 30)).rejects.toThrow('no frames');
	});
});
