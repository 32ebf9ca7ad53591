// Unit tests of the video export's pure parts and of its behaviour where neither WebCodecs nor MediaRecorder
// exists (Node); the real encoding is checked in Chromium.
import { describe, expect, it } from 'vitest';
import type { FrameSource } from './types';
import { codecOf, encodeVideo, videoSize, videoSupport } from './video';

const frames: FrameSource = {
	width: 64,
	height: 36,
	iterations: [0, 1, 2],
	render: () => {
		throw new Error('not in Node');
	},
	dispose() {}
};

describe('video export helpers', () => {
	it('rounds odd sizes down to even for H.264 only', () => {
		expect(videoSize(853, 479, 'mp4')).toEqual({ width: 852, height: 478 });
		expect(videoSize(853, 479, 'webm')).toEqual({ width: 853, height: 479 });
		expect(videoSize(1280, 720, 'mp4')).toEqual({ width: 1280, height: 720 });
	});

	it('reads the codec of a MIME type', () => {
		expect(codecOf('video/webm;codecs=vp9')).toBe('vp9');
		expect(codecOf('video/mp4; codecs="avc1.640028, mp4a.40.2"')).toBe('avc1.640028');
		expect(codecOf('video/webm')).toBe('');
	});
});

describe('without WebCodecs or MediaRecorder', () => {
	it('reports no support', async () => {
		const support = await videoSupport();
		expect(support).toMatchObject({ webm: false, mp4: false, fallback: null });
		expect(support.how).toContain('no WebCodecs');
	});

	it('rejects: AbortError when aborted, else an explanation', async () => {
		await expect(encodeVideo(frames, 30, 'mp4', { signal: AbortSignal.abort() })).rejects.toMatchObject({
			name: 'AbortError'
		});
		await expect(encodeVideo(frames, 30, 'webm')).rejects.toThrow('neither WEBM');
	});
});
