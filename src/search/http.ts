/**
 * The ask API's routes live in src/web/api/ask.ts. This re-export keeps service.ts's import of
 * EngineProvider working until service.ts imports ./provider.js itself.
 */
export type { EngineProvider } from './provider.js';
