/** ISO-8601 UTC with milliseconds: sorts as text on both databases. */
export const nowIso = (): string => new Date().toISOString();
