/**
 * Trajectories as data: JSON (an array with, per run, exactly the record the trajectory CLI prints for that
 * run) and CSV (`run,optimizer,step,x,y,f` plus one column per hyperparameter).
 */
import { formatHyperValue } from '../core/optimizers/hyper';
import type { HyperValue } from '../core/optimizers/types';
import { trajectoryRecord, type TrajectoryRecord } from '../core/run/record';
import type { RunStatus } from '../core/run/trajectory';

/** One run as the page holds it. */
export interface DataRun {
	readonly optimizer: string;
	readonly hyper: Readonly<Record<string, HyperValue>>;
	readonly start: readonly [number, number];
	readonly points: Float64Array;
	readonly count: number;
	readonly status: RunStatus;
}

export interface DataScene {
	/** A built-in function id, or 'custom' with `expr`. */
	readonly functionId: string;
	readonly expr: string | undefined;
	readonly runs: readonly DataRun[];
}

export function sceneRecords(scene: DataScene): TrajectoryRecord[] {
	return scene.runs.map((r) =>
		trajectoryRecord(scene.functionId, scene.expr, r.optimizer, r.hyper, r.start, r)
	);
}

export function toJson(scene: DataScene): string {
	return JSON.stringify(sceneRecords(scene), null, 1) + '\n';
}

/** RFC 4180: quote a cell holding a comma, a quote or a line break. */
export function cell(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV column per hyperparameter any run has, in order of first appearance: the keys, and a run's cells for
 * them (empty where the run's optimizer has no such hyperparameter).
 */
export function hyperColumns(runs: readonly { readonly hyper: Readonly<Record<string, HyperValue>> }[]): {
	keys: string[];
	cells: (hyper: Readonly<Record<string, HyperValue>>) => string[];
} {
	const keys: string[] = [];
	for (const r of runs) for (const k of Object.keys(r.hyper)) if (!keys.includes(k)) keys.push(k);
	return {
		keys,
		cells: (hyper) => keys.map((k) => (hyper[k] === undefined ? '' : cell(formatHyperValue(hyper[k]))))
	};
}

export function toCsv(scene: DataScene): string {
	const { keys, cells } = hyperColumns(scene.runs);
	const rows = [['run', 'optimizer', 'step', 'x', 'y', 'f', ...keys].map(cell).join(',')];
	scene.runs.forEach((r, i) => {
		const hyper = cells(r.hyper);
		for (let k = 0; k < r.count; k++) {
			const p = r.points;
			rows.push(
				[
					String(i + 1),
					r.optimizer,
					String(k),
					String(p[3 * k]),
					String(p[3 * k + 1]),
					String(p[3 * k + 2]),
					...hyper
				].join(',')
			);
		}
	});
	return rows.join('\n') + '\n';
}
