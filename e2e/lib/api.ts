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
//
// A household created through the API is a 草稿 (draft). Whatever needs an 已建档 (filed) file
// (removal, 剔除建议, 脱困) takes it through review first:
//
//   const filed = await admin.createFiledHousehold({ regionCode: 'H06' });   // draft → … → 已建档
//   const h = await admin.createHousehold();  await admin.fileThrough(h.id, { until: 'unitApproved' });
//
// fileThrough submits as this Api's user (the filer); the 单位工会 opinion is given by a 县区工会
// user of the file's region and the 市总工会 opinion by a city user: one account each per run,
// made by the global setup (see reviewerAccount).
import { request, type APIRequestContext, type APIResponse, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, APPROVER, reviewerOf } from './env.js';
import { makeHousehold, uniqueUsername, type Json } from './data.js';

export const CSRF_COOKIE = 'bangfu_csrf';

export interface HouseholdJson extends Json {
  id: number;
  workerNo: string;
  name: string;
  idNumber: string;
  regionCode: string;
  /** the 基层工会 the file belongs to (H01-0001), or null */
  unitId: string | null;
  status: HouseholdStatus;
  version: number;
  /** the stored result of 精准识别 (null before the first evaluation) */
  identification: IdentificationJson | null;
  returnReason?: string | null;
  opinions?: OpinionJson[];
}

/** 草稿 → 待单位审核 → 待市总审核 → 已建档; then 已剔除 / 已脱困 (core HOUSEHOLD_STATUSES). */
export type HouseholdStatus = 'draft' | 'submitted' | 'unitApproved' | 'filed' | 'removed' | 'exited';

export type ReviewLevel = 'unit' | 'city';
export type ReviewDecision = 'agree' | 'return';

export interface OpinionJson {
  level: ReviewLevel;
  decision: ReviewDecision;
  opinion: string;
  authorName: string;
  orgCode: string;
  orgName: string;
  at: string;
  fileVersion: number;
}

export interface OrgJson {
  code: string;
  name: string;
  parentCode: string | null;
  kind: 'city' | 'region' | 'unit';
  active: boolean;
}

export interface Account {
  username: string;
  password: string;
}

