// The contract both sides import: every role, audit action and error code carries what the
// person sees (a Chinese name or message), and every status its HTTP number.
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, ERROR_CODES, HOUSEHOLD_SORT_KEYS, householdListQuerySchema, MAX_LIST_ROWS, isErrorCode,
  PROPOSAL_STATUS_LABELS, PROPOSAL_STATUSES, ROLE_LABELS, ROLE_ORG_KIND, ROLES,
} from './index.js';

const chinese = /[\u4e00-\u9fff]/;

describe('audit actions', () => {
  it.each(AUDIT_ACTIONS)('%s has a Chinese label', (action) => {
    expect(AUDIT_ACTION_LABELS[action]).toMatch(chinese);
  });

  it('names the actions the audit page showed raw before', () => {
    for (const a of ['household.export', 'household.print', 'import.upload', 'import.commit', 'import.cancel', 'import.expire', 'responsibility.set',
      'responsibility.change', 'link.add', 'link.remove', 'groups.update', 'measure.save', 'plan.update', 'assistance.create', 'settings.update'])
      expect(AUDIT_ACTIONS).toContain(a);
  });

  it.each(Object.entries(AUDIT_ENTITY_LABELS))('entity %s is named %s', (_entity, label) => {
    expect(label).toMatch(chinese);
  });
});

describe('error codes', () => {
  it.each(Object.entries(ERROR_CODES))('%s has an HTTP error status and a Chinese message', (_code, spec) => {
    expect(spec.status).toBeGreaterThanOrEqual(400);
    expect(spec.status).toBeLessThan(600);
    expect(spec.message).toMatch(chinese);
  });

  it.each([
    ['VALIDATION_FAILED', 400], ['UNAUTHENTICATED', 401], ['FORBIDDEN', 403], ['NOT_FOUND', 404], ['VERSION_CONFLICT', 409],
    ['FILE_TOO_LARGE', 413], ['ACCOUNT_LOCKED', 423], ['INTERNAL', 500], ['PDF_FONT_MISSING', 503],
  ] as const)('%s answers %i', (code, status) => {
    expect(ERROR_CODES[code].status).toBe(status);
  });

  it('knows only the codes the server sends', () => {
    expect(isErrorCode('FILE_TOO_LARGE')).toBe(true);
    expect(isErrorCode('HOUSEHOLD_REMOVED')).toBe(false);
    expect(isErrorCode('SOMETHING_ELSE')).toBe(false);
  });
});

describe('roles and statuses', () => {
  it.each(ROLES)('role %s has a label and an organization kind', (role) => {
    expect(ROLE_LABELS[role]).toMatch(chinese);
    expect(['city', 'region', 'unit']).toContain(ROLE_ORG_KIND[role]);
  });

  it.each(PROPOSAL_STATUSES)('proposal status %s has a label', (s) => {
    expect(PROPOSAL_STATUS_LABELS[s]).toMatch(chinese);
  });
});

describe('the household list query', () => {
  it.each(HOUSEHOLD_SORT_KEYS)('sorts by %s either way', (key) => {
    expect(householdListQuerySchema.safeParse({ sort: `${key}:asc` }).success).toBe(true);
    expect(householdListQuerySchema.safeParse({ sort: `${key}:desc` }).success).toBe(true);
  });

  it('defaults and refuses in Chinese', () => {
    expect(householdListQuerySchema.parse({})).toMatchObject({ page: 1, pageSize: 20, sort: 'updatedAt:desc' });
    const r = householdListQuerySchema.safeParse({ pageSize: '500' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('每页条数应为1至100');
  });

  it('pages down to the MAX_LIST_ROWS-th row and no further, saying why on the page field', () => {
    expect(householdListQuerySchema.safeParse({ page: MAX_LIST_ROWS / 20, pageSize: 20 }).success).toBe(true);
    expect(householdListQuerySchema.safeParse({ page: MAX_LIST_ROWS / 100, pageSize: 100 }).success).toBe(true);
    const r = householdListQuerySchema.safeParse({ page: MAX_LIST_ROWS / 20 + 1, pageSize: 20 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['page']);
    expect(r.error!.issues[0].message).toContain('请用筛选条件、搜索或反向排序缩小范围');
  });
});
