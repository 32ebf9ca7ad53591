// Video export: WebM (VP9, else VP8) or MP4 (H.264) through WebCodecs, muxed by mediabunny, faster than real time;
// where WebCodecs cannot encode, a real-time MediaRecorder recording of a canvas stream instead.
import {
	BufferTarget,
	Mp4OutputFormat,
	Output,
	Quality,
	VideoSample,
	VideoSampleSource,
	WebMOutputFormat,
	getFirstEncodableVideoCodec,
	type VideoCodec
} from 'mediabunny';
import type { FrameSource } from './types';

export type VideoFormat = 'webm' | 'mp4';

export interface VideoSupport {
	/** WebCodecs can encode this format (VP9/VP8 for WebM, H.264 for MP4) at the size. */
	webm: boolean;
	mp4: boolean;
	/** The format MediaRecorder would record (real time) where WebCodecs cannot; null if it cannot either. */
	fallback: VideoFormat | null;
	/** One line on what was found, for logs and tooltips. */
	how: string;
}

export interface VideoOptions {
	/** Bits per second; default mediabunny's 'high' quality for the size. */
	bitrate?: number;
	signal?: AbortSignal;
	onProgress?(done: number, total: number): void;
}

export interface VideoResult {
	blob: Blob;
	/** The container actually written: with the fallback it can differ from the one asked for. */
	format: VideoFormat;
	/** Codec string, e.g. 'avc1.640028', 'vp09.00.31.08' or 'vp8'. */
	codec: string;
	/** Recorded by MediaRecorder in real time rather than encoded by WebCodecs. */
	usedFallback: boolean;
}

/** WebCodecs codecs per container, in order of preference. */
const CODECS: Record<VideoFormat, VideoCodec[]> = { webm: ['vp9', 'vp8'], mp4: ['avc'] };

/** MediaRecorder MIME types per container, in order of preference. */
const RECORDER_TYPES: Record<VideoFormat, string[]> = {
	webm: ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'],
	mp4: ['video/mp4;codecs=avc1', 'video/mp4']
};

/**
 * The encoded size. H.264 with 4:2:0 chroma needs even dimensions, so for MP4 an odd width or height is rounded
 * down to even (the last pixel column / row is cropped); VP9 and VP8 take any size.
 */
export function videoSize(
	width: number,
	height: number,
	format: VideoFormat
): { width: number; height: number } {
	const w = Math.max(2, Math.round(width));
	const h = Math.max(2, Math.round(height));
	return format === 'mp4' ? { width: w & ~1, height: h & ~1 } : { width: w, height: h };
}

/** The first codec of `format` that WebCodecs can encode at the size (VideoEncoder.isConfigSupported). */
async function encodableCodec(
	format: VideoFormat,
	width: number,
	height: number,
	fps: number,
	bitrate?: number
): Promise<VideoCodec | null> {
	if (typeof VideoEncoder === 'undefined') return null;
	const size = videoSize(width, height, format);
	try {
		return await getFirstEncodableVideoCodec(CODECS[format], {
			...size,
			quality: quality(bitrate),
			frameRate: fps
		});
	} catch {
		return null;
	}
}

const quality = (bitrate: number | undefined): Quality =>
	bitrate && bitrate > 0 ? new Quality({ bitrate: Math.round(bitrate) }) : new Quality('high');

function canRecord(): boolean {
	return (
		typeof MediaRecorder !== 'undefined' &&
		typeof HTMLCanvasElement !== 'undefined' &&
		typeof HTMLCanvasElement.prototype.captureStream === 'function'
	);
}

/** The MediaRecorder MIME type to record, preferring `format`; null without MediaRecorder or canvas capture. */
function recorderType(format: VideoFormat): string | null {
	if (!canRecord()) return null;
	const other: VideoFormat = format === 'webm' ? 'mp4' : 'webm';
	return (
		[...RECORDER_TYPES[format], ...RECORDER_TYPES[other]].find((t) => MediaRecorder.isTypeSupported(t)) ??
		null
	);
}

