// The states of the system's other records, as both sides name them.
export const PROPOSAL_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: '待处理', confirmed: '已确认剔除', rejected: '不予剔除', withdrawn: '已撤回',
};

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const IMPORT_STATUSES = ['analyzing', 'analyzed', 'committing', 'committed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** stale: checked as new or changed, but its file changed before the commit reached it, so not written */
export const IMPORT_ROW_STATUSES = ['new', 'changed', 'unchanged', 'error', 'stale'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];