/** The opinions fileThrough signs. */
export const REVIEW_OPINIONS: Record<ReviewLevel, string> = {
  unit: 'e2e：经入户核实，情况属实，同意上报。',
  city: 'e2e：同意纳入精准帮扶城镇困难职工数据库。',
};

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

  /** Another person in the same page: the cookies cleared, logged in as them, then at `path`. */
  static async signInAt(page: Page, baseUrl: string, who: { username: string; password: string }, path: string): Promise<void> {
    await page.context().clearCookies();
    await Api.loginInPage(page, baseUrl, who.username, who.password);
    await page.goto(`${baseUrl}${path}`);
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

  /**
   * A multipart/form-data POST (an upload): `multipart` holds the fields and the files
   * ({ name, mimeType, buffer }), as Playwright's APIRequestContext takes them.
   */
  async postMultipart<T>(path: string, multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>, expected: number | number[] = [200, 201]): Promise<T> {
    const res = await this.ctx.post(new URL(path, this.baseUrl).toString(), {
      multipart,
      headers: { 'x-csrf-token': await this.csrf() },
    });
    return this.check<T>(res, `POST ${path}`, expected);
  }

  /**
   * A user; admins only. Without a role it follows the organization: orgCode H → city (市总工会),
   * H01…H08 → region (县区工会), H01-0001 → unit (基层工会).
   */
  async createUser(user: { orgCode: string; displayName: string; role?: string; username?: string; password?: string }): Promise<UserView & { password: string }> {
    const username = user.username ?? uniqueUsername('e2e');
    const password = user.password ?? `E2e-${username}-Pw9!`;
    const created = await this.post<UserView & { pendingApproval?: boolean }>('/api/users', { username, password, displayName: user.displayName, orgCode: user.orgCode, ...(user.role ? { role: user.role } : {}) }, 201);
    if (!created.pendingApproval) return { ...created, password };
    // an account that reads identity numbers in full: the city union's approver approves it and gets its password
    const approved = await Api.as(this.baseUrl, APPROVER, async (city) => {
      const { items } = await city.get<{ items: { id: number; user: { id: number } }[] }>('/api/user-approvals');
      const request = items.find((a) => a.user.id === created.id);
      if (!request) throw new Error(`no approval request for ${username}`);
      return city.post<{ password: string }>(`/api/user-approvals/${request.id}/decision`, { decision: 'approve' }, 200);
    });
    return { ...created, password: approved.password };
  }

  /** A 基层工会 under a region (admins); the server numbers it, e.g. H01-0001. */
  createOrg(name: string, parentCode: string): Promise<OrgJson> {
    return this.post<OrgJson>('/api/orgs', { name, parentCode }, 201);
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

  /** 提交审核: 草稿 → 待单位审核 (the filer's side). */
  submitHousehold(id: number): Promise<HouseholdJson> {
    return this.post<HouseholdJson>(`/api/households/${id}/submit`, {}, 200);
  }

  /** One opinion: level unit (待单位审核 →) or city (待市总审核 →); agree moves on, return → 草稿. */
  reviewHousehold(id: number, level: ReviewLevel, decision: ReviewDecision, opinion: string): Promise<HouseholdJson> {
    return this.post<HouseholdJson>(`/api/households/${id}/review`, { level, decision, opinion }, 200);
  }

  reviewBatch(ids: number[], level: ReviewLevel, decision: ReviewDecision, opinion: string): Promise<{ done: number; results: { id: number; ok: boolean; code?: string; message?: string }[] }> {
    return this.post('/api/households/review-batch', { ids, level, decision, opinion }, 200);
  }

  /**
   * Takes this user's draft through review: 提交审核 as this user (the filer), 单位工会 agrees (a
   * 县区工会 user of the file's region), 市总工会 agrees (a city user) → 已建档. `until` stops
   * earlier: 'submitted' (待单位审核) or 'unitApproved' (待市总审核). Returns the file as this
   * user sees it at the end.
   */
  async fileThrough(id: number, opts: { until?: 'submitted' | 'unitApproved' | 'filed' } = {}): Promise<HouseholdJson> {
    const until = opts.until ?? 'filed';
    const submitted = await this.submitHousehold(id);
    if (until !== 'submitted') {
      const unitReviewer = await reviewerAccount(this.baseUrl, submitted.regionCode);
      await Api.as(this.baseUrl, unitReviewer, (r) => r.reviewHousehold(id, 'unit', 'agree', REVIEW_OPINIONS.unit));
      if (until === 'filed') {
        const cityReviewer = await reviewerAccount(this.baseUrl, 'H');
        await Api.as(this.baseUrl, cityReviewer, (r) => r.reviewHousehold(id, 'city', 'agree', REVIEW_OPINIONS.city));
      }
    }
    const h = await this.getHousehold(id);
    if (h.status !== until) throw new Error(`fileThrough ${h.workerNo}: expected ${until}, got ${h.status}`);
    return h;
  }

  /** Files a valid household (makeHousehold + overrides) and takes it to 已建档. */
  async createFiledHousehold(overrides: Json = {}): Promise<HouseholdJson> {
    return this.fileThrough((await this.createHousehold(overrides)).id);
  }

  /** Logs in as `account`, runs `fn`, logs out (disposes the cookie jar) whatever happens. */
  static async as<T>(baseUrl: string, account: Account, fn: (api: Api) => Promise<T>): Promise<T> {
    const api = await Api.login(baseUrl, account.username, account.password);
    try {
      return await fn(api);
    } finally {
      await api.dispose();
    }
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

/**
 * The reviewer of the run for `orgCode`: 'H01'…'H08' → a 县区工会 (region) user of that region,
 * who signs 单位工会 opinions there; 'H' → a 市总工会 (city) user. Made by e2e/global-setup.ts
 * on the command line before the server starts (see reviewerOf).
 */
export function reviewerAccount(_baseUrl: string, orgCode: string): Promise<Account> {
  const { username, password } = reviewerOf(orgCode);
  return Promise.resolve({ username, password });
}
