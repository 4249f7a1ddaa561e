export { answerJson, problem } from './api.js';
export { type AppOptions, createApp } from './app.js';
export { type RunningServer, startServer } from './server.js';
