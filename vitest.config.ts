import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CLI-process tests spawn the shipped bin against a dist/ compiled once per run (test/helpers/buildPackage.ts).
    globalSetup: ['test/helpers/buildPackage.ts'],
    // Type assertions (expectTypeOf, assertType) live in *.test-d.ts files, which tsc checks and vitest reports
    // as tests; `tsc --noEmit -p .` checks them too, but only this makes a wrong type assertion fail `npm test`.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
