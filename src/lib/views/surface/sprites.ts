/**
 * Screen-aligned sprites for the 3D surface view, drawn on small canvases: text labels with a halo, and the
 * start ring and the divergence cross. Their size is kept constant in CSS pixels (see sizeSprite).
 */
import { CanvasTexture, SRGBColorSpace, Sprite, SpriteMaterial } from 'three';

/** Texture pixels per CSS pixel, so labels stay sharp on high-density screens and projectors. */
const TEXTURE_SCALE = 2;
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/** What sizeSprite needs to keep a sprite at a fixed on-screen size. */
interface SpriteSizing {
	/** Height in CSS pixels. */
	pxHeight: number;
	/** Width / height of the texture. */
	aspect: number;
}

function makeSprite(canvas: HTMLCanvasElement, pxHeight: number): Sprite {
	const texture = new CanvasTexture(canvas);
	texture.colorSpace = SRGBColorSpace;
	const material = new SpriteMaterial({
		map: texture,
		transparent: true,
		depthTest: false,
		depthWrite: false,
		sizeAttenuation: false
	});
	const sprite = new Sprite(material);
	sprite.renderOrder = 10;
	const sizing: SpriteSizing = { pxHeight, aspect: canvas.width / canvas.height };
	sprite.userData.sizing = sizing;
	return sprite;
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('2D canvas unavailable');
	return ctx;
}

/** A text label, `fontPx` CSS pixels tall, in `color` with a `halo` outline so it reads over the surface. */
export function createTextSprite(
	text: string,
	fontPx: number,
	color: string,
	halo: string,
	bold = false
): Sprite {
	const canvas = document.createElement('canvas');
	const ctx = context2d(canvas);
	const size = fontPx * TEXTURE_SCALE;
	const font = `${bold ? 600 : 500} ${size}px ${FONT_FAMILY}`;
	ctx.font = font;
	const pad = Math.ceil(size * 0.3);
	canvas.width = Math.ceil(ctx.measureText(text).width) + 2 * pad;
	canvas.height = Math.ceil(size * 1.25) + 2 * pad;
	// Resizing the canvas resets the context's state.
	ctx.font = font;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	ctx.lineJoin = 'round';
	ctx.lineWidth = size * 0.22;
	ctx.strokeStyle = halo;
	ctx.fillStyle = color;
	const cx = canvas.width / 2;
	const cy = canvas.height / 2 + size * 0.04;
	ctx.strokeText(text, cx, cy);
	ctx.fillText(text, cx, cy);
	return makeSprite(canvas, canvas.height / TEXTURE_SCALE);
}

/** The start marker: a ring in `color` around a light centre, outlined for contrast, `px` CSS pixels wide. */
export function createRingSprite(px: number, color: string, outline: string): Sprite {
	const canvas = document.createElement('canvas');
	const size = Math.ceil(px * TEXTURE_SCALE);
	canvas.width = canvas.height = size;
	const ctx = context2d(canvas);
	const c = size / 2;
	const r = size * 0.32;
	ctx.lineWidth = size * 0.26;
	ctx.strokeStyle = outline;
	ctx.beginPath();
	ctx.arc(c, c, r, 0, 2 * Math.PI);
	ctx.stroke();
	ctx.lineWidth = size * 0.13;
	ctx.strokeStyle = color;
	ctx.stroke();
	return makeSprite(canvas, px);
}

/** The mark where a run left the finite numbers: a bold cross in `color` with an `outline`. */
export function createCrossSprite(px: number, color: string, outline: string): Sprite {
	const canvas = document.createElement('canvas');
	const size = Math.ceil(px * TEXTURE_SCALE);
	canvas.width = canvas.height = size;
	const ctx = context2d(canvas);
	const a = size * 0.22;
	const b = size * 0.78;
	ctx.lineCap = 'round';
	ctx.beginPath();
	ctx.moveTo(a, a);
	ctx.lineTo(b, b);
	ctx.moveTo(b, a);
	ctx.lineTo(a, b);
	ctx.lineWidth = size * 0.26;
	ctx.strokeStyle = outline;
	ctx.stroke();
	ctx.lineWidth = size * 0.13;
	ctx.strokeStyle = color;
	ctx.stroke();
	return makeSprite(canvas, px);
}

/**
 * Scales a sprite made here (sizeAttenuation off) to its CSS pixel size: such a sprite of scale s spans
 * s / tan(fov / 2) of the half-height of the viewport.
 */
export function sizeSprite(sprite: Sprite, viewportCssHeight: number, fovDeg: number): void {
	const sizing = sprite.userData.sizing as SpriteSizing | undefined;
	if (!sizing) return;
	const s = (sizing.pxHeight * 2 * Math.tan((fovDeg * Math.PI) / 360)) / Math.max(1, viewportCssHeight);
	sprite.scale.set(s * sizing.aspect, s, 1);
}

/** Frees a sprite's texture and material (sprites share the one geometry three.js keeps for all of them). */
export function disposeSprite(sprite: Sprite): void {
	sprite.material.map?.dispose();
	sprite.material.dispose();
	sprite.removeFromParent();
}
