export { RequestProjection, type FiledRequest, type RequestOrigin } from './projection.js';
