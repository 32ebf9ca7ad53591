/**
 * The JSON record of one run, as the trajectory CLI prints it and the page exports it: one builder for both,
 * so an exported file equals what the CLI gives for the same scene, byte for byte.
 */
import type { HyperValue } from '../optimizers/types';
import type { RunStatus, Trajectory } from './trajectory';

export interface TrajectoryRecord {
	function: string;
	/** Only for a typed function (function === 'custom'). */
	expr?: string;
	optimizer: string;
	/** Every hyperparameter, resolved (defaults filled in). */
	hyper: Record<string, HyperValue>;
	start: [number, number];
	points: [number, number, number][];
	status: RunStatus;
}

export function trajectoryRecord(
	functionId: string,
	expr: string | undefined,
	optimizer: string,
	hyper: Readonly<Record<string, HyperValue>>,
	start: readonly [number, number],
	t: Pick<Trajectory, 'points' | 'count' | 'status'>
): TrajectoryRecord {
	const points: [number, number, number][] = [];
	for (let k = 0; k < t.count; k++) points.push([t.points[3 * k], t.points[3 * k + 1], t.points[3 * k + 2]]);
	// Key order is part of the format: function, [expr], optimizer, hyper, start, points, status.
	const record: TrajectoryRecord = { function: functionId } as TrajectoryRecord;
	if (functionId === 'custom') record.expr = expr ?? '';
	record.optimizer = optimizer;
	record.hyper = { ...hyper };
	record.start = [start[0], start[1]];
	record.points = points;
	record.status = t.status;
	return record;
}
