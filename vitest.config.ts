// Test projects for the whole monorepo. `npm test` (scripts/test.mjs) picks the projects that can run
// on this machine and passes them as `--project` flags; `npx vitest run --project core` works too.
//
//   core        packages/core/src/**/*.test.ts
//   web         packages/web/src/**/*.test.{ts,tsx}        (node environment; no DOM library installed)
//   api-sqlite  packages/server/{src,test}/**/*.test.ts    BANGFU_TEST_DB=sqlite
//   api-pg      packages/server/{src,test}/**/*.test.ts    BANGFU_TEST_DB=pg, inject('pgUrl') = a fresh database
//   office      packages/server/src/**/*.office.test.ts     LibreOffice Calc headless (soffice) on SQLite
//   e2e         e2e/**/*.test.ts                           inject('baseUrl') = the real server, one file at a time
import { defineConfig } from 'vitest/config';

const serverTests = ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'];
const officeTests = 'packages/server/src/**/*.office.test.ts';

export default defineConfig({
  test: {
    // 2 cores: two forked workers for the unit/API group; e2e runs afterwards with a single worker.
    pool: 'forks',
    maxWorkers: 2,
    // No passWithNoTests: every project has test files, and a filter that matches none should fail.
    reporters: ['default', './scripts/summary-reporter.ts'],
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api-sqlite',
          include: serverTests,
          exclude: [officeTests],
          env: { BANGFU_TEST_DB: 'sqlite' },
          testTimeout: 15_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api-pg',
          include: serverTests,
          // pure tests that touch no database run once, in api-sqlite
          exclude: [officeTests, 'packages/server/src/cli/import-kill.test.ts', 'packages/server/src/cli/serve-cluster.test.ts', 'packages/server/src/demo/**', 'packages/server/src/cli/identify.test.ts', 'packages/server/src/db/db.test.ts', 'packages/server/src/modules/print/pdf.font.test.ts'],
          env: { BANGFU_TEST_DB: 'pg' },
          globalSetup: ['packages/server/test/pg-global-setup.ts'],
          testTimeout: 15_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'office',
          include: [officeTests],
          env: { BANGFU_TEST_DB: 'sqlite' },
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          setupFiles: ['e2e/lib/setup.ts'],
          fileParallelism: false, // one browser + one server; also forces maxWorkers = 1 for this project
          sequence: { groupOrder: 1 }, // after the unit/API group has finished
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
