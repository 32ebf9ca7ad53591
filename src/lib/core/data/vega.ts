/**
 * Real datasets from the vega-datasets package: the catalogue the regression panel offers, and the conversion
 * of a JSON array of records (as in cars.json, penguins.json) into a DataTable. Fetching the file is the
 * caller's job (the page fetches a Vite asset URL; Node reads node_modules/vega-datasets/data/<file>).
 */
import { parseDecimal } from '../number-text';
import { isMissingText, TableBuilder, uniqueNames, type DataTable } from './table';
import { DataError } from './types';

export interface RealDataset {
	id: 'cars' | 'penguins';
	/** File name in vega-datasets' data folder. */
	file: string;
	title: string;
	description: string;
	task: 'regression' | 'classification';
	defaultFeatures: string[];
	defaultTarget: string;
	/** Classification: the class shown as 1 (all others are 0). */
	defaultPositive?: string;
	/** Number of records in the file (vega-datasets 3.2.1). */
	records: number;
	/** Where the data come from, and their licence, for a credits line. */
	source: string;
	sourceUrl: string;
	license: string;
}

export const realDatasets: readonly RealDataset[] = [
	{
		id: 'cars',
		file: 'cars.json',
		title: 'Cars',
		description:
			'Fuel economy, engine and weight of 406 car models from 1970 to 1982. Predict miles per gallon from ' +
			'horsepower: the relation is curved, so polynomial features help.',
		task: 'regression',
		defaultFeatures: ['Horsepower'],
		defaultTarget: 'Miles_per_Gallon',
		records: 406,
		source:
			'StatLib Datasets Archive, Carnegie Mellon University (1983 ASA Data Exposition), via vega-datasets',
		sourceUrl: 'http://lib.stat.cmu.edu/datasets/',
		license: 'Distributed in 1982 for educational and scientific purposes'
	},
	{
		id: 'penguins',
		file: 'penguins.json',
		title: 'Palmer penguins',
		description:
			'Beak and flipper measurements of 344 penguins of three species from the Palmer Archipelago, ' +
			'Antarctica. Tell Adelie penguins (short beaks, short flippers) from the other two species.',
		task: 'classification',
		defaultFeatures: ['Beak Length (mm)', 'Flipper Length (mm)'],
		defaultTarget: 'Species',
		defaultPositive: 'Adelie',
		records: 344,
		source:
			'Gorman, Williams & Fraser (2014), PLoS ONE 9(3): e90081; Palmer Station Antarctica LTER; ' +
			'palmerpenguins by Horst, Hill & Gorman; via vega-datasets',
		sourceUrl: 'https://allisonhorst.github.io/palmerpenguins/',
		license: 'CC0 1.0'
	}
];

export function findRealDataset(id: string): RealDataset | undefined {
	return realDatasets.find((d) => d.id === id);
}

/**
 * A DataTable from an array of JSON objects. Columns are the keys in order of first appearance; the table's
 * `lines` are 1-based record indices (lineLabel 'record'). Cells: finite numbers are numbers; null, an absent
 * key, NaN and strings that isMissingText accepts ('', '.', 'NA', ...) are missing; other strings are numbers
 * when parseDecimal reads them, else text; booleans and anything else are text.
 */
export function tableFromRecords(records: unknown, name: string): DataTable {
	if (!Array.isArray(records)) throw new DataError(`${name}: expected a JSON array of records`);
	if (records.length === 0) throw new DataError(`${name}: the array has no records`);
	const keys = new Set<string>();
	records.forEach((rec, i) => {
		if (rec === null || typeof rec !== 'object' || Array.isArray(rec))
			throw new DataError(`${name}: record ${i + 1} is not an object`);
		for (const k of Object.keys(rec)) keys.add(k);
	});
	const raw = [...keys];
	const { names, notes } = uniqueNames(raw, 1);
	const table = new TableBuilder(name, names, 'record', notes);
	for (let i = 0; i < records.length; i++) {
		const rec = records[i] as Record<string, unknown>;
		const row = table.rows;
		const line = i + 1;
		for (let j = 0; j < raw.length; j++) {
			const col = table.columns[j];
			const v = Object.prototype.hasOwnProperty.call(rec, raw[j]) ? rec[raw[j]] : undefined;
			if (typeof v === 'number') {
				if (Number.isFinite(v)) col.setNumber(row, v);
				else if (Number.isNaN(v)) col.setMissing(row, line, 'NaN');
				else col.setText(row, line, String(v));
			} else if (v === null || v === undefined) col.setMissing(row, line, v === null ? 'null' : '');
			else if (typeof v === 'string') {
				const x = parseDecimal(v);
				if (x !== undefined) col.setNumber(row, x);
				else if (isMissingText(v)) col.setMissing(row, line, v);
				else col.setText(row, line, v);
			} else col.setText(row, line, typeof v === 'object' ? JSON.stringify(v) : String(v));
		}
		table.commitRow(line);
	}
	return table.finish();
}
