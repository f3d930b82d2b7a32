// 职工编号: city letter + 2-digit region + 5-digit serial per region (填表说明 一.1), e.g. H0100001.

export const WORKER_NO_RE = /^([A-Z])(\d{2})(\d{5})$/;
export const MAX_SERIAL = 99_999;

export function formatWorkerNo(regionCode: string, serial: number): string {
  if (!/^[A-Z]\d{2}$/.test(regionCode)) throw new RangeError(`bad region code ${regionCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) throw new RangeError(`serial ${serial} out of range`);
  return regionCode + String(serial).padStart(5, '0');
}

export function parseWorkerNo(workerNo: string): { regionCode: string; serial: number } | null {
  const m = WORKER_NO_RE.exec(workerNo);
  if (!m) return null;
  const serial = Number(m[3]);
  if (serial < 1) return null;
  return { regionCode: m[1] + m[2], serial };
}
