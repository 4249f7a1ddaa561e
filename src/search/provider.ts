/** Where callers get the ask engine from: built once and rebuilt when the store changes (service.ts). */
import type { AskEngine } from './engine.js';

export type EngineProvider = () => AskEngine | Promise<AskEngine>;
