/** Public entry point of the data module: synthetic datasets, splitting, standardisation, polynomials. */
export * from './types';
export * from './synthetic';
export * from './split';
export * from './standardize';
export * from './polynomial';
