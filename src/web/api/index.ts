export { askApiHandler, askRoutes, MAX_API_LIMIT } from './ask.js';
export { ApiDocsPage } from './docs.js';
export { API_CACHE_CONTROL, conditionalGet, cors, etagFor, ifNoneMatchHits } from './http.js';
export { API_VERSION, openApiDocument } from './openapi.js';
export { notFoundProblem, PROBLEM_TYPE, problem } from './problem.js';
export {
  answerJson,
  answerSummaryJson,
  conditionDetailJson,
  conditionSummaryJson,
  linkHeader,
  pagination,
} from './resources.js';
export { apiV1Routes, mountApi } from './routes.js';
export * from './schemas.js';
export { apiSnapshotFiles } from './snapshot.js';
