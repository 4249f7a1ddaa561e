import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CI=true makes picocolors colour its output; in-process CLI runs must print plain text, as
    // child processes do (test/helpers/cli.ts sets NO_COLOR for them).
    env: { NO_COLOR: '1' },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
