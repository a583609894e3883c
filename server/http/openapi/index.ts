import type { RouteDoc } from './types.js';
import { accountRoutes } from './account.js';
import { userRoutes } from './users.js';
import { consoleRoutes } from './console.js';
import { fieldRoutes } from './field.js';
import { observatoryRoutes } from './observatory.js';
import { studyRoutes } from './observatory-studies.js';
import { exportRoutes } from './exports.js';
import { integrationRoutes } from './integrations.js';

export { buildDocument } from './document.js';
export type { RouteDoc } from './types.js';

/**
 * Every route under `/api`, one file per area. A route added without its entry here (or an
 * entry left after its route is gone) fails server/http/openapi.test.ts.
 */
export const API_ROUTES: readonly RouteDoc[] = [
  ...accountRoutes,
  ...userRoutes,
  ...consoleRoutes,
  ...fieldRoutes,
  ...observatoryRoutes,
  ...studyRoutes,
  ...exportRoutes,
  ...integrationRoutes,
];
