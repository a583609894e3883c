/** The evaluation statistics (did it work?): pure functions over plain data, no I/O. */
export * from './displacement.js';
export * from './dosage.js';
export * from './quantile.js';
export * from './response-summary.js';
export * from './response-times.js';
export * from './wilson.js';
