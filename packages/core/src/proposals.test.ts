import { describe, expect, it } from 'vitest';
import { proposalNeedsHistory, proposalStep, removalReasonOf, type ProposalFacts } from './proposals.js';

const base: ProposalFacts = { eligible: false, status: 'filed', hasPending: false, wasIneligible: false, lastProposalStatus: null };

describe('the removal-proposal step', () => {
  it.each<[string, Partial<ProposalFacts>, ReturnType<typeof proposalStep>['kind'], string?]>([
    ['a filed file that becomes ineligible is proposed', {}, 'propose'],
    ['a pending proposal takes the new result', { hasPending: true }, 'refresh'],
    ['a rejected proposal stands while the file stays ineligible', { wasIneligible: true, lastProposalStatus: 'rejected' }, 'none'],
    ['a confirmed-then-reopened file is proposed again', { wasIneligible: true, lastProposalStatus: 'confirmed' }, 'propose'],
    ['a file that qualified in between is proposed again after a rejection', { wasIneligible: false, lastProposalStatus: 'rejected' }, 'propose'],
    ['an ineligible draft is not proposed', { status: 'draft' }, 'none'],
    ['an ineligible file under review is not proposed', { status: 'submitted' }, 'none'],
    ['a file that qualifies again has its proposal withdrawn', { eligible: true, hasPending: true }, 'withdraw', '重新识别后符合条件或无法判定，建议自动撤回'],
    ['a file that cannot be decided has its proposal withdrawn', { eligible: null, hasPending: true }, 'withdraw', '重新识别后符合条件或无法判定，建议自动撤回'],
    ['a file leaving 已建档 has its proposal withdrawn', { status: 'removed', hasPending: true }, 'withdraw', '档案已不在已建档状态，建议自动撤回'],
    ['an eligible file without a proposal: nothing', { eligible: true }, 'none'],
  ])('%s', (_name, facts, kind, note) => {
    const step = proposalStep({ ...base, ...facts });
    expect(step.kind).toBe(kind);
    if (note) expect(step).toEqual({ kind, note });
  });

  it.each<[Partial<ProposalFacts>, boolean]>([
    [{ wasIneligible: true }, true],
    [{ wasIneligible: false }, false],
    [{ wasIneligible: true, hasPending: true }, false],
    [{ wasIneligible: true, status: 'draft' }, false],
    [{ wasIneligible: true, eligible: true }, false],
  ])('needs the last decision only for a still-ineligible filed file without a pending proposal (%o)', (facts, needed) => {
    expect(proposalNeedsHistory({ ...base, ...facts })).toBe(needed);
  });

  it('words the reason', () => {
    expect(removalReasonOf({ explanation: '人均收入高于标准' })).toBe('经精准识别，三项条件均不符合：人均收入高于标准');
  });
});
