export { askApiHandler, askRoutes, MAX_API_LIMIT } from './ask.js';
export { ApiDocsPage } from './docs.js';
export { API_CACHE_CONTROL, conditionalGet, cors, etagFor, ifNoneMatchHits } from './http.js';
export { API_VERSION, openApiDocument } from './openapi.js';
export { notFoundProblem, PROBLEM_TYPE, problem } from './problem.js';
// The JSON of one answer is also what `medbrief export-json` writes; the other resources stay
// behind the routes and the snapshot.
export { answerJson } from './resources.js';
export { apiV1Routes, mountApi } from './routes.js';
export * from './schemas.js';
export { apiSnapshotFiles } from './snapshot.js';
