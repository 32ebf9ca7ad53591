// Small pure parsers of exported media (GIF, WebM, MP4, PNG) for tests: header, size, frame count and duration,
// read straight from the bytes. They never throw on malformed input; they report what they could read.

export interface GifInfo {
	header: 'GIF89a' | 'GIF87a' | null;
	width: number;
	height: number;
	/** Image descriptors (frames). */
	frames: number;
	/** Per frame, the delay of its Graphic Control Extension in centiseconds (0 if none). */
	delaysCs: number[];
	/** Whether the trailer (0x3B) was reached after well-formed blocks. */
	complete: boolean;
}

export interface WebmInfo {
	/** Starts with the EBML magic 0x1A45DFA3. */
	ebml: boolean;
	docType: string | null;
	/** Segment > Info > Duration x TimecodeScale; NaN when absent (e.g. MediaRecorder's live recordings). */
	durationSeconds: number;
	/** PixelWidth / PixelHeight of the first video track, 0 if none. */
	width: number;
	height: number;
	/** Blocks (SimpleBlock or BlockGroup > Block) of the video track, i.e. frames. */
	frames: number;
	/** The latest block timestamp in seconds (the start of the last frame); NaN without blocks. */
	lastFrameSeconds: number;
}

export interface Mp4Info {
	/** The first box is 'ftyp'. */
	ftyp: boolean;
	majorBrand: string | null;
	/** moov > mvhd duration / timescale; NaN without mvhd. */
	durationSeconds: number;
	/** The video track's tkhd width / height (16.16 fixed point, rounded), 0 if none. */
	width: number;
	height: number;
	/** The video track's sample count (stsz, or the trun boxes of a fragmented file), 0 if none. */
	frames: number;
}

export interface PngInfo {
	png: boolean;
	width: number;
	height: number;
}

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
	start + length > bytes.length ? '' : String.fromCharCode(...bytes.subarray(start, start + length));

