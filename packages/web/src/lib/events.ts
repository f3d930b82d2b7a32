// Page-to-layout signals inside one tab: the menu's 剔除建议 badge re-counts when proposals were
// decided or a re-identification finished.
export const PROPOSALS_CHANGED = 'bangfu:proposals-changed';

export function notifyProposalsChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(PROPOSALS_CHANGED));
}

// The menu's 待我审核 badge re-counts when a file was submitted, reviewed or sent back.
export const REVIEWS_CHANGED = 'bangfu:reviews-changed';

export function notifyReviewsChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(REVIEWS_CHANGED));
}

// The menu's 通报 badge (未读) re-counts once a bulletin was opened (the server recorded the reading).
export const BULLETINS_CHANGED = 'bangfu:bulletins-changed';

export function notifyBulletinsChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(BULLETINS_CHANGED));
}

// The menu's 档案转移 badge (待我方同意) re-counts once a transfer was asked for, decided or withdrawn.
export const TRANSFERS_CHANGED = 'bangfu:transfers-changed';

export function notifyTransfersChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(TRANSFERS_CHANGED));
}

// The menu's 重复档案 badge (待处理) re-counts once a scan finished or a pair was decided.
export const DUPLICATES_CHANGED = 'bangfu:duplicates-changed';

export function notifyDuplicatesChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(DUPLICATES_CHANGED));
}

// The menu's 民政低保核对 badge (待核实) re-counts once a list was imported or a finding resolved.
export const DIBAO_CHANGED = 'bangfu:dibao-changed';

export function notifyDibaoChanged(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(DIBAO_CHANGED));
}
