// Live progress of import jobs, kept in memory: a commit runs in one transaction, so a progress
// row written inside it would not be visible to anyone until the end.
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

const progress = new Map<number, ImportProgress>();

export function setProgress(importId: number, p: ImportProgress): void {
  progress.set(importId, p);
}

export function getProgress(importId: number): ImportProgress | null {
  return progress.get(importId) ?? null;
}

export function clearProgress(importId: number): void {
  progress.delete(importId);
}
