// Shared constants of the end-to-end suite. The server started by e2e/global-setup.ts creates its
// admin user from ADMIN_PASSWORD below; tests log in with it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server started by e2e/global-setup.ts (e2e project only). */
    baseUrl: string;
    /** Non-empty when e2e/global-setup.ts could not build the web app or start the server. */
    e2eSetupError: string;
  }
}

/** Fixed, strong password of the admin user of the e2e server (test-only, never used elsewhere). */
export const ADMIN_PASSWORD = 'E2e-Bangfu-Admin-7f3K9q!x2';

/**
 * The city-union cadre who approves what the admin asks for on accounts that read identity numbers
 * in full (the two-person rule). Made with the command line before the server starts, as a union
 * makes its first city account.
 */
export const APPROVER = { username: 'e2e_approver', password: 'E2e-Approver-4hT8w!m', displayName: '市总审批人' };

/** The reviewer of the run for 'H' (市总工会) and 'H01'…'H08' (县区工会), made the same way. */
export const REVIEWER_ORGS = ['H', 'H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08'] as const;
export function reviewerOf(orgCode: string) {
  return {
    username: `e2e_reviewer_${orgCode.toLowerCase()}`,
    password: `E2e-Reviewer-${orgCode}-Pw9!`,
    role: orgCode === 'H' ? 'city' : 'region',
    displayName: orgCode === 'H' ? '市总审核员' : `${orgCode}县区审核员`,
  };
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(REPO_ROOT, 'packages/web/dist');
export const SERVER_CLI = path.join(REPO_ROOT, 'packages/server/bin/bangfu.mjs');
/** Failure screenshots land here as <name>.png (gitignored via .tmp/). */
export const SCREENS_DIR = path.join(REPO_ROOT, '.tmp/screens');
/** Full stdout/stderr of the e2e server of the last run. */
export const SERVER_LOG = path.join(REPO_ROOT, '.tmp/e2e-server.log');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
