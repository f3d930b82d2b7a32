// File downloads (the printed survey forms): fetched as a blob so that a refusal comes back as the
// server's Chinese message, like every other request, instead of a page of JSON in a new tab.
import { ApiError, messageOfCode, withQuery, type Query } from './request';

/** The file name of a Content-Disposition header: the UTF-8 filename* (RFC 5987) first, else filename. */
export function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain ? (plain[1] ?? plain[2]).trim() : '';
  return name || null;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> | null = null;
  try {
    const data: unknown = await res.json();
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) body = data as Record<string, unknown>;
  } catch {
    body = null;
  }
  const code = typeof body?.code === 'string' ? body.code : res.status === 401 ? 'UNAUTHENTICATED' : res.status >= 500 ? 'INTERNAL' : `HTTP_${res.status}`;
  const message = typeof body?.message === 'string' && body.message ? body.message : messageOfCode(code, res.status);
  return new ApiError(res.status, code, message, [], body);
}

/** Downloads `url` as a file (saved under the server's file name); throws ApiError with the server's message. */
export async function downloadFile(url: string, opts: { query?: Query; fallbackName: string }): Promise<string> {
  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', messageOfCode('NETWORK_ERROR'));
  }
  if (!res.ok) throw await errorOf(res);
  const blob = await res.blob();
  const name = filenameOf(res.headers.get('content-disposition')) ?? opts.fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has the file once the click was handled; a minute is plenty for slow machines
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
