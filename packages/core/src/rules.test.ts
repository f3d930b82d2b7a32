// The pure rules of the lifecycle and of responsibility, table by table.
import { describe, expect, it } from 'vitest';
import { editSendsBackToReview, inOrgSubtree, reachesFile, type HouseholdStatus, type IdentificationOutcome } from './index.js';

const eligible = (category: string | null): IdentificationOutcome => ({ eligible: category !== null, category });

describe('an edited filed file goes back to review when its identification changes', () => {
  it.each<[HouseholdStatus, IdentificationOutcome, IdentificationOutcome, boolean]>([
    ['filed', eligible('低保户'), eligible('低保户'), false],
    ['filed', eligible('低保户'), eligible('低保边缘户'), true],
    ['filed', eligible('低保户'), eligible(null), true],
    ['filed', { eligible: null, category: null }, eligible(null), true],
    ['filed', { eligible: null, category: null }, { eligible: null, category: null }, false],
    ['draft', eligible('低保户'), eligible(null), false],
    ['submitted', eligible('低保户'), eligible(null), false],
  ])('%s: %o → %o sends back: %s', (status, before, after, back) => {
    expect(editSendsBackToReview(status, before, after)).toBe(back);
  });
});

describe('organization subtree and responsibility reach', () => {
  it.each<[string, string, string, string | null, boolean, boolean]>([
    // role, orgCode, file region, file unit, in subtree, may be responsible
    ['city', 'H', 'H01', null, true, true],
    ['admin', 'H', 'H02', 'H02-0001', true, true],
    ['viewer', 'H', 'H02', null, true, true],
    ['region', 'H01', 'H01', 'H01-0003', true, true],
    ['region', 'H01', 'H02', null, false, false],
    ['unit', 'H01-0001', 'H01', 'H01-0001', true, true],
    ['unit', 'H01-0001', 'H01', 'H01-0001-02', true, true],
    ['unit', 'H01-0001', 'H01', 'H01-0002', false, false],
    ['unit', 'H01-0001', 'H01', 'H01-00010', false, false],
    ['unit', 'H01-0001', 'H01', null, false, false],
    ['leader', 'H', 'H01', null, false, true],
    ['staff', 'H', 'H03', 'H03-0001', false, true],
  ])('%s %s for a file of %s/%s: subtree %s, reach %s', (role, orgCode, regionCode, unitId, inSubtree, reaches) => {
    expect(inOrgSubtree({ role, orgCode }, regionCode, unitId)).toBe(inSubtree);
    expect(reachesFile({ role, orgCode }, regionCode, unitId)).toBe(reaches);
  });
});
