// Unit tests of the media parsers on files built byte by byte here (GIF, EBML/WebM, MP4 boxes, PNG IHDR), and
// on a GIF written by gifenc itself.
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import { describe, expect, it } from 'vitest';
import { gifInfo, mp4Info, pngInfo, webmInfo } from './media-check';

const bytes = (...parts: (number | string | Uint8Array | number[])[]): Uint8Array => {
	const out: number[] = [];
	for (const part of parts) {
		if (typeof part === 'number') out.push(part);
		else if (typeof part === 'string') for (const c of part) out.push(c.charCodeAt(0));
		else out.push(...part);
	}
	return new Uint8Array(out);
};
const le16 = (n: number) => [n & 0xff, n >> 8];
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const be64 = (n: number) => [...be32(Math.floor(n / 2 ** 32)), ...be32(n >>> 0)];

describe('gifInfo', () => {
	// A 3 x 2 GIF89a: 2-colour global table, loop extension, two frames (the second with a local colour table and
	// image data holding the bytes 0x21, 0x2C and 0x3B), a comment between them, then the trailer.
	const gif = bytes(
		'GIF89a',
		le16(3),
		le16(2),
		0x80, // global colour table of 2 entries
		0,
		0,
		[0, 0, 0, 255, 255, 255],
		[0x21, 0xff, 11],
		'NETSCAPE2.0',
		[3, 1, 0, 0, 0],
		[0x21, 0xf9, 4, 0, ...le16(5), 0, 0], // GCE, delay 5 cs
		[0x2c, ...le16(0), ...le16(0), ...le16(3), ...le16(2), 0],
		[2, 2, 0x4c, 0x01, 0],
		[0x21, 0xfe, 3],
		'hi!',
		[0],
		[0x21, 0xf9, 4, 0, ...le16(7), 0, 0], // GCE, delay 7 cs
		[0x2c, ...le16(0), ...le16(0), ...le16(3), ...le16(2), 0x80], // local colour table of 2 entries
		[10, 20, 30, 40, 50, 60],
		[2, 3, 0x21, 0x2c, 0x3b, 0],
		0x3b
	);

	it('reads the header, the size, every frame and its delay', () => {
		expect(gifInfo(gif)).toEqual({
			header: 'GIF89a',
			width: 3,
			height: 2,
			frames: 2,
			delaysCs: [5, 7],
			complete: true
		});
	});

	it('stops at a truncated file and rejects other data', () => {
		const cut = gifInfo(gif.subarray(0, gif.length - 8));
		expect(cut.frames).toBe(1);
		expect(cut.complete).toBe(false);
		expect(gifInfo(bytes('GIF87a', le16(1), le16(1), 0, 0, 0, 0x3b))).toMatchObject({
			header: 'GIF87a',
			frames: 0,
			complete: true
		});
		expect(gifInfo(bytes('PNG')).header).toBeNull();
		expect(gifInfo(new Uint8Array()).header).toBeNull();
	});

	it('reads a GIF written by gifenc', () => {
		const [w, h] = [16, 9];
		const gifenc = GIFEncoder();
		for (let f = 0; f < 3; f++) {
			const rgba = new Uint8Array(w * h * 4);
			for (let i = 0; i < w * h; i++) rgba.set([(i * 7 + f * 50) & 255, (i * 3) & 255, f * 80, 255], i * 4);
			const palette = quantize(rgba, 256);
			gifenc.writeFrame(applyPalette(rgba, palette), w, h, { palette, delay: [30, 40, 30][f], repeat: 0 });
		}
		gifenc.finish();
		expect(gifInfo(gifenc.bytes())).toEqual({
			header: 'GIF89a',
			width: 16,
			height: 9,
			frames: 3,
			delaysCs: [3, 4, 3],
			complete: true
		});
	});
});

describe('webmInfo', () => {
	/** An EBML element with a 1-byte size (payload < 127 bytes), or an unknown size. */
	const el = (id: number[], ...payload: (number | string | Uint8Array | number[])[]) => {
		const data = bytes(...payload);
		return bytes(id, 0x80 | data.length, data);
	};
	const unknown = (id: number[], ...payload: (number | string | Uint8Array | number[])[]) =>
		bytes(id, [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], ...payload);
	const f64 = (x: number) => new Uint8Array(new Float64Array([x]).buffer).reverse();
	const f32 = (x: number) => new Uint8Array(new Float32Array([x]).buffer).reverse();
	const block = (track: number, time: number) =>
		el([0xa3], 0x80 | track, be16(time & 0xffff), 0x80, [1, 2, 3]);
	const header = el([0x1a, 0x45, 0xdf, 0xa3], el([0x42, 0x86], 1), el([0x42, 0x82], 'webm'));
	const tracks = el(
		[0x16, 0x54, 0xae, 0x6b],
		el([0xae], el([0xd7], 1), el([0x83], 2)), // an audio track first
		el([0xae], el([0xd7], 2), el([0x83], 1), el([0xe0], el([0xb0], be16(1280)), el([0xba], be16(720))))
	);

	it('reads an unknown-size Segment and Cluster, Info and the video track', () => {
		const file = bytes(
			header,
			unknown(
				[0x18, 0x53, 0x80, 0x67],
				el([0x15, 0x49, 0xa9, 0x66], el([0x2a, 0xd7, 0xb1], be32(1_000_000)), el([0x44, 0x89], f64(2000))),
				tracks,
				unknown([0x1f, 0x43, 0xb6, 0x75], el([0xe7], 0), block(2, 0), block(1, 10), block(2, 33)),
				el([0x1f, 0x43, 0xb6, 0x75], el([0xe7], be16(1000)), block(2, -33), block(2, 967))
			)
		);
		expect(webmInfo(file)).toEqual({
			ebml: true,
			docType: 'webm',
			durationSeconds: 2,
			width: 1280,
			height: 720,
			frames: 4,
			lastFrameSeconds: 1.967
		});
	});

	it('reads a 4-byte Duration in another TimecodeScale, and reports a missing one as NaN', () => {
		const info = (...children: Uint8Array[]) =>
			webmInfo(bytes(header, el([0x18, 0x53, 0x80, 0x67], el([0x15, 0x49, 0xa9, 0x66], ...children))));
		expect(info(el([0x2a, 0xd7, 0xb1], be16(1000)), el([0x44, 0x89], f32(1.5e6))).durationSeconds).toBe(1.5);
		expect(info(el([0x2a, 0xd7, 0xb1], be16(1000))).durationSeconds).toBeNaN();
		expect(webmInfo(bytes('RIFF')).ebml).toBe(false);
	});
});

