/**
 * The loss-landscape slice of the network page: on request, the training loss through the shown run's
 * current weights along two directions (random and filter-normalised, or the top two principal components of
 * its weight trajectory; core/nn/landscape.ts), as an external objective for a Playground so the same contour
 * and 3D views draw it, with the run's weight snapshots projected onto the slice as its path.
 */
import type { Mlp } from '../core/nn/mlp';
import {
	createLandscapeObjective,
	landscapeBox,
	MAX_LANDSCAPE_ROWS,
	pcaDirections,
	projectOnto,
	randomDirections,
	type LandscapeSpec
} from '../core/nn/landscape';
import type { Dataset } from '../core/models/matrix';
import { sampleRows } from '../core/data/split';
import { bilinearInterpolant } from '../core/grid/interpolant';
import type { RunView } from '../views/types';
import { Playground, type ExternalObjective } from './playground.svelte';

export type DirectionKind = 'random' | 'pca';

export interface LandscapeInput {
	mlp: Mlp;
	params: Float64Array;
	train: Dataset;
	snapshots: { epochs: number[]; params: Float64Array[] } | null;
	color: string;
	label: string;
}

let landscapeCounter = 0;

export class Landscape {
	directions = $state<DirectionKind>('random');
	seed = $state(1);
	external = $state.raw<ExternalObjective | null>(null);
	path = $state.raw<RunView | null>(null);
	/** What the slice shows, in words (epoch, directions, variance explained). */
	caption = $state('');
	message = $state<string | null>(null);
	readonly view = new Playground({ external: () => this.external });

	/** Computes the slice at the given weights; a message says why when it cannot (too few snapshots for PCA). */
	compute(input: LandscapeInput, epoch: number): void {
		const { mlp, params, train } = input;
		let d1: Float64Array;
		let d2: Float64Array;
		let caption: string;
		if (this.directions === 'pca') {
			const snaps = input.snapshots?.params ?? [];
			const pca = pcaDirections(snaps, params);
			if (!pca) {
				this.message = 'The principal directions need a trajectory: train for a few epochs first.';
				return;
			}
			[d1, d2] = pca.directions;
			caption = `Principal directions of the weight trajectory (they explain ${(100 * pca.explained[0]).toFixed(1)}% and ${(100 * pca.explained[1]).toFixed(1)}% of its variance)`;
		} else {
			[d1, d2] = randomDirections(mlp, params, this.seed);
			caption = `Two random filter-normalised directions (seed ${this.seed})`;
		}
		const rows = sampleRows(train, MAX_LANDSCAPE_ROWS, 7);
		const spec: LandscapeSpec = {
			mlp,
			params: Float64Array.from(params),
			d1,
			d2,
			x: rows.x,
			y: rows.y,
			n: rows.n,
			p: rows.p
		};
		const objective = createLandscapeObjective(spec);
		const snaps = input.snapshots;
		const coords: [number, number][] = [];
		if (snaps) for (const s of snaps.params) coords.push(projectOnto(s, params, d1, d2));
		coords.push([0, 0]);
		const box = landscapeBox(this.directions === 'pca' ? coords : null);
		const points = new Float64Array(3 * coords.length);
		coords.forEach(([a, b], i) => {
			points[3 * i] = a;
			points[3 * i + 1] = b;
			points[3 * i + 2] = objective.f(a, b);
		});
		const key = `landscape:${++landscapeCounter}`;
		this.external = {
			key,
			objective,
			source: { kind: 'landscape', key, spec },
			minima: [],
			fMin: undefined,
			view: box,
			axisNames: ['α', 'β', 'L'],
			// The 3D mesh needs 161 x 161 heights; exact ones would be as many forward passes on this thread.
			heightObjective: bilinearInterpolant((a, b) => objective.f(a, b), box, 33)
		};
		this.path = {
			id: 1,
			label: `${input.label}: training path (projected)`,
			color: input.color,
			visible: true,
			points,
			count: coords.length,
			status: 'ok',
			start: undefined
		};
		this.view.view = box;
		this.view.start = [0, 0];
		this.view.setSteps(Math.max(1, coords.length - 1));
		this.view.seek(coords.length - 1);
		this.caption = `${caption}, through the weights at epoch ${epoch}${rows.n < train.n ? `; loss on a seeded sample of ${rows.n} training rows` : ''}.`;
		this.message = null;
	}

	clear(): void {
		this.external = null;
		this.path = null;
		this.caption = '';
	}
}