/** What the browser can make, at the size (default 1280 x 720) and frame rate (default 30). */
export async function videoSupport(
	size: { width?: number; height?: number; fps?: number } = {}
): Promise<VideoSupport> {
	const { width = 1280, height = 720, fps = 30 } = size;
	const [webm, mp4] = await Promise.all([
		encodableCodec('webm', width, height, fps),
		encodableCodec('mp4', width, height, fps)
	]);
	const recorded = recorderType('webm');
	const fallback = recorded ? containerOf(recorded) : null;
	const parts: string[] = [];
	if (typeof VideoEncoder === 'undefined') parts.push('no WebCodecs VideoEncoder');
	else {
		parts.push(`WebCodecs at ${width}x${height}: WebM ${webm ?? 'no'}, MP4 ${mp4 ?? 'no'}`);
	}
	parts.push(recorded ? `MediaRecorder: ${recorded} (real time)` : 'no MediaRecorder canvas capture');
	return { webm: webm !== null, mp4: mp4 !== null, fallback, how: parts.join('; ') };
}

const containerOf = (mimeType: string): VideoFormat => (/mp4/i.test(mimeType) ? 'mp4' : 'webm');

/** The codec named in a MIME type's codecs parameter ('video/webm;codecs=vp9' → 'vp9'), else ''. */
export function codecOf(mimeType: string): string {
	const match = /codecs\s*=\s*"?([^",;]+)/i.exec(mimeType);
	return match ? match[1].trim() : '';
}

function abortError(): DOMException {
	return new DOMException('Video export cancelled', 'AbortError');
}

/**
 * Encodes every frame of `frames` as a video: frame i at i / fps seconds, lasting 1 / fps, so the container
 * duration is exactly frames / fps. With WebCodecs this runs as fast as the encoder allows (awaiting its
 * backpressure); otherwise it falls back to MediaRecorder, which records in real time in whatever container the
 * browser offers (see `format` and `usedFallback` in the result). Rejects with an 'AbortError' DOMException when
 * `signal` aborts, after releasing the encoder.
 */
export async function encodeVideo(
	frames: FrameSource,
	fps: number,
	format: VideoFormat,
	opts: VideoOptions = {}
): Promise<VideoResult> {
	if (opts.signal?.aborted) throw abortError();
	if (frames.iterations.length === 0) throw new Error('encodeVideo: no frames');
	if (!(fps > 0)) throw new Error(`encodeVideo: bad frame rate ${fps}`);
	const codec = await encodableCodec(format, frames.width, frames.height, fps, opts.bitrate);
	if (opts.signal?.aborted) throw abortError();
	if (codec) return encodeWithWebCodecs(frames, fps, format, codec, opts);
	const mimeType = recorderType(format);
	if (mimeType) return recordInRealTime(frames, fps, mimeType, opts);
	throw new Error(`This browser can encode neither ${format.toUpperCase()} (WebCodecs) nor record a canvas`);
}

async function encodeWithWebCodecs(
	frames: FrameSource,
	fps: number,
	format: VideoFormat,
	codec: VideoCodec,
	{ bitrate, signal, onProgress }: VideoOptions
): Promise<VideoResult> {
	const total = frames.iterations.length;
	const { width, height } = videoSize(frames.width, frames.height, format);
	const fit = new CanvasFitter(width, height);
	const output = new Output({
		format: format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
		target: new BufferTarget()
	});
	const source = new VideoSampleSource({ codec, quality: quality(bitrate), sizeChangeBehavior: 'fill' });
	output.addVideoTrack(source, { frameRate: fps });
	// Cancelling at once (not at the next frame) also releases an encoder we may be waiting on.
	const onAbort = () => void output.cancel().catch(() => {});
	signal?.addEventListener('abort', onAbort, { once: true });
	try {
		await output.start();
		for (let i = 0; i < total; i++) {
			if (signal?.aborted) throw abortError();
			const sample = new VideoSample(fit.frame(frames.render(i)), { timestamp: i / fps, duration: 1 / fps });
			try {
				await source.add(sample);
			} finally {
				sample.close();
			}
			onProgress?.(i + 1, total);
		}
		if (signal?.aborted) throw abortError();
		source.close();
		await output.finalize();
		const buffer = output.target.buffer;
		if (!buffer) throw new Error('encodeVideo: the muxer produced no data');
		const mimeType = await output.getMimeType();
		return {
			blob: new Blob([buffer], { type: format === 'mp4' ? 'video/mp4' : 'video/webm' }),
			format,
			codec: codecOf(mimeType) || codec,
			usedFallback: false
		};
	} catch (error) {
		if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => {});
		throw signal?.aborted ? abortError() : error;
	} finally {
		signal?.removeEventListener('abort', onAbort);
		fit.release();
	}
}

