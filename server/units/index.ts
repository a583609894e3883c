export { UnitProjection, plansIn, type UnitProjectionDeps } from './projection.js';
export { unitRoutes } from './routes.js';
export { stays, type PointStay } from './activity.js';
export { PlanRecorder } from './plan-log.js';
