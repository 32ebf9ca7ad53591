/**
 * The 3D surface view: f over the view box as a lit height field in the contour view's log scale and colours,
 * with the runs, minima, start and linked hover drawn on it. Imperative three.js, no Svelte; renders only
 * when something changed. The page loads this module lazily.
 */
import {
	AmbientLight,
	Color,
	DirectionalLight,
	Group,
	HemisphereLight,
	PerspectiveCamera,
	Plane,
	Raycaster,
	Scene,
	SRGBColorSpace,
	Vector2,
	Vector3,
	WebGLRenderer
} from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import type { ViewBox } from '../../core/objective';
import type { CameraState } from '../types';
import { createAxes } from './axes';
import {
	camerasClose,
	clampCamera,
	DEFAULT_CAMERA,
	fittedDistance,
	MAX_ELEVATION,
	MAX_ZOOM,
	MIN_ELEVATION,
	MIN_ZOOM,
	orbitOffset,
	roundCamera
} from './camera';
import { fromU, fromV, HEIGHT_FACTOR, type HeightField, SURFACE_SPAN } from './height';
import { createMarkers } from './markers';
import { ViewportResources } from './resources';
import { createRunLayer } from './runs';
import { createSurfaceMesh } from './surface-mesh';
import { type Palette, PALETTES } from './theme';
import type { SurfaceView, SurfaceViewCallbacks, SurfaceViewData } from './types';

export type { SurfaceView, SurfaceViewCallbacks, SurfaceViewData } from './types';

export const WEBGL_UNAVAILABLE_MESSAGE = '3D view unavailable: this browser could not start WebGL.';

const FOV = 35;
/** Radius of the sphere that zoom 1 fits into the view: the surface's box, whose longer side is SURFACE_SPAN. */
// 15% beyond the surface's bounding sphere leaves room for the tick labels, which hang outside the box.
const SCENE_RADIUS = 1.15 * 0.5 * Math.hypot(SURFACE_SPAN, SURFACE_SPAN, HEIGHT_FACTOR * SURFACE_SPAN);
/** The camera orbits a point a little above the floor's centre, which frames the surface and its labels. */
const TARGET_HEIGHT = 0.3 * HEIGHT_FACTOR * SURFACE_SPAN;
/** At most one camera report per this many milliseconds while the user drags (the last one always comes). */
const CAMERA_REPORT_MS = 150;

/** True when this browser can create the WebGL 2 context three.js needs. */
export function isWebGLAvailable(): boolean {
	try {
		const gl = document.createElement('canvas').getContext('webgl2');
		if (!gl) return false;
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return true;
	} catch {
		return false;
	}
}

