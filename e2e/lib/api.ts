// Talking to the server's JSON API from a test (fast set-up of test data), through Playwright's
// APIRequestContext:
//
//   const admin = await Api.login(baseUrl, 'admin', ADMIN_PASSWORD);          // its own cookie jar
//   const h = await admin.createHousehold({ regionCode: 'H01' });
//   await admin.dispose();
//
//   const api = await Api.loginInPage(page, baseUrl, 'admin', ADMIN_PASSWORD); // shares the page's
//   await page.goto(`${baseUrl}/households/${h.id}`);                          // cookies: the page
//                                                                              // is logged in too
// State-changing requests carry x-csrf-token = the bangfu_csrf cookie (double submit).
import { request, type APIRequestContext, type APIResponse, type Page } from 'playwright-core';
import { ADMIN_PASSWORD } from './env.js';
import { makeHousehold, uniqueUsername, type Json } from './data.js';

export const CSRF_COOKIE = 'bangfu_csrf';

export interface HouseholdJson extends Json {
  id: number;
  workerNo: string;
  name: string;
  idNumber: string;
  regionCode: string;
  status: 'active' | 'removed';
  version: number;
  /** the stored result of 精准识别 (null before the first evaluation) */
  identification: IdentificationJson | null;
}

export interface IdentificationJson extends Json {
  eligible: boolean | null;
  conditions: ('C1' | 'C2' | 'C3')[];
  category: string | null;
  flags: string[];
  perCapitaIncome: number;
  annualLine: number | null;
  explanation: string;
  policy: { regionCode: string; year: number; monthlyLine: number | null; version: number | null };
  fileVersion: number | null;
}

export interface PolicyJson {
  version: number;
  marginalRatio: string;
  expenseRatio: string;
  lines: { regionCode: string; regionName: string; year: number; monthlyLine: number; version: number }[];
}

export interface JobJson {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  changed: number;
  error: string | null;
}

export interface ProposalJson {
  id: number;
  householdId: number;
  workerNo: string;
  name: string;
  regionCode: string;
  status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
  reason: string;
  note: string | null;
}

export interface ListResult {
  total: number;
  items: (Json & { id: number; workerNo: string; name: string; idNumber: string; regionCode: string; status: string })[];
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: string;
  orgCode: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} → HTTP ${status}: ${body.slice(0, 500)}`);
  }
}

export class Api {
  private constructor(
    readonly ctx: APIRequestContext,
    readonly baseUrl: string,
    private readonly owned: boolean,
  ) {}

  /** A fresh cookie jar, logged in as `username`. Call dispose() at the end. */
  static async login(baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<Api> {
    const ctx = await request.newContext({ baseURL: baseUrl });
    const api = new Api(ctx, baseUrl, true);
    try {
      await api.post('/api/session', { username, password }, 200);
    } catch (e) {
      await ctx.dispose();
      throw e;
    }
    return api;
  }

  /** Logs in through the page's own cookie jar: afterwards the browser page is logged in too. */
  static async loginInPage(page: Page, baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<Api> {
    const api = new Api(page.context().request, baseUrl, false);
    await api.post('/api/session', { username, password }, 200);
    return api;
  }

  async dispose(): Promise<void> {
    if (this.owned) await this.ctx.dispose();
  }

  private async csrf(): Promise<string> {
    const { cookies } = await this.ctx.storageState();
    return cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? '';
  }

  private async check<T>(res: APIResponse, what: string, expected: number | number[]): Promise<T> {
    const ok = Array.isArray(expected) ? expected : [expected];
    const text = await res.text();
    if (!ok.includes(res.status())) throw new ApiError(res.status(), text, what);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async get<T>(path: string, params?: Record<string, string | number>, expected: number | number[] = 200): Promise<T> {
    const res = await this.ctx.get(new URL(path, this.baseUrl).toString(), { params });
    return this.check<T>(res, `GET ${path}`, expected);
  }

  async post<T>(path: string, data: unknown, expected: number | number[] = [200, 201]): Promise<T> {
    const res = await this.ctx.post(new URL(path, this.baseUrl).toString(), {
      data: data as Json,
      headers: { 'x-csrf-token': await this.csrf() },
    });
    return this.check<T>(res, `POST ${path}`, expected);
  }

  async put<T>(path: string, data: unknown, expected: number | number[] = 200): Promise<T> {
    const res = await this.ctx.put(new URL(path, this.baseUrl).toString(), {
      data: data as Json,
      headers: { 'x-csrf-token': await this.csrf() },
    });
    return this.check<T>(res, `PUT ${path}`, expected);
  }

  /** A region user (orgCode H01…H08) or a city user (orgCode H); admins only. */
  async createUser(user: { orgCode: string; displayName: string; username?: string; password?: string }): Promise<UserView & { password: string }> {
    const username = user.username ?? uniqueUsername('e2e');
    const password = user.password ?? `E2e-${username}-Pw9!`;
    const created = await this.post<UserView>('/api/users', { username, password, displayName: user.displayName, orgCode: user.orgCode }, 201);
    return { ...created, password };
  }

  /** Files a valid household (makeHousehold + overrides). */
  createHousehold(overrides: Json = {}): Promise<HouseholdJson> {
    return this.post<HouseholdJson>('/api/households', makeHousehold(overrides), 201);
  }

  getHousehold(id: number, expected: number | number[] = 200): Promise<HouseholdJson> {
    return this.get<HouseholdJson>(`/api/households/${id}`, undefined, expected);
  }

  listHouseholds(query: Record<string, string | number> = {}): Promise<ListResult> {
    return this.get<ListResult>('/api/households', query);
  }

  removeHousehold(id: number, reason: string): Promise<HouseholdJson> {
    return this.post<HouseholdJson>(`/api/households/${id}/remove`, { reason }, 200);
  }

  getPolicy(): Promise<PolicyJson> {
    return this.get<PolicyJson>('/api/policy');
  }

  /**
   * Sets 低保标准 lines (yuan per person per month; null removes one) as a city user would, with
   * the version just read, and waits until the re-identification job it queued has finished.
   * City-level users only (admin or orgCode H).
   */
  async setPolicyLines(lines: { regionCode: string; year: number; monthlyLine: number | null }[], reason = 'e2e 准备数据'): Promise<{ version: number; jobId: number | null }> {
    const { version } = await this.getPolicy();
    const saved = await this.put<{ version: number; jobId: number | null }>('/api/policy', { lines, reason, expectedVersion: version });
    if (saved.jobId !== null) await this.waitForJob(saved.jobId);
    return saved;
  }

  /** Polls GET /api/jobs/:id until the job is done (throws if it failed or takes over `ms`). */
  async waitForJob(id: number, ms = 20_000): Promise<JobJson> {
    const until = Date.now() + ms;
    for (;;) {
      const job = await this.get<JobJson>(`/api/jobs/${id}`);
      if (job.status === 'done') return job;
      if (job.status === 'failed') throw new Error(`job ${id} failed: ${job.error}`);
      if (Date.now() > until) throw new Error(`job ${id} still ${job.status} after ${ms} ms (${job.done}/${job.total})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  listProposals(query: { status?: string; regionCode?: string; pageSize?: number } = {}): Promise<{ total: number; items: ProposalJson[] }> {
    return this.get('/api/removal-proposals', { pageSize: 200, ...query });
  }
}
