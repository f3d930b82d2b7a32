/** Only a path inside this site: never an absolute URL taken from the query string. */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\') || target.startsWith('/login')) return fallback;
  return target;
}

/** Location state that pages pass on so "返回" goes back to the list as it was (filters, page). */
export interface FromState {
  from?: string;
}

export function fromOf(state: unknown): string | undefined {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : undefined;
}
