/** Stays at points are computed the same way on the phone and on the server. */
export { pointStays as stays, type PointStay } from '../../shared/plan.js';