const u16le = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8);
const u16be = (b: Uint8Array, p: number): number => (b[p] << 8) | b[p + 1];
const u32be = (b: Uint8Array, p: number): number =>
	((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
const u64be = (b: Uint8Array, p: number): number => u32be(b, p) * 2 ** 32 + u32be(b, p + 4);

// ---------------------------------------------------------------------------------------------------- GIF

export function gifInfo(bytes: Uint8Array): GifInfo {
	const info: GifInfo = { header: null, width: 0, height: 0, frames: 0, delaysCs: [], complete: false };
	const signature = ascii(bytes, 0, 6);
	if (signature !== 'GIF89a' && signature !== 'GIF87a') return info;
	info.header = signature;
	if (bytes.length < 13) return info;
	info.width = u16le(bytes, 6);
	info.height = u16le(bytes, 8);
	const screenFlags = bytes[10];
	let p = 13 + (screenFlags & 0x80 ? 3 * (2 << (screenFlags & 7)) : 0);
	let pendingDelay: number | null = null;
	/** Skips a run of data sub-blocks (length byte + data) and its 0 terminator; -1 if truncated. */
	const skipSubBlocks = (q: number): number => {
		while (q < bytes.length) {
			const size = bytes[q];
			if (size === 0) return q + 1;
			q += size + 1;
		}
		return -1;
	};
	while (p >= 0 && p < bytes.length) {
		const introducer = bytes[p];
		if (introducer === 0x3b) {
			info.complete = true;
			break;
		} else if (introducer === 0x21) {
			// Extension: label, then sub-blocks. A Graphic Control Extension holds the next frame's delay.
			if (p + 2 > bytes.length) break;
			if (bytes[p + 1] === 0xf9 && bytes[p + 2] === 4 && p + 6 < bytes.length)
				pendingDelay = u16le(bytes, p + 4);
			p = skipSubBlocks(p + 2);
		} else if (introducer === 0x2c) {
			// Image descriptor: 9 bytes, optional local colour table, LZW minimum code size, sub-blocks.
			if (p + 10 > bytes.length) break;
			const flags = bytes[p + 9];
			p += 10 + (flags & 0x80 ? 3 * (2 << (flags & 7)) : 0);
			p = skipSubBlocks(p + 1);
			if (p < 0) break;
			info.frames++;
			info.delaysCs.push(pendingDelay ?? 0);
			pendingDelay = null;
		} else {
			break;
		}
	}
	return info;
}

// ---------------------------------------------------------------------------------------------------- WebM

const EBML = {
	header: 0x1a45dfa3,
	docType: 0x4282,
	segment: 0x18538067,
	info: 0x1549a966,
	timecodeScale: 0x2ad7b1,
	duration: 0x4489,
	tracks: 0x1654ae6b,
	trackEntry: 0xae,
	trackNumber: 0xd7,
	trackType: 0x83,
	video: 0xe0,
	pixelWidth: 0xb0,
	pixelHeight: 0xba,
	cluster: 0x1f43b675,
	timecode: 0xe7,
	simpleBlock: 0xa3,
	blockGroup: 0xa0,
	block: 0xa1
} as const;

interface Element {
	id: number;
	/** Null for an unknown size (all value bits set): it runs to the end of its parent. */
	size: number | null;
	/** Where the data starts. */
	data: number;
}

/** A variable-length integer: its length in bytes (1..8) from the leading zeros of the first byte, or 0. */
function vintLength(first: number): number {
	for (let n = 1; n <= 8; n++) if (first & (0x100 >> n)) return n;
	return 0;
}

function readVint(b: Uint8Array, p: number): { value: number; length: number; unknown: boolean } | null {
	const length = vintLength(b[p] ?? 0);
	if (!length || p + length > b.length) return null;
	let value = b[p] & (0xff >> length);
	let allOnes = value === 0xff >> length;
	for (let k = 1; k < length; k++) {
		value = value * 256 + b[p + k];
		allOnes &&= b[p + k] === 0xff;
	}
	return { value, length, unknown: allOnes };
}

function readElement(b: Uint8Array, p: number): Element | null {
	const idLength = vintLength(b[p] ?? 0);
	if (!idLength || idLength > 4 || p + idLength > b.length) return null;
	let id = 0;
	for (let k = 0; k < idLength; k++) id = id * 256 + b[p + k];
	const size = readVint(b, p + idLength);
	if (!size) return null;
	return { id, size: size.unknown ? null : size.value, data: p + idLength + size.length };
}

function ebmlUint(b: Uint8Array, p: number, size: number): number {
	let value = 0;
	for (let k = 0; k < size && p + k < b.length; k++) value = value * 256 + b[p + k];
	return value;
}

function ebmlFloat(b: Uint8Array, p: number, size: number): number | null {
	if (p + size > b.length) return null;
	const view = new DataView(b.buffer, b.byteOffset + p, size);
	if (size === 4) return view.getFloat32(0);
	if (size === 8) return view.getFloat64(0);
	return size === 0 ? 0 : null;
}

/** Calls `visit` for each child of [start, end); stops at the first unreadable element. */
function eachChild(
	b: Uint8Array,
	start: number,
	end: number,
	visit: (el: Element, end: number) => void
): void {
	let p = start;
	while (p < end) {
		const el = readElement(b, p);
		if (!el) return;
		const elEnd = el.size === null ? end : Math.min(end, el.data + el.size);
		visit(el, elEnd);
		p = elEnd;
	}
}

export function webmInfo(bytes: Uint8Array): WebmInfo {
	const info: WebmInfo = {
		ebml: u32be(bytes, 0) === EBML.header && bytes.length >= 4,
		docType: null,
		durationSeconds: NaN,
		width: 0,
		height: 0,
		frames: 0,
		lastFrameSeconds: NaN
	};
	if (!info.ebml) return info;
	let timecodeScale = 1_000_000;
	let rawDuration: number | null = null;
	let videoTrack: number | null = null;
	let clusterTime = 0;
	let lastTicks: number | null = null;

	const countBlock = (el: Element, end: number) => {
		const track = readVint(bytes, el.data);
		if (!track || el.data + track.length + 2 > end) return;
		if (videoTrack !== null && track.value !== videoTrack) return;
		const relative = (u16be(bytes, el.data + track.length) << 16) >> 16;
		info.frames++;
		lastTicks = Math.max(lastTicks ?? -Infinity, clusterTime + relative);
	};

	// Masters are walked flat: entered ones (Segment, Cluster, BlockGroup) continue at their data, so elements of
	// unknown size (a live Segment or Cluster) need no end; the others are read within their bounds or skipped.
	let p = 0;
	while (p < bytes.length) {
		const el = readElement(bytes, p);
		if (!el) break;
		const end = el.size === null ? bytes.length : Math.min(bytes.length, el.data + el.size);
		switch (el.id) {
			case EBML.segment:
			case EBML.cluster:
			case EBML.blockGroup:
				p = el.data;
				continue;
			case EBML.header:
				eachChild(bytes, el.data, end, (child, childEnd) => {
					if (child.id === EBML.docType) {
						info.docType = ascii(bytes, child.data, childEnd - child.data).replace(/\0+$/, '');
					}
				});
				break;
			case EBML.info:
				eachChild(bytes, el.data, end, (child, childEnd) => {
					if (child.id === EBML.timecodeScale)
						timecodeScale = ebmlUint(bytes, child.data, childEnd - child.data);
					if (child.id === EBML.duration) rawDuration = ebmlFloat(bytes, child.data, childEnd - child.data);
				});
				break;
			case EBML.tracks:
				eachChild(bytes, el.data, end, (entry, entryEnd) => {
					if (entry.id !== EBML.trackEntry) return;
					let number: number | null = null;
					let type: number | null = null;
					let width = 0;
					let height = 0;
					eachChild(bytes, entry.data, entryEnd, (child, childEnd) => {
						if (child.id === EBML.trackNumber) number = ebmlUint(bytes, child.data, childEnd - child.data);
						if (child.id === EBML.trackType) type = ebmlUint(bytes, child.data, childEnd - child.data);
						if (child.id === EBML.video) {
							eachChild(bytes, child.data, childEnd, (v, vEnd) => {
								if (v.id === EBML.pixelWidth) width = ebmlUint(bytes, v.data, vEnd - v.data);
								if (v.id === EBML.pixelHeight) height = ebmlUint(bytes, v.data, vEnd - v.data);
							});
						}
					});
					if ((type === 1 || width > 0) && info.width === 0) {
						info.width = width;
						info.height = height;
						videoTrack = number;
					}
				});
				break;
			case EBML.timecode:
				clusterTime = ebmlUint(bytes, el.data, end - el.data);
				break;
			case EBML.simpleBlock:
			case EBML.block:
				countBlock(el, end);
				break;
		}
		if (el.size === null) break; // an unknown-size element we do not enter: nothing after it can be found
		p = end;
	}
	if (rawDuration !== null) info.durationSeconds = (rawDuration * timecodeScale) / 1e9;
	if (lastTicks !== null) info.lastFrameSeconds = (lastTicks * timecodeScale) / 1e9;
	return info;
}

// ---------------------------------------------------------------------------------------------------- MP4

interface Box {
	type: string;
	/** Where the payload starts and the box ends. */
	data: number;
	end: number;
}

/** The boxes in [start, end); size 1 means a 64-bit size follows, size 0 means up to `end`. */
function boxes(b: Uint8Array, start: number, end: number): Box[] {
	const out: Box[] = [];
	let p = start;
	while (p + 8 <= end) {
		let size = u32be(b, p);
		const type = ascii(b, p + 4, 4);
		let header = 8;
		if (size === 1) {
			if (p + 16 > end) break;
			size = u64be(b, p + 8);
			header = 16;
		} else if (size === 0) {
			size = end - p;
		}
		if (size < header) break;
		out.push({ type, data: p + header, end: Math.min(end, p + size) });
		p += size;
	}
	return out;
}

const child = (b: Uint8Array, parent: Box, type: string): Box | undefined =>
	boxes(b, parent.data, parent.end).find((x) => x.type === type);

export function mp4Info(bytes: Uint8Array): Mp4Info {
	const top = boxes(bytes, 0, bytes.length);
	const info: Mp4Info = {
		ftyp: top[0]?.type === 'ftyp',
		majorBrand: null,
		durationSeconds: NaN,
		width: 0,
		height: 0,
		frames: 0
	};
	const ftyp = top.find((x) => x.type === 'ftyp');
	if (ftyp && ftyp.data + 4 <= ftyp.end) info.majorBrand = ascii(bytes, ftyp.data, 4);
	const moov = top.find((x) => x.type === 'moov');
	if (!moov) return info;
	const mvhd = child(bytes, moov, 'mvhd');
	if (mvhd) {
		// Full box: version (1) + flags (3); then creation and modification times, timescale, duration.
		const v1 = bytes[mvhd.data] === 1;
		const at = mvhd.data + 4 + (v1 ? 16 : 8);
		if (at + (v1 ? 12 : 8) <= mvhd.end) {
			const timescale = u32be(bytes, at);
			const duration = v1 ? u64be(bytes, at + 4) : u32be(bytes, at + 4);
			if (timescale > 0) info.durationSeconds = duration / timescale;
		}
	}
	for (const trak of boxes(bytes, moov.data, moov.end).filter((x) => x.type === 'trak')) {
		const tkhd = child(bytes, trak, 'tkhd');
		const mdia = child(bytes, trak, 'mdia');
		const hdlr = mdia && child(bytes, mdia, 'hdlr');
		const handler = hdlr ? ascii(bytes, hdlr.data + 8, 4) : '';
		let width = 0;
		let height = 0;
		if (tkhd) {
			// After version/flags: times, track id, reserved, duration (v0: 4+4+4+4+4, v1: 8+8+4+4+8), then
			// reserved (8), layer, alternate group, volume, reserved (2 each), matrix (36), width, height.
			const v1 = tkhd.data < bytes.length && bytes[tkhd.data] === 1;
			const at = tkhd.data + 4 + (v1 ? 32 : 20) + 8 + 8 + 36;
			if (at + 8 <= tkhd.end) {
				width = Math.round(u32be(bytes, at) / 65536);
				height = Math.round(u32be(bytes, at + 4) / 65536);
			}
		}
		if (handler !== 'vide' && !(handler === '' && width > 0)) continue;
		info.width = width;
		info.height = height;
		const minf = mdia && child(bytes, mdia, 'minf');
		const stbl = minf && child(bytes, minf, 'stbl');
		const stsz = stbl && (child(bytes, stbl, 'stsz') ?? child(bytes, stbl, 'stz2'));
		if (stsz && stsz.data + 12 <= stsz.end) info.frames = u32be(bytes, stsz.data + 8);
		if (info.frames === 0 && tkhd) {
			// Fragmented (e.g. MediaRecorder): the samples are in moof > traf > trun boxes of this track.
			const trackId = u32be(bytes, tkhd.data + 4 + (bytes[tkhd.data] === 1 ? 16 : 8));
			for (const moof of top.filter((x) => x.type === 'moof')) {
				for (const traf of boxes(bytes, moof.data, moof.end).filter((x) => x.type === 'traf')) {
					const tfhd = child(bytes, traf, 'tfhd');
					if (!tfhd || u32be(bytes, tfhd.data + 4) !== trackId) continue;
					for (const trun of boxes(bytes, traf.data, traf.end).filter((x) => x.type === 'trun')) {
						if (trun.data + 8 <= trun.end) info.frames += u32be(bytes, trun.data + 4);
					}
				}
			}
		}
		break;
	}
	return info;
}

// ---------------------------------------------------------------------------------------------------- PNG

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngInfo(bytes: Uint8Array): PngInfo {
	const png =
		bytes.length >= 24 && PNG_SIGNATURE.every((x, k) => bytes[k] === x) && ascii(bytes, 12, 4) === 'IHDR';
	return png ? { png, width: u32be(bytes, 16), height: u32be(bytes, 20) } : { png, width: 0, height: 0 };
}
