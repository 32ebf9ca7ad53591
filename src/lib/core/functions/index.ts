/** The test-function registry: one table that the CLI, the URL state and the page's menus all read. */
import { ackley } from './ackley';
import { beale } from './beale';
import { booth } from './booth';
import { easom } from './easom';
import { goldsteinPrice } from './goldstein-price';
import { himmelblau } from './himmelblau';
import { levi } from './levi';
import { matyas } from './matyas';
import { mccormick } from './mccormick';
import { rastrigin } from './rastrigin';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';
import { sixHumpCamel } from './six-hump-camel';
import { sphere } from './sphere';
import { styblinskiTang } from './styblinski-tang';
import { threeHumpCamel } from './three-hump-camel';
import type { TestFunction } from './types';

export const testFunctions: readonly TestFunction[] = [
	rosenbrock,
	beale,
	himmelblau,
	booth,
	matyas,
	threeHumpCamel,
	sixHumpCamel,
	goldsteinPrice,
	rastrigin,
	ackley,
	sphere,
	mccormick,
	styblinskiTang,
	levi,
	easom,
	saddle
];

export const testFunctionIds: readonly string[] = testFunctions.map((t) => t.id);

export function getTestFunction(id: string): TestFunction | undefined {
	return testFunctions.find((t) => t.id === id);
}

export type { TestFunction } from './types';
export {
	ackley,
	beale,
	booth,
	easom,
	goldsteinPrice,
	himmelblau,
	levi,
	matyas,
	mccormick,
	rastrigin,
	rosenbrock,
	saddle,
	sixHumpCamel,
	sphere,
	styblinskiTang,
	threeHumpCamel
};
