/**
 * Commands are declared up front (name, arguments, options, help: src/cli/tree/) and their
 * implementation (src/cli/commands/) is imported only when the command runs, so a command loads
 * only the code it needs: `medbrief ask` never loads the web server, MCP or the linter.
 */
import { action } from './shared.js';

// biome-ignore lint/suspicious/noExplicitAny: commander passes the parsed arguments untyped
type Run = (...args: any[]) => unknown;

/**
 * A commander action that imports `load()`'s module when the command runs and calls the function
 * `pick` chooses from it (errors and exit codes as with `action`).
 */
export function lazyAction<M>(load: () => Promise<M>, pick: (module: M) => Run) {
  return action(async (...args: unknown[]) => pick(await load())(...args));
}
