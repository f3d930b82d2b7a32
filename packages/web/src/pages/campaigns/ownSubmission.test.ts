import { describe, expect, it } from 'vitest';
import type { Submission } from '../../api/campaigns';
import { defaultDeadline, latestSubmission, mustSubmit, stateOf, submitAction } from './ownSubmission';

const sub = (id: number, status: Submission['status'], deadlineId = 1, orgCode = 'H06'): Submission => ({
  id, campaignId: 1, deadlineId, deadlineLabel: '上报', dueDate: '2026-06-30', orgCode, orgName: '钟祥', status, onTime: true, round: id, note: null,
  fileCount: 2, byStatus: { draft: 0, submitted: 0, unitApproved: 0, filed: 2, removed: 0, exited: 0 }, byCategory: {}, submittedBy: '填报员',
  submittedAt: '2026-06-01T00:00:00Z', decidedBy: null, decidedAt: null, opinion: null,
});

describe('an organization\'s submission for a deadline', () => {
  it('the newest of its own for that deadline', () => {
    const items = [sub(5, 'submitted', 2), sub(4, 'returned'), sub(3, 'accepted', 1, 'H01'), sub(2, 'returned')];
    expect(latestSubmission(items, 1, 'H06')?.id).toBe(4);
    expect(latestSubmission(items, 2, 'H06')?.id).toBe(5);
    expect(latestSubmission(items, 3, 'H06')).toBeNull();
  });

  it('what may be done: submit, resubmit after a return, nothing while waiting or accepted', () => {
    expect([submitAction(null), submitAction(sub(1, 'returned')), submitAction(sub(1, 'submitted')), submitAction(sub(1, 'accepted'))]).toEqual(['submit', 'resubmit', null, null]);
    expect([stateOf(null), stateOf(sub(1, 'accepted'))]).toEqual(['none', 'accepted']);
  });

  it('the default deadline is the next data deadline; required organizations by code', () => {
    const deadlines = [
      { id: 1, kind: 'report' as const, label: '材料', dueDate: '2026-05-01', daysLeft: 2, reportsOwed: { region: 1, unit: 1 } },
      { id: 2, kind: 'data' as const, label: '数据', dueDate: '2026-06-01', daysLeft: 30, reportsOwed: null },
    ];
    expect(defaultDeadline({ deadlines })?.id).toBe(2);
    expect(defaultDeadline({ deadlines: deadlines.slice(0, 1) })?.id).toBe(1);
    expect(mustSubmit({ requiredOrgs: [{ code: 'H06', name: '钟祥', kind: 'region' }] }, 'H06')).toBe(true);
    expect(mustSubmit({ requiredOrgs: [] }, 'H06')).toBe(false);
  });
});