describe('mp4Info', () => {
	const box = (type: string, ...payload: (number | string | Uint8Array | number[])[]) => {
		const data = bytes(...payload);
		return bytes(be32(8 + data.length), type, data);
	};
	const matrix = [...be32(0x10000), ...be32(0), ...be32(0), ...be32(0), ...be32(0x10000), ...be32(0)];
	const identity = [...matrix, ...be32(0), ...be32(0), ...be32(0x40000000)];
	const tkhd = (version: 0 | 1, width: number, height: number) =>
		box(
			'tkhd',
			[version, 0, 0, 3],
			version
				? [...be64(0), ...be64(0), ...be32(1), ...be32(0), ...be64(2000)]
				: [...be32(0), ...be32(0), ...be32(1), ...be32(0), ...be32(2000)],
			new Array(16).fill(0),
			identity,
			be32(width * 65536),
			be32(height * 65536)
		);
	const hdlr = (handler: string) => box('hdlr', be32(0), be32(0), handler, new Array(12).fill(0), 0);
	const stbl = (count: number) => box('stbl', box('stsz', be32(0), be32(0), be32(count)));
	const trak = (handler: string, header: Uint8Array, count: number) =>
		box('trak', header, box('mdia', hdlr(handler), box('minf', stbl(count))));
	const ftyp = box('ftyp', 'isom', be32(0x200), 'isom', 'avc1');

	it('reads ftyp, a version 0 mvhd and the video track (after an audio track)', () => {
		const mvhd = box('mvhd', be32(0), be32(0), be32(0), be32(1000), be32(2000), new Array(80).fill(0));
		const file = bytes(
			ftyp,
			box('moov', mvhd, trak('soun', tkhd(0, 0, 0), 94), trak('vide', tkhd(0, 1280, 720), 60)),
			box('mdat', [1, 2, 3])
		);
		expect(mp4Info(file)).toEqual({
			ftyp: true,
			majorBrand: 'isom',
			durationSeconds: 2,
			width: 1280,
			height: 720,
			frames: 60
		});
	});

	it('reads version 1 (64-bit) mvhd and tkhd, and a 64-bit box size', () => {
		const mvhd = box(
			'mvhd',
			[1, 0, 0, 0],
			be64(0),
			be64(0),
			be32(90000),
			be64(3 * 2 ** 32),
			new Array(80).fill(0)
		);
		const mdat = bytes(be32(1), 'mdat', be64(16 + 4), [9, 9, 9, 9]);
		const file = bytes(
			box('ftyp', 'mp42', be32(0)),
			mdat,
			box('moov', mvhd, trak('vide', tkhd(1, 854, 480), 5))
		);
		expect(mp4Info(file)).toMatchObject({
			majorBrand: 'mp42',
			durationSeconds: (3 * 2 ** 32) / 90000,
			width: 854,
			height: 480,
			frames: 5
		});
	});

	it('counts the samples of a fragmented file in its trun boxes', () => {
		const mvhd = box('mvhd', be32(0), be32(0), be32(0), be32(1000), be32(1987), new Array(80).fill(0));
		const traf = (track: number, count: number) =>
			box('traf', box('tfhd', be32(0), be32(track)), box('trun', be32(0), be32(count)));
		const file = bytes(
			box('ftyp', 'iso5', be32(0)),
			box('moov', mvhd, trak('vide', tkhd(0, 640, 360), 0)),
			box('moof', box('mfhd', be32(0), be32(1)), traf(1, 30), traf(2, 40)),
			box('mdat'),
			box('moof', box('mfhd', be32(0), be32(2)), traf(1, 29)),
			box('mdat')
		);
		expect(mp4Info(file)).toMatchObject({ durationSeconds: 1.987, width: 640, height: 360, frames: 59 });
	});

	it('reports what is missing', () => {
		expect(mp4Info(box('moov'))).toMatchObject({ ftyp: false, majorBrand: null, width: 0 });
		expect(mp4Info(ftyp).durationSeconds).toBeNaN();
		expect(mp4Info(new Uint8Array(3)).ftyp).toBe(false);
	});
});

describe('pngInfo', () => {
	it('reads the IHDR size', () => {
		const png = bytes(
			[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
			be32(13),
			'IHDR',
			be32(1708),
			be32(960),
			[8, 6]
		);
		expect(pngInfo(png)).toEqual({ png: true, width: 1708, height: 960 });
		expect(pngInfo(png.subarray(0, 20))).toEqual({ png: false, width: 0, height: 0 });
		expect(pngInfo(bytes('GIF89a', new Array(30).fill(0))).png).toBe(false);
	});
});
