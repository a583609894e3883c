export { PlanService, type PlanServiceDeps } from './service.js';
export { generatePlans, allocate, POINTS_PER_UNIT, type PlanInput } from './generator.js';