/**
 * The fallback: draws each frame into a canvas captured at 0 fps, requests one stream frame per frame and waits
 * until its time (i + 1) / fps after the start, so the recording takes as long as the video. Its timing follows
 * the wall clock, so a busy page can stretch frames slightly; MediaRecorder files carry no duration header.
 */
async function recordInRealTime(
	frames: FrameSource,
	fps: number,
	mimeType: string,
	{ bitrate, signal, onProgress }: VideoOptions
): Promise<VideoResult> {
	const total = frames.iterations.length;
	const format = containerOf(mimeType);
	const { width, height } = videoSize(frames.width, frames.height, format);
	const canvas = Object.assign(document.createElement('canvas'), { width, height });
	const context = canvas.getContext('2d');
	if (!context) throw new Error('encodeVideo: no 2D canvas context');
	const stream = canvas.captureStream(0);
	const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
	const recorder = new MediaRecorder(stream, {
		mimeType,
		...(bitrate && bitrate > 0 ? { videoBitsPerSecond: Math.round(bitrate) } : {})
	});
	const chunks: Blob[] = [];
	recorder.ondataavailable = (event) => {
		if (event.data.size > 0) chunks.push(event.data);
	};
	const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
	let recorderError: unknown = null;
	recorder.onerror = (event) =>
		(recorderError = (event as ErrorEvent).error ?? new Error('MediaRecorder failed'));
	let wake: (() => void) | null = null;
	const onAbort = () => wake?.();
	signal?.addEventListener('abort', onAbort, { once: true });
	try {
		recorder.start();
		const start = performance.now();
		for (let i = 0; i < total; i++) {
			if (signal?.aborted) throw abortError();
			if (recorderError) throw recorderError;
			context.drawImage(frames.render(i), 0, 0, width, height);
			track.requestFrame();
			onProgress?.(i + 1, total);
			const wait = start + ((i + 1) * 1000) / fps - performance.now();
			if (wait > 0) {
				await new Promise<void>((resolve) => {
					wake = resolve;
					setTimeout(resolve, wait);
				});
				wake = null;
			}
		}
		if (signal?.aborted) throw abortError();
		recorder.stop();
		await stopped;
		if (recorderError) throw recorderError;
		const type = recorder.mimeType || mimeType;
		return {
			blob: new Blob(chunks, { type: type.split(';')[0] }),
			format: containerOf(type),
			codec: codecOf(type) || (format === 'mp4' ? 'avc1' : 'vp8'),
			usedFallback: true
		};
	} catch (error) {
		if (recorder.state !== 'inactive') recorder.stop();
		throw signal?.aborted ? abortError() : error;
	} finally {
		signal?.removeEventListener('abort', onAbort);
		for (const t of stream.getTracks()) t.stop();
		chunks.length = 0;
		canvas.width = canvas.height = 0;
	}
}

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

/**
 * Hands the encoder a canvas of exactly width x height: the frame's own canvas when it already is, else a copy
 * (the frame scaled when the source renders at another size; cropped by one pixel when rounded down to even).
 */
class CanvasFitter {
	private scratch: AnyCanvas | null = null;
	private context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;

	constructor(
		private readonly width: number,
		private readonly height: number
	) {}

	frame(canvas: AnyCanvas): AnyCanvas {
		if (canvas.width === this.width && canvas.height === this.height) return canvas;
		if (!this.context) {
			this.scratch =
				typeof OffscreenCanvas !== 'undefined'
					? new OffscreenCanvas(this.width, this.height)
					: Object.assign(document.createElement('canvas'), { width: this.width, height: this.height });
			this.context = (this.scratch as HTMLCanvasElement).getContext('2d');
			if (!this.context) throw new Error('encodeVideo: no 2D canvas context');
		}
		// An odd size rounded down to even: crop the last column / row rather than rescale everything.
		const dw = canvas.width - this.width;
		const dh = canvas.height - this.height;
		const crop = dw >= 0 && dw <= 1 && dh >= 0 && dh <= 1;
		const sw = crop ? this.width : canvas.width;
		const sh = crop ? this.height : canvas.height;
		this.context.clearRect(0, 0, this.width, this.height);
		this.context.drawImage(canvas, 0, 0, sw, sh, 0, 0, this.width, this.height);
		return this.scratch!;
	}

	release(): void {
		if (this.scratch) this.scratch.width = this.scratch.height = 0;
		this.scratch = this.context = null;
	}
}
