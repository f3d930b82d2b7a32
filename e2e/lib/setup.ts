// setupFiles of the e2e project: if e2e/global-setup.ts could not build the web app or start the
// server, fail every e2e file with its reason (instead of confusing connection errors).
import { beforeAll, inject } from 'vitest';

beforeAll(() => {
  const error = inject('e2eSetupError');
  if (error) throw new Error(`e2e global setup failed: ${error}`);
});
