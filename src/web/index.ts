export {
  answerJson,
  apiSnapshotFiles,
  apiV1Routes,
  mountApi,
  openApiDocument,
  problem,
} from './api/index.js';
export { type AppOptions, createApp } from './app.js';
export { type AskFn, type AskResultLike, askView } from './ask.js';
export { type RunningServer, startServer } from './server.js';
