// Live progress of an import's check, kept in memory by the process running it (the check reads and
// stages the file in one go). A commit's progress is its job's count, moved with each batch
// (import.commit.ts), which every process reads alike.
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