export function createSurfaceView(node: HTMLElement, callbacks: SurfaceViewCallbacks): SurfaceView {
	let renderer: WebGLRenderer;
	try {
		renderer = new WebGLRenderer({ antialias: false });
	} catch {
		return createUnavailableView(node);
	}
	renderer.outputColorSpace = SRGBColorSpace;
	renderer.localClippingEnabled = true;
	const canvas = renderer.domElement;
	Object.assign(canvas.style, { display: 'block', width: '100%', height: '100%', touchAction: 'none' });
	canvas.setAttribute('role', 'img');
	canvas.setAttribute('aria-label', '3D surface of the function with the optimizer trajectories');
	node.appendChild(canvas);

	// ---- Scene -------------------------------------------------------------------------------------------
	const scene = new Scene();
	const camera = new PerspectiveCamera(FOV, 1, 0.01, 100);
	scene.add(camera);
	// Soft light from the sky keeps colours close to the contour map; a key light riding with the camera
	// (above and to the left) gives the shape, and the side in view is always lit.
	const hemisphere = new HemisphereLight(0xffffff, 0x8a8f99, 2.6);
	const ambient = new AmbientLight(0xffffff, 0.2);
	const keyLight = new DirectionalLight(0xffffff, 0.9);
	keyLight.position.set(-2, 4, 1);
	camera.add(keyLight);
	scene.add(hemisphere, ambient, keyLight.target);

	/** Holds everything in frame coordinates (u, v, w up); the rotation makes w the renderer's y, v its -z. */
	const world = new Group();
	world.rotation.x = -Math.PI / 2;
	scene.add(world);
	world.updateMatrixWorld();

	const target = new Vector3(0, TARGET_HEIGHT, 0);
	const controls = new OrbitControls(camera, canvas);
	controls.enableDamping = false;
	controls.enablePan = false;
	controls.target.copy(target);
	controls.minPolarAngle = Math.PI / 2 - MAX_ELEVATION;
	controls.maxPolarAngle = Math.PI / 2 - MIN_ELEVATION;
	controls.rotateSpeed = 0.8;
	controls.zoomSpeed = 0.8;

	const clipPlanes = [0, 1, 2, 3].map(() => new Plane());
	const resources = new ViewportResources(FOV, clipPlanes);
	const surface = createSurfaceMesh(world);
	const axes = createAxes(world, resources);
	const markers = createMarkers(world, resources);
	const runs = createRunLayer(world, resources);

	// ---- State -------------------------------------------------------------------------------------------
	let data: SurfaceViewData | null = null;
	let field: HeightField | null = null;
	let palette: Palette = PALETTES.light;
	let fnKey: string | null = null;
	let box: ViewBox | null = null;
	let scaleKey = '';
	let disposed = false;
	let frameRequest = 0;
	let viewportWidth = 0;
	let viewportHeight = 0;
	let baseDistance = fittedDistance(SCENE_RADIUS, FOV, 1);
	// Camera: never fight the user's drag, never echo back what was reported or applied.
	let interacting = false;
	let applyingCamera = false;
	let lastReported: CameraState | null = null;
	let reportTimer: ReturnType<typeof setTimeout> | null = null;
	let lastReportTime = -Infinity;
	let cameraMoved = false;
	// Hover: the latest pointer position is raycast once per frame at most.
	let pendingPointer: { x: number; y: number } | null = null;
	let hoverReported = false;
	const raycaster = new Raycaster();
	const ndc = new Vector2();
	const scratch = new Vector3();

	// ---- Rendering ---------------------------------------------------------------------------------------
	function requestRender(): void {
		if (!disposed && !frameRequest) frameRequest = requestAnimationFrame(frame);
	}

	function frame(): void {
		frameRequest = 0;
		// Nothing to show before the first update (and no flash of an empty black canvas).
		if (disposed || !data) return;
		if (pendingPointer) {
			const p = pendingPointer;
			pendingPointer = null;
			pick(p.x, p.y);
		}
		render();
	}

	function render(): void {
		axes.place(world.worldToLocal(scratch.copy(camera.position)));
		renderer.render(scene, camera);
	}

	// ---- Camera --------------------------------------------------------------------------------------------
	function readCamera(): CameraState {
		return {
			theta: controls.getAzimuthalAngle(),
			phi: Math.PI / 2 - controls.getPolarAngle(),
			zoom: controls.getDistance() / baseDistance
		};
	}

	/** Moves the camera without reporting it (the caller already knows). */
	function placeCamera(offset: Vector3): void {
		camera.position.copy(target).add(offset);
		applyingCamera = true;
		controls.update();
		applyingCamera = false;
		requestRender();
	}

	function applyCamera(c: CameraState): void {
		const { theta, phi, zoom } = clampCamera(c);
		placeCamera(scratch.fromArray(orbitOffset(theta, phi, zoom * baseDistance)));
		lastReported = null;
	}

	function reportCamera(): void {
		if (reportTimer !== null) clearTimeout(reportTimer);
		reportTimer = null;
		if (!cameraMoved || disposed) return;
		cameraMoved = false;
		lastReportTime = performance.now();
		lastReported = roundCamera(readCamera());
		callbacks.onCameraChange(lastReported);
	}

	/** Reports now if the last report is old enough, else once the throttle interval has passed. */
	function scheduleReport(): void {
		const wait = CAMERA_REPORT_MS - (performance.now() - lastReportTime);
		if (wait <= 0) reportCamera();
		else if (reportTimer === null) reportTimer = setTimeout(reportCamera, wait);
	}

	const onControlsChange = (): void => {
		requestRender();
		if (applyingCamera) return;
		cameraMoved = true;
		scheduleReport();
	};
	const onControlsStart = (): void => {
		interacting = true;
		clearHover();
	};
	const onControlsEnd = (): void => {
		interacting = false;
		if (cameraMoved) scheduleReport();
	};
	controls.addEventListener('change', onControlsChange);
	controls.addEventListener('start', onControlsStart);
	controls.addEventListener('end', onControlsEnd);

	// ---- Size ----------------------------------------------------------------------------------------------
	function resize(): void {
		if (disposed) return;
		const width = Math.max(1, Math.round(node.clientWidth));
		const height = Math.max(1, Math.round(node.clientHeight));
		const ratio = Math.min(2, window.devicePixelRatio || 1);
		if (width === viewportWidth && height === viewportHeight && ratio === renderer.getPixelRatio()) return;
		const zoom = controls.getDistance() / baseDistance;
		viewportWidth = width;
		viewportHeight = height;
		renderer.setPixelRatio(ratio);
		renderer.setSize(width, height, false);
		camera.aspect = width / height;
		camera.updateProjectionMatrix();
		resources.resize(width, height);
		baseDistance = fittedDistance(SCENE_RADIUS, FOV, camera.aspect);
		controls.minDistance = MIN_ZOOM * baseDistance;
		controls.maxDistance = MAX_ZOOM * baseDistance;
		// Same zoom relative to the new fitted distance: resizing never changes the reported camera.
		placeCamera(
			scratch
				.copy(camera.position)
				.sub(target)
				.setLength(zoom * baseDistance)
		);
	}

	const resizeObserver = new ResizeObserver(() => resize());
	resizeObserver.observe(node);
	applyCamera(DEFAULT_CAMERA);
	resize();

	// ---- Hover ---------------------------------------------------------------------------------------------
	function clearHover(): void {
		pendingPointer = null;
		if (hoverReported) {
			hoverReported = false;
			callbacks.onHover(null);
		}
	}

	function pick(clientX: number, clientY: number): void {
		if (!field || !surface.mesh.visible || interacting) return;
		const rect = canvas.getBoundingClientRect();
		ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, 1 - ((clientY - rect.top) / rect.height) * 2);
		raycaster.setFromCamera(ndc, camera);
		const hit = raycaster.intersectObject(surface.mesh, false)[0];
		if (!hit) {
			clearHover();
			return;
		}
		const p = world.worldToLocal(scratch.copy(hit.point));
		const fr = field.frame;
		const x = Math.min(fr.box.xMax, Math.max(fr.box.xMin, fromU(fr, p.x)));
		const y = Math.min(fr.box.yMax, Math.max(fr.box.yMin, fromV(fr, p.y)));
		hoverReported = true;
		callbacks.onHover({ x, y });
	}

	const onPointerMove = (e: PointerEvent): void => {
		if (e.buttons !== 0 || interacting) return;
		pendingPointer = { x: e.clientX, y: e.clientY };
		requestRender();
	};
	const onPointerLeave = (): void => clearHover();
	canvas.addEventListener('pointermove', onPointerMove);
	canvas.addEventListener('pointerleave', onPointerLeave);

	// ---- Data ----------------------------------------------------------------------------------------------
	function setClipPlanes(f: HeightField): void {
		const hw = f.frame.width / 2 + 1e-4;
		const hd = f.frame.depth / 2 + 1e-4;
		// World x = u and world z = -v: keep |u| <= hw and |v| <= hd.
		clipPlanes[0].set(scratch.set(1, 0, 0), hw);
		clipPlanes[1].set(scratch.set(-1, 0, 0), hw);
		clipPlanes[2].set(scratch.set(0, 0, 1), hd);
		clipPlanes[3].set(scratch.set(0, 0, -1), hd);
	}

	function update(d: SurfaceViewData): void {
		if (disposed) return;
		const prev = data;
		data = d;
		const height = d.fn.heightObjective ?? d.fn.objective;
		const f = (x: number, y: number): number => height.f(x, y);

		const themeChanged = d.theme !== prev?.theme;
		if (themeChanged) {
			palette = PALETTES[d.theme] ?? PALETTES.light;
			scene.background = new Color(palette.background);
			surface.setTheme(palette);
			markers.setTheme(palette);
			runs.setTheme(palette);
		}
		const nextScaleKey = d.scale ? `${d.scale.lo},${d.scale.hi}` : 'auto';
		const surfaceChanged = d.fn.key !== fnKey || !box || !sameBox(box, d.box) || nextScaleKey !== scaleKey;
		if (surfaceChanged) {
			fnKey = d.fn.key;
			box = { ...d.box };
			scaleKey = nextScaleKey;
			// A new field makes every run rebuild (and dispose) its line geometry in runs.sync; materials are
			// kept, since disposing the last user of a shader makes three.js compile it again.
			field = surface.rebuild(f, d.box, d.scale);
			setClipPlanes(field);
			markers.setMinima(field, d.fn.minima);
		}
		if (field) {
			if (surfaceChanged || themeChanged) axes.rebuild(field, palette, d.fn.axisNames);
			// Cheap enough to do on every update, and safe when the page refills arrays in place: runs.sync
			// rebuilds a line only when its points changed (by checksum) or the surface did.
			runs.sync(d.runs, d.iteration, field);
			markers.setStart(field, d.start, f);
			markers.setHover(field, d.hover, f);
		}

		const wanted = clampCamera(d.camera);
		const userOwnsCamera = interacting || reportTimer !== null;
		const echo = lastReported !== null && camerasClose(wanted, lastReported);
		if (!prev || (!userOwnsCamera && !echo && !camerasClose(wanted, readCamera()))) applyCamera(wanted);
		requestRender();
	}

	function toDataURL(): string {
		if (disposed) return '';
		render();
		return canvas.toDataURL('image/png');
	}

	// ---- Export frames ---------------------------------------------------------------------------------
	let exportCanvas: HTMLCanvasElement | null = null;

	/**
	 * Renders `d` at width x height into the WebGL canvas, copies it into a 2D canvas in the same task (so
	 * the drawing buffer is still valid), then restores the live view's size, data and camera.
	 */
	function renderFrame(d: SurfaceViewData, width: number, height: number): HTMLCanvasElement | null {
		if (disposed) return null;
		const w = Math.max(1, Math.round(width));
		const h = Math.max(1, Math.round(height));
		const prev = data;
		const ratio = renderer.getPixelRatio();
		const liveOffset = camera.position.clone().sub(target);
		const liveLastReported = lastReported;
		update(d);
		renderer.setPixelRatio(1);
		renderer.setSize(w, h, false);
		camera.aspect = w / h;
		camera.updateProjectionMatrix();
		resources.resize(w, h);
		baseDistance = fittedDistance(SCENE_RADIUS, FOV, camera.aspect);
		const { theta, phi, zoom } = clampCamera(d.camera);
		placeCamera(scratch.fromArray(orbitOffset(theta, phi, zoom * baseDistance)));
		render();
		exportCanvas ??= document.createElement('canvas');
		if (exportCanvas.width !== w || exportCanvas.height !== h) {
			exportCanvas.width = w;
			exportCanvas.height = h;
		}
		// A CPU-backed canvas: export frames are read back for encoding anyway.
		const ctx = exportCanvas.getContext('2d', { willReadFrequently: true });
		ctx?.drawImage(canvas, 0, 0, w, h);

		// Back to the live view.
		renderer.setPixelRatio(ratio);
		renderer.setSize(viewportWidth, viewportHeight, false);
		camera.aspect = viewportWidth / viewportHeight;
		camera.updateProjectionMatrix();
		resources.resize(viewportWidth, viewportHeight);
		baseDistance = fittedDistance(SCENE_RADIUS, FOV, camera.aspect);
		if (prev) update(prev);
		placeCamera(liveOffset);
		lastReported = liveLastReported;
		requestRender();
		return ctx ? exportCanvas : null;
	}

	function dispose(): void {
		if (disposed) return;
		disposed = true;
		if (frameRequest) cancelAnimationFrame(frameRequest);
		if (reportTimer !== null) clearTimeout(reportTimer);
		resizeObserver.disconnect();
		canvas.removeEventListener('pointermove', onPointerMove);
		canvas.removeEventListener('pointerleave', onPointerLeave);
		controls.removeEventListener('change', onControlsChange);
		controls.removeEventListener('start', onControlsStart);
		controls.removeEventListener('end', onControlsEnd);
		controls.dispose();
		runs.dispose();
		markers.dispose();
		axes.dispose();
		surface.dispose();
		resources.dispose();
		for (const light of [keyLight, hemisphere, ambient]) light.dispose();
		scene.clear();
		renderer.dispose();
		renderer.forceContextLoss();
		canvas.remove();
		field = null;
		data = null;
		if (exportCanvas) exportCanvas.width = exportCanvas.height = 0;
		exportCanvas = null;
	}

	return { update, dispose, resize, toDataURL, renderFrame };
}

/** Without WebGL: a plain message in the node (text only), and an API that does nothing. */
function createUnavailableView(node: HTMLElement): SurfaceView {
	const message = document.createElement('div');
	message.className = 'surface-view-unavailable';
	message.setAttribute('role', 'status');
	message.textContent = WEBGL_UNAVAILABLE_MESSAGE;
	Object.assign(message.style, {
		display: 'flex',
		alignItems: 'center',
		justifyContent: 'center',
		height: '100%',
		padding: '1rem',
		boxSizing: 'border-box',
		textAlign: 'center',
		font: '500 1rem system-ui, sans-serif',
		opacity: '0.8'
	});
	node.appendChild(message);
	return {
		update() {},
		resize() {},
		toDataURL: () => '',
		renderFrame: () => null,
		dispose() {
			message.remove();
		}
	};
}

function sameBox(a: ViewBox, b: ViewBox): boolean {
	return a.xMin === b.xMin && a.xMax === b.xMax && a.yMin === b.yMin && a.yMax === b.yMax;
}
