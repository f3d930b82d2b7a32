// Prints one plain line at the very end of a run, counting individual tests across all projects:
//
//   N passed, N failed[, N skipped]
//
// "failed" also counts, as one failure each: a test file that failed to load or whose hooks failed
// (no failing test inside it), a file that never finished, a test that never finished, and every
// unhandled error. So a crash can never read as green.
//
// When BANGFU_SUMMARY_FILE is set (scripts/test.mjs does this) the counts are written there as JSON
// instead of printed, and test.mjs prints the line itself after Vitest has exited, so that nothing
// (global teardown, hanging-process warnings…) can come after it.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

export interface SummaryCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Files counted as one failure because they failed without a failing test (load error, hook error, crash). */
  brokenFiles: string[];
  unhandledErrors: number;
  reason: TestRunEndReason;
}

export function countResults(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<unknown>,
  reason: TestRunEndReason,
): SummaryCounts {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const brokenFiles: string[] = [];
  for (const mod of testModules) {
    let failedHere = 0;
    for (const test of mod.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'skipped') skipped++;
      else {
        // 'failed', or 'pending' = collected but never finished (worker died, run interrupted).
        failed++;
        failedHere++;
      }
    }
    const state = mod.state();
    const moduleBroken =
      state === 'failed' || state === 'pending' || state === 'queued' || !mod.ok() || mod.errors().length > 0;
    if (moduleBroken && failedHere === 0) {
      failed++;
      brokenFiles.push(`${mod.project.name ? `[${mod.project.name}] ` : ''}${mod.relativeModuleId}`);
    }
  }
  failed += unhandledErrors.length;
  return { passed, failed, skipped, brokenFiles, unhandledErrors: unhandledErrors.length, reason };
}

export function summaryLine(c: Pick<SummaryCounts, 'passed' | 'failed' | 'skipped'>): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ): void {
    const counts = countResults(testModules, unhandledErrors, reason);
    const file = process.env.BANGFU_SUMMARY_FILE;
    if (file) {
      writeFileSync(file, JSON.stringify(counts));
      return;
    }
    if (counts.brokenFiles.length) {
      process.stdout.write(`Counted as failed (no test result): ${counts.brokenFiles.join(', ')}\n`);
    }
    process.stdout.write(`\n${summaryLine(counts)}\n`);
  }
}
