// Where the audit chain's key comes from: BANGFU_AUDIT_KEY (every instance of one database must
// share it), else a key file outside the database, made on first start (mode 0600). Keep the file
// on another volume than the database (BANGFU_AUDIT_KEY_FILE) so that a copy of the data is not
// enough to rewrite the chain.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';

export function auditKeyFile(config: Config): string {
  if (config.auditKeyFile) return config.auditKeyFile;
  const dir = config.db.kind === 'sqlite' && config.db.file !== ':memory:' ? path.dirname(config.db.file) : path.resolve('data');
  return path.join(dir, 'audit.key');
}

export function loadAuditKey(config: Config): Buffer {
  if (config.auditKey) return config.auditKey;
  const file = auditKeyFile(config);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // wx: two processes starting at once must not both write a key
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new Error(`the audit key file ${file} is shorter than 32 characters`);
  return Buffer.from(text, 'utf8');
}
