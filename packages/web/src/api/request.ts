// The one door to the server. Every page goes through `request` (or the typed functions in
// src/api/*.ts built on it) and decides nothing about transport: cookies, CSRF, JSON, error
// shape and the 401 redirect all live here.
import { ERROR_CODES, isErrorCode, type ErrorCode, type FieldError } from '@bangfu/core';

export const CSRF_COOKIE = 'bangfu_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Codes the browser itself gives a failed request (no answer, or an answer it cannot read). */
export const CLIENT_ERROR_CODES = {
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
  BAD_RESPONSE: '服务器返回了无法识别的内容，请稍后重试',
} as const;

/** The Chinese fallback when a response carries no usable message: core's list of the server's codes. */
export function messageOfCode(code: string, status?: number): string {
  if (isErrorCode(code)) return ERROR_CODES[code].message;
  if (code in CLIENT_ERROR_CODES) return CLIENT_ERROR_CODES[code as keyof typeof CLIENT_ERROR_CODES];
  return status ? `请求失败（${status}）` : '请求失败';
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** the whole error body, e.g. `current` of a VERSION_CONFLICT */
  readonly body: Record<string, unknown> | null;

  constructor(status: number, code: string, message: string, fieldErrors: FieldError[] = [], body: Record<string, unknown> | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.body = body;
  }
}

/** A code a failed request can carry: one the server sends (core's ERROR_CODES) or the browser's own. */
export type ApiErrorCode = ErrorCode | keyof typeof CLIENT_ERROR_CODES;

export function isApiError(e: unknown, code?: ApiErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** The Chinese sentence to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return '操作失败，请稍后重试';
}

export function readCookie(name: string, cookie: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

/** Where a 401 sends the user. The router installs a handler that navigates without a reload. */
type UnauthorizedHandler = (loginUrl: string) => void;
let onUnauthorized: UnauthorizedHandler = (loginUrl) => window.location.assign(loginUrl);
export function setUnauthorizedHandler(fn: UnauthorizedHandler): void {
  onUnauthorized = fn;
}

/** /login?redirect=<the page the user wanted>. */
export function loginUrlFor(wanted: string = currentUrl()): string {
  return wanted && wanted !== '/' && !wanted.startsWith('/login') ? `/login?redirect=${encodeURIComponent(wanted)}` : '/login';
}

function currentUrl(): string {
  if (typeof window === 'undefined') return '/';
  return window.location.pathname + window.location.search;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** JSON-encoded, except a Blob (a File) or FormData (multipart), which are sent as they are */
  body?: unknown;
  /** content-type of a Blob body (default: the Blob's own type) */
  contentType?: string;
  signal?: AbortSignal;
  /** false: a 401 is just thrown (the login form, the session probe). Default true. */
  redirectOn401?: boolean;
}

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

function toFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is { path?: unknown; message?: unknown } => typeof x === 'object' && x !== null)
    .map((x) => ({ path: typeof x.path === 'string' ? x.path : '', message: typeof x.message === 'string' ? x.message : '内容不正确' }));
}

export async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const upper = method.toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = typeof Blob !== 'undefined' && opts.body instanceof Blob ? opts.body : null;
  // multipart: the browser writes the content type with its boundary itself
  const form = typeof FormData !== 'undefined' && opts.body instanceof FormData ? opts.body : null;
  if (raw) headers['content-type'] = opts.contentType || raw.type || 'application/octet-stream';
  else if (opts.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (upper !== 'GET' && upper !== 'HEAD') {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }

  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), {
      method: upper,
      headers,
      credentials: 'same-origin',
      body: raw ?? form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', messageOfCode('NETWORK_ERROR'));
  }

  const text = res.status === 204 ? '' : await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (res.ok) {
    if (text && data === undefined) throw new ApiError(res.status, 'BAD_RESPONSE', messageOfCode('BAD_RESPONSE'));
    return data as T;
  }

  throw failure(res.status, data, opts);
}

/** The ApiError of a refused request (and the 401 redirect). */
function failure(status: number, data: unknown, opts: Pick<RequestOptions, 'redirectOn401'>): ApiError {
  const body = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const code = typeof body?.code === 'string' ? body.code : status === 401 ? 'UNAUTHENTICATED' : status >= 500 ? 'INTERNAL' : `HTTP_${status}`;
  const message = typeof body?.message === 'string' && body.message ? body.message : messageOfCode(code, status);
  const error = new ApiError(status, code, message, toFieldErrors(body?.errors), body);
  if (status === 401 && opts.redirectOn401 !== false) onUnauthorized(loginUrlFor());
  return error;
}

/** The file name a Content-Disposition header gives (filename* in UTF-8 first), else null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || null;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * A GET whose answer is a file (a workbook): the same cookies, errors and 401 handling as
 * `request`, the body kept as a Blob. `fallbackName` when the server names no file.
 */
export async function fetchFile(url: string, fallbackName: string, opts: Pick<RequestOptions, 'query' | 'signal' | 'redirectOn401'> = {}): Promise<DownloadedFile> {
  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), { method: 'GET', credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', messageOfCode('NETWORK_ERROR'));
  }
  if (!res.ok) {
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    throw failure(res.status, data, opts);
  }
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) ?? fallbackName };
}

/** Hands a file to the browser's download (an <a download> click on an object URL). */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the click; the URL can go a moment later
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** fetchFile then saveFile: what a 导出 / 下载 button does. */
export async function downloadFile(url: string, fallbackName: string, opts?: Pick<RequestOptions, 'query' | 'signal'>): Promise<string> {
  const file = await fetchFile(url, fallbackName, opts);
  saveFile(file);
  return file.fileName;
}

export const http = {
  get: <T>(url: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('GET', url, opts),
  post: <T>(url: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', url, { ...opts, body }),
  put: <T>(url: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('PUT', url, { ...opts, body }),
  patch: <T>(url: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('PATCH', url, { ...opts, body }),
  /** A file as the raw request body with its content type (CSRF header as for any POST). */
  upload: <T>(url: string, file: Blob, contentType: string, opts?: Omit<RequestOptions, 'body' | 'contentType'>) =>
    request<T>('POST', url, { ...opts, body: file, contentType }),
  /** multipart/form-data (files and fields), CSRF header as for any POST. */
  postForm: <T>(url: string, form: FormData, opts?: Omit<RequestOptions, 'body' | 'contentType'>) => request<T>('POST', url, { ...opts, body: form }),
  del: <T>(url: string, opts?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', url, opts),
};
