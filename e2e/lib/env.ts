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

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(REPO_ROOT, 'packages/web/dist');
export const SERVER_CLI = path.join(REPO_ROOT, 'packages/server/bin/bangfu.mjs');
/** Failure screenshots land here as <name>.png (gitignored via .tmp/). */
export const SCREENS_DIR = path.join(REPO_ROOT, '.tmp/screens');
/** Full stdout/stderr of the e2e server of the last run. */
export const SERVER_LOG = path.join(REPO_ROOT, '.tmp/e2e-server.log');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
