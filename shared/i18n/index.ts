/**
 * Every language at once, for the server (a push is written in each recipient's language)
 * and tests. The client imports `./core.ts` instead, which loads languages one at a time.
 */
import { addMessages } from './core.js';
import { en } from './en.js';

addMessages('en', en);

export * from './core.js';
