/**
 * Public entry point of the data module: synthetic datasets, splitting, standardisation, polynomials, tables
 * (CSV files and vega-datasets records) and column selection.
 */
export * from './types';
export * from './synthetic';
export * from './split';
export * from './standardize';
export * from './polynomial';
export * from './table';
export * from './csv-reader';
export * from './vega';
export * from './select';
