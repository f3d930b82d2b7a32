// The access matrix: every route × every role, with the outcome each role must get, written out
// as a table. "ok" is a 2xx (every allowed call below is built to succeed), "403" is FORBIDDEN,
// "404" is NOT_FOUND. The batch routes (review-batch, removal-proposals/decide) refuse a role that
// can never take the action with a plain 403; otherwise they answer 200 with a result per id, and
// the outcome is read from the one id sent (ok / FORBIDDEN / NOT_FOUND).
//
// Each case prepares its own fresh record in the status the action needs, so that the only
// thing that can refuse the call is the access rule under test, and checks afterwards that a
// refused call changed nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdInput } from '@bangfu/core';
import { createTestContext, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';
import {
  countRows, linkHousehold, sessionAdmin, sessionUserIn, unitsWorkbook, XLSX_TYPE, type Res, type SessionClient,
} from '../../../test/session-client.js';
import type { Role } from './actor.js';

type Outcome = 'ok' | '403' | '404';
const ROLE_COLUMNS = ['admin', 'city', 'leader', 'staff', 'region', 'unit', 'viewer'] as const satisfies readonly Role[];

// Roles: admin 系统管理员, city 市总工会, leader 市总领导, staff 机关干部 (the last two linked to the
// household by household_links), region 县区工会 of H01, unit 基层工会 of a unit of H01, viewer 领导小组.
// The household, proposal and org used by each call are in the role's scope.
const MATRIX = `
| route                                        | admin | city | leader | staff | region | unit | viewer |
| GET    /api/households                       | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/households                       | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/id-check              | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/households/:id                   | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/households/:id                   | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/households/:id/personal-data.json | 403  | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/households/:id/history           | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/households/:id/print.pdf         | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/households/print.pdf             | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/households/:id/submit            | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/review [unit]     | 403   | 403  | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/review [city]     | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/households/review-batch [unit]   | 403   | 403  | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/review-batch [city]   | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/households/:id/remove            | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/exit              | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/reopen            | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/identify                         | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/policy                           | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/policy/preview                   | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| PUT    /api/policy                           | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/policy/missing-lines             | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/policy/history                   | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/jobs/:id                         | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/jobs/:id/changes                 | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/removal-proposals                | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/removal-proposals/decide         | ok    | ok   | 403    | 403   | ok     | 403  | 403    |
| GET    /api/orgs                             | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/orgs                             | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| PATCH  /api/orgs/:code                       | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| POST   /api/orgs/import                      | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/users                            | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| POST   /api/users                            | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| PATCH  /api/users/:id                        | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/user-approvals                   | 403   | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/user-approvals/:id/decision      | 403   | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/audit                            | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/audit/verify                     | ok    | 403  | 403    | 403   | 403    | 403  | 403    |
| GET    /api/session                          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/session/password                 | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| DELETE /api/session                          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/measures                         | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/measures                         | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| PUT    /api/measures/:code                   | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/households/:id/recommendations   | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/households/:id/plan              | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/households/:id/plan              | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/batches                          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/households/:id/responsibility    | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/households/:id/responsibility/candidates | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| PUT    /api/households/:id/responsibility    | ok    | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/households/:id/links             | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| DELETE /api/households/:id/links/:username   | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/links/quota                      | ok    | ok   | 403    | 403   | 403    | 403  | ok     |
| GET    /api/working-groups                   | ok    | ok   | ok     | ok    | 403    | 403  | ok     |
| GET    /api/working-groups/:regionCode/households | ok    | ok   | 403    | 403   | 403    | 403  | ok     |
| PUT    /api/working-groups                   | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/households/:id/assistance        | ok    | ok   | ok     | ok    | ok     | ok   | 403    |
| GET    /api/households/:id/assistance        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/assistance/summary               | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/assistance/summary.xlsx          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/my/households                    | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/households/:id/follow-ups        | ok    | ok   | ok     | ok    | ok     | ok   | 403    |
| GET    /api/households/:id/follow-ups        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/follow-ups                       | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/follow-ups/summary               | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/households/:id/transfer          | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/households/:id/transfers         | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/transfers                        | ok    | ok   | 403    | 403   | ok     | ok   | ok     |
| GET    /api/transfers/lookup                 | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/transfers/:id/decision           | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/transfers/:id/cancel             | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/my/assistance-records            | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/duplicates                       | ok    | ok   | 403    | 403   | ok     | ok   | ok     |
| POST   /api/duplicates/scan                  | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/duplicates/:id/dismiss           | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/duplicates/:id/merge             | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/dibao-lists                      | ok    | ok   | 403    | 403   | ok     | ok   | ok     |
| POST   /api/dibao-lists                      | 403   | ok   | 403    | 403   | ok     | 403  | 403    |
| GET    /api/dibao-lists/:id/errors           | ok    | ok   | 403    | 403   | ok     | ok   | ok     |
| GET    /api/dibao-findings                   | ok    | ok   | 403    | 403   | ok     | ok   | ok     |
| POST   /api/dibao-findings/:id/resolve       | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/households/:id/dibao-check       | ok    | ok   | 403    | 403   | ok     | ok   | ok     |
| GET    /api/settings/assistance              | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/settings/assistance              | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/exchange/template.xlsx           | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/imports                          | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| GET    /api/imports                          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/imports/:id                      | 404   | ok   | 404    | 404   | ok     | ok   | 404    |
| GET    /api/imports/:id/rows                 | 404   | ok   | 404    | 404   | ok     | ok   | 404    |
| GET    /api/imports/:id/errors               | 404   | ok   | 404    | 404   | ok     | ok   | 404    |
| GET    /api/imports/:id/errors.xlsx          | 404   | ok   | 404    | 404   | ok     | ok   | 404    |
| POST   /api/imports/:id/commit               | 403   | ok   | 403    | 403   | ok     | ok   | 403    |
| POST   /api/imports/:id/cancel               | 404   | ok   | 404    | 404   | ok     | ok   | 404    |
| GET    /api/households/export.xlsx           | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/reports/region-summary           | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/reports/region-summary.xlsx      | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/campaigns                        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/campaigns                        | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/campaigns/:id                    | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/campaigns/:id                    | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/campaigns/:id/progress           | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/campaigns/:id/progress.xlsx      | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/campaigns/:id/baselines          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/campaigns/:id/baselines          | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/campaigns/:id/baselines/from-import | ok | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/campaigns/:id/submissions        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/campaigns/:id/submissions        | 403   | 403  | 403    | 403   | ok     | ok   | 403    |
| POST   /api/submissions/:id/decision         | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/campaigns/:id/research-reports   | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/campaigns/:id/research-reports   | 403   | 403  | 403    | 403   | ok     | ok   | 403    |
| POST   /api/research-reports/:id/file        | 403   | 403  | 403    | 403   | ok     | ok   | 403    |
| POST   /api/research-reports/:id/decision    | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/research-reports/:id/file        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/research-drafts.docx             | ok    | ok   | 404    | 404   | ok     | 404  | ok     |
| GET    /api/bulletins                        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| POST   /api/bulletins                        | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/bulletins/:id [draft]            | ok    | ok   | 404    | 404   | 404    | 404  | 404    |
| GET    /api/bulletins/:id [published]        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| PUT    /api/bulletins/:id                    | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/bulletins/:id/publish            | ok    | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/bulletins/:id.pdf                | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/bulletins/:id.docx               | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/assessment/rubric                | ok    | ok   | ok     | 403   | ok     | ok   | ok     |
| PUT    /api/assessment/rubric                | 403   | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/assessment                       | ok    | ok   | ok     | 403   | ok     | ok   | ok     |
| POST   /api/assessment/adjustments           | 403   | ok   | 403    | 403   | 403    | 403  | 403    |
| POST   /api/assessment/finalize              | 403   | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/assessment.xlsx                  | ok    | ok   | ok     | 403   | ok     | ok   | ok     |
| GET    /api/commendations                    | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/commendations/candidates         | 403   | ok   | 403    | 403   | ok     | 403  | 403    |
| POST   /api/commendations                    | 403   | ok   | 403    | 403   | ok     | 403  | 403    |
| POST   /api/commendations/:id/decision       | 403   | ok   | 403    | 403   | 403    | 403  | 403    |
| GET    /api/commendations.pdf                | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/commendations.xlsx               | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/submissions/:id/export.xlsx      | ok    | ok   | 403    | 403   | ok     | ok   | ok     |
| GET    /api/households/:id/reported          | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/dashboard                        | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
| GET    /api/todos                            | ok    | ok   | ok     | ok    | ok     | ok   | ok     |
`;

// The same calls on a record of ANOTHER scope: for leader/staff a household of their unit linked to
// someone else, for the region user (H01) a household of H02, for the unit user a household of a
// sibling unit in the same region. Admin, city and viewer see every record (the table above).
// The 定点联系 routes (links) are the city union's alone: they refuse every other role with a 403
// before looking at the household, so another scope's record answers 403 as well.
const FOREIGN = `
| route                                        | leader | staff | region | unit |
| GET    /api/households/:id                   | 404    | 404   | 404    | 404  |
| PUT    /api/households/:id                   | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/personal-data.json | 403   | 403   | 404    | 404  |
| GET    /api/households/:id/history           | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/print.pdf         | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/submit            | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/review [unit]     | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/review [city]     | 404    | 404   | 404    | 404  |
| POST   /api/households/review-batch [unit]   | 403    | 403   | 404    | 404  |
| POST   /api/households/review-batch [city]   | 403    | 403   | 403    | 403  |
| POST   /api/households/:id/remove            | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/exit              | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/reopen            | 404    | 404   | 404    | 404  |
| POST   /api/removal-proposals/decide         | 403    | 403   | 404    | 403  |
| GET    /api/households/:id/recommendations   | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/plan              | 404    | 404   | 404    | 404  |
| PUT    /api/households/:id/plan              | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/responsibility    | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/responsibility/candidates | 404    | 404   | 404    | 404  |
| PUT    /api/households/:id/responsibility    | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/links             | 403    | 403   | 403    | 403  |
| DELETE /api/households/:id/links/:username   | 403    | 403   | 403    | 403  |
| POST   /api/households/:id/assistance        | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/assistance        | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/follow-ups        | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/follow-ups        | 404    | 404   | 404    | 404  |
| POST   /api/households/:id/transfer          | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/transfers         | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/reported          | 404    | 404   | 404    | 404  |
| GET    /api/households/:id/dibao-check       | 403    | 403   | 404    | 404  |
| POST   /api/dibao-findings/:id/resolve       | 403    | 403   | 404    | 404  |
`;

// The household's named 具体责任人 (responsible cadre, PUT /api/households/:id/responsibility): a
// city leader or staff member not otherwise linked to the filed household. Being named brings it into
// their scope, and the cadre (unlike the other non-filing roles) may keep its plan; naming people
// stays with the union cadres.
const CADRE = `
| route                                        | leader | staff |
| GET    /api/households/:id/recommendations   | ok     | ok    |
| GET    /api/households/:id/plan              | ok     | ok    |
| PUT    /api/households/:id/plan              | ok     | ok    |
| GET    /api/households/:id/responsibility    | ok     | ok    |
| PUT    /api/households/:id/responsibility    | 403    | 403   |
| POST   /api/households/:id/assistance        | ok     | ok    |
| GET    /api/households/:id/assistance        | ok     | ok    |
`;

function parseTable(text: string) {
  const lines = text.trim().split('\n').map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  const [header, ...rows] = lines;
  const roles = header.slice(1) as Role[];
  return rows.flatMap(([route, ...cells]) => cells.map((cell, i) => ({ route, role: roles[i], outcome: cell as Outcome })));
}

// ---- fixtures -------------------------------------------------------------------------------------

let ctx: TestContext;
let admin: SessionClient;
const clients = {} as Record<Role, SessionClient>;
/** files and submits every household (a city user none of the tested clients is) */
let clerk: SessionClient;
let unitReviewerH01: SessionClient;
let unitReviewerH02: SessionClient;
let cityReviewer: SessionClient;
/** a leader the "foreign" households are linked to */
let otherLeader: SessionClient;
/** a region user of H02: the outsider of the "not yours looks like not found" tests */
let outsider: SessionClient;
let UNIT_A: string;
let UNIT_B: string;
let SPARE_UNIT: string;
/** the user PATCH /api/users/:id renames */
let spareUser: SessionClient;
/** the staff member the 定点联系 routes link and unlink */
let linkee: SessionClient;
/** the responsible leader and cadre PUT /api/households/:id/responsibility names */
let respLeader: SessionClient;
let respCadre: SessionClient;
let jobId: number;
let n = 0;

type Status = 'draft' | 'submitted' | 'unitApproved' | 'filed' | 'removed' | 'exited';
interface Placement {
  regionCode: string;
  unitId: string | null;
  linkTo: number[];
  /** named the filed household's responsible cadre (具体责任人), with respLeader as its leader */
  cadre?: SessionClient;
}
/** in the scope of every tested role: H01, unit A, linked to the tested leader and staff */
const own = (): Placement => ({ regionCode: 'H01', unitId: UNIT_A, linkTo: [clients.leader.id, clients.staff.id] });
/** another scope's record, per role */
const foreignFor = (role: Role): Placement => {
  switch (role) {
    case 'leader':
    case 'staff':
      return { regionCode: 'H01', unitId: UNIT_A, linkTo: [otherLeader.id] };
    case 'region':
      return { regionCode: 'H02', unitId: null, linkTo: [] };
    case 'unit':
      return { regionCode: 'H01', unitId: UNIT_B, linkTo: [] };
    default:
      throw new Error(`${role} has no foreign records`);
  }
};
/** a household of the role's unit, linked to no one, whose responsible cadre the role's user is named */
const namedCadre = (role: Role): Placement => ({ regionCode: 'H01', unitId: UNIT_A, linkTo: [], cadre: clients[role] });

function ok(res: Res, what: string) {
  if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const ORDER: Status[] = ['draft', 'submitted', 'unitApproved', 'filed'];

/** A household filed by the clerk, placed as asked, taken to the status asked. */
async function household(status: Status, p: Placement, overrides: Partial<HouseholdInput> = {}) {
  const input = makeHousehold({ regionCode: p.regionCode, unitId: p.unitId, ...overrides });
  let file = ok(await clerk.post('/api/households', input), 'create');
  const id = file.id as number;
  for (const userId of p.linkTo) await linkHousehold(ctx.db, id, userId);
  const reach = status === 'removed' || status === 'exited' ? 3 : ORDER.indexOf(status);
  if (reach >= 1) file = ok(await clerk.post(`/api/households/${id}/submit`), 'submit');
  const reviewer = p.regionCode === 'H01' ? unitReviewerH01 : unitReviewerH02;
  if (reach >= 2) file = ok(await reviewer.post(`/api/households/${id}/review`, { level: 'unit', decision: 'agree', opinion: '情况属实' }), 'unit review');
  if (reach >= 3) file = ok(await cityReviewer.post(`/api/households/${id}/review`, { level: 'city', decision: 'agree', opinion: '同意' }), 'city review');
  if (status === 'removed') file = ok(await clerk.post(`/api/households/${id}/remove`, { reason: '收入已超过标准' }), 'remove');
  if (status === 'exited') file = ok(await clerk.post(`/api/households/${id}/exit`, { reason: '已稳定就业', date: '2020-06-01' }), 'exit');
  expect(file.status).toBe(status);
  if (p.cadre) {
    if (status !== 'filed') throw new Error('a responsible cadre is named for a filed household only');
    ok(await clerk.put(`/api/households/${id}/responsibility`, { leaderUsername: respLeader.username, cadreUsername: p.cadre.username }), 'responsibility');
  }
  return { id, input, version: file.version as number, status };
}

/** A filed household of 2015 whose income is far above the line: it carries a pending removal proposal. */
async function proposal(p: Placement) {
  const h = await household('filed', p, {
    fillDate: '2015-05-10', householdAnnualIncome: 9000, ownAnnualIncome: 9000, householdSize: 1, members: [], receivesDibao: false, category: '低保户',
  });
  const row = await ctx.db.selectFrom('removal_proposals').select('id').where('household_id', '=', h.id).where('status', '=', 'pending').executeTakeFirst();
  if (!row) throw new Error(`no pending proposal for household ${h.id}`);
  return { proposalId: Number(row.id), household: h };
}

async function fileState(id: number) {
  return ctx.db.selectFrom('households').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
}

// what the tailored-measures and assistance routes write about a household, for the "unchanged" checks
const planOf = async (id: number) =>
  (await ctx.db.selectFrom('household_plans').select(['measure_code', 'status']).where('household_id', '=', id).orderBy('measure_code').execute());
const responsibilityOf = async (id: number) => {
  const h = await ctx.db.selectFrom('households').select(['leader_user_id', 'cadre_user_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const changes = await ctx.db.selectFrom('responsibility_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('household_id', '=', id).executeTakeFirstOrThrow();
  return { leader: h.leader_user_id, cadre: h.cadre_user_id, changes: Number(changes.n) };
};
const linksOf = async (id: number) =>
  (await ctx.db.selectFrom('household_links').select(['user_id', 'kind']).where('household_id', '=', id).execute()).map((l) => `${l.user_id}:${l.kind}`).sort();
const recordsOf = async (id: number) =>
  Number((await ctx.db.selectFrom('assistance_records').select((eb) => eb.fn.countAll<number>().as('n')).where('household_id', '=', id).executeTakeFirstOrThrow()).n);
const followUpsOf = async (id: number) =>
  Number((await ctx.db.selectFrom('follow_ups').select((eb) => eb.fn.countAll<number>().as('n')).where('household_id', '=', id).executeTakeFirstOrThrow()).n);
const transfersOf = async (id: number) => (await ctx.db.selectFrom('transfers').select('status').where('household_id', '=', id).orderBy('id').execute()).map((t) => t.status);
const workerNoOf = async (id: number) => (await ctx.db.selectFrom('households').select('worker_no').where('id', '=', id).executeTakeFirstOrThrow()).worker_no;
/** A pending transfer of a filed household from `from` to `to`, asked by `asker` (a user of the asking side). */
async function pendingTransfer(from: Placement, to: { regionCode: string; unitId: string | null }, asker: SessionClient) {
  const h = await household('filed', from);
  const t = ok(await asker.post(`/api/households/${h.id}/transfer`, { toRegionCode: to.regionCode, toUnitId: to.unitId, reason: '矩阵测试：迁居' }), 'transfer request');
  expect(t.status).toBe('pending');
  return { h, id: t.id as number };
}
/** Two filed households of the placement, recorded as a pair that shares a phone (as a scan would). */
async function duplicatePair(p: Placement) {
  const a = await household('filed', p);
  const b = await household('filed', p);
  const row = await ctx.db.insertInto('duplicate_pairs').values({
    a_id: a.id, b_id: b.id, kind: 'phone', shared: '13900000000', region_a: p.regionCode, region_b: p.regionCode, status: 'open', found_at: new Date().toISOString(), seen_by: 0,
  }).returning('id').executeTakeFirstOrThrow();
  return { a, b, id: Number(row.id) };
}
// ---- 民政低保名单: a list of the placement's county and an open finding on a file of the placement
const dibaoMonth = new Date().toISOString().slice(0, 7);
const dibaoListCount = async () => Number((await ctx.db.selectFrom('dibao_lists').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
async function dibaoList(regionCode: string) {
  const row = await ctx.db.insertInto('dibao_lists').values({
    region_code: regionCode, month: '2016-01', source: '矩阵测试', file_name: 'm.csv', rows: 1, bad_rows: 0, matched_persons: 0, matched_households: 0,
    f_declared_not_listed: 1, f_listed_not_declared: 0, f_listed_above_line: 0, open_findings: 1, imported_by: 1, imported_at: new Date().toISOString(),
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}
async function dibaoFinding(p: Placement) {
  const h = await household('filed', p);
  const listId = await dibaoList(p.regionCode);
  const row = await ctx.db.insertInto('dibao_findings').values({
    list_id: listId, household_id: h.id, region_code: p.regionCode, kind: 'declaredNotListed', status: 'open', detail: '矩阵测试',
  }).returning('id').executeTakeFirstOrThrow();
  return { h, id: Number(row.id) };
}
const findingStatus = async (id: number) => (await ctx.db.selectFrom('dibao_findings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const pairStatus = async (id: number) => (await ctx.db.selectFrom('duplicate_pairs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const transferStatus = async (id: number) => (await ctx.db.selectFrom('transfers').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const measureCount = async () => Number((await ctx.db.selectFrom('measures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const settingsValue = async () => (await ctx.db.selectFrom('settings').select('value').where('key', '=', 'assistance').executeTakeFirst())?.value ?? null;
const groupName = async (regionCode: string) =>
  (await ctx.db.selectFrom('working_groups').select('name').where('region_code', '=', regionCode).executeTakeFirst())?.name ?? null;

// ---- imports: a one-household workbook in unit A of H01, checked (never committed) before the call
const importCount = async () => Number((await ctx.db.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const importStatus = async (id: number) => (await ctx.db.selectFrom('imports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
async function importWorkbook() {
  const r = rowsOf(makeHousehold({ regionCode: 'H01', unitId: UNIT_A }));
  return workbookOf([r.worker], r.members);
}
/** An import made by the caller when its role may import, otherwise by the city clerk (then not the caller's). */
async function importOf(c: SessionClient): Promise<{ id: number }> {
  let res = await c.upload('/api/imports', [{ name: 'matrix.xlsx', content: await importWorkbook() }]);
  if (res.statusCode !== 202) res = await clerk.upload('/api/imports', [{ name: 'matrix.xlsx', content: await importWorkbook() }]);
  await ctx.app.jobs.idle();
  return ok(res, 'import');
}
const onImport = (send: (c: SessionClient, id: number) => Promise<Res>): Call => async (c) => ({ res: await send(c, (await importOf(c)).id) });

// ---- the calls --------------------------------------------------------------------------------

interface Run {
  res: Res;
  /** a batch route: the outcome is that of results[0] */
  batch?: boolean;
  /** the household the call acts on, with its state before and the status an allowed call leads to */
  file?: { id: number; status: string; version: number; after?: string };
  /** checked after a refused call: nothing was written */
  unchanged?: () => Promise<void>;
  /** checked after an allowed call: it did write */
  changed?: () => Promise<void>;
}
type Call = (c: SessionClient, p: Placement) => Promise<Run>;

const onFile = (status: Status, after: string | undefined, send: (c: SessionClient, id: number, h: Awaited<ReturnType<typeof household>>) => Promise<Res>): Call =>
  async (c, p) => {
    const h = await household(status, p);
    return { res: await send(c, h.id, h), file: { id: h.id, status, version: h.version, after } };
  };

const review = (level: 'unit' | 'city') => ({ level, decision: 'agree' as const, opinion: '经核实，情况属实' });

/**
 * A household in the status asked, for a route that writes about it outside the file itself (plan,
 * responsibility, links, records): `written` reads that, before and after the call, so that a refused
 * call is seen to have written nothing and an allowed one to have written something.
 */
const onFileWrites = <T>(
  status: Status,
  written: (id: number) => Promise<T>,
  send: (c: SessionClient, id: number, h: Awaited<ReturnType<typeof household>>) => Promise<Res>,
  prepare?: (id: number) => Promise<void>,
): Call =>
  async (c, p) => {
    const h = await household(status, p);
    await prepare?.(h.id);
    const before = await written(h.id);
    const res = await send(c, h.id, h);
    return {
      res, file: { id: h.id, status, version: h.version },
      unchanged: async () => expect(await written(h.id)).toEqual(before),
      changed: async () => expect(await written(h.id)).not.toEqual(before),
    };
  };

const planBody = { items: [{ measure: 'jobReferral', targetDate: '2030-06-30', status: 'planned' }] };
const responsibilityBody = () => ({ leaderUsername: respLeader.username, cadreUsername: respCadre.username, reason: '矩阵测试：调整责任人' });
const recordBody = { date: '2021-03-01', type: '走访', description: '入户走访，了解家庭近况' };

// ---- campaigns: a fresh one per call (required: H01 and unit A), made by the city clerk
async function matrixCampaign() {
  return ok(await clerk.post('/api/campaigns', {
    name: `矩阵行动${++n}`, year: 2016, startDate: '2016-03-01', endDate: '2099-12-31', phases: [],
    deadlines: [{ kind: 'data', label: '数据上报', dueDate: '2099-06-20' }], requiredOrgCodes: ['H01', UNIT_A],
  }), 'campaign') as { id: number; version: number; deadlines: { id: number }[] };
}
const campaignEdit = (name: string) => ({
  name, year: 2016, startDate: '2016-03-01', endDate: '2099-12-31', phases: [], deadlines: [{ kind: 'data', label: '数据上报', dueDate: '2099-06-20' }], requiredOrgCodes: ['H01'], version: 1,
});
/** A submission of the caller's organization (unit A for a unit user, else H01's county union). */
async function matrixSubmission(c: SessionClient) {
  const campaign = await matrixCampaign();
  const by = c === clients.unit ? clients.unit : clients.region;
  return ok(await by.post(`/api/campaigns/${campaign.id}/submissions`, {}), 'submission') as { id: number };
}
const submissionCount = () => countRows(ctx.db, 'submissions');

/** A campaign with a report deadline (required: H01 and unit A) and a report of the caller's organization (unit A's for a unit user, else H01's). */
const REPORT_PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const reportFields = { title: '矩阵调研报告', summary: '摘要' };
async function matrixReport(c: SessionClient) {
  const campaign = ok(await clerk.post('/api/campaigns', {
    name: `矩阵报告行动${++n}`, year: 2016, startDate: '2016-03-01', endDate: '2099-12-31', phases: [],
    deadlines: [{ kind: 'report', label: '调研报告', dueDate: '2099-06-30' }], requiredOrgCodes: ['H01', UNIT_A],
  }), 'campaign') as { id: number };
  const by = c === clients.unit ? clients.unit : clients.region;
  const report = ok(await by.upload(`/api/campaigns/${campaign.id}/research-reports`, [{ name: 'r.pdf', content: REPORT_PDF }], reportFields), 'report') as { id: number };
  return { campaignId: campaign.id, id: report.id };
}
/** A bulletin of a fresh campaign drafted by the city clerk, published when asked. */
async function matrixBulletin(published: boolean) {
  const { id } = await matrixCampaign();
  const b = ok(await clerk.post('/api/bulletins', { campaignId: id, asOf: '2016-06-20' }), 'bulletin') as { id: number; version: number; recipients: string };
  if (published) ok(await clerk.post(`/api/bulletins/${b.id}/publish`), 'publish');
  return b;
}
const reportState = async (id: number) => ctx.db.selectFrom('research_reports').select(['status', 'replaced']).where('id', '=', id).executeTakeFirstOrThrow();
const submissionStatus = async (id: number) => (await ctx.db.selectFrom('submissions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

const tableRows = async (t: 'assessment_adjustments' | 'commendations') => Number((await ctx.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const CALLS: Record<string, Call> = {
  'GET /api/campaigns': async (c) => ({ res: await c.get('/api/campaigns') }),
  'POST /api/campaigns': async (c) => {
    const before = await countRows(ctx.db, 'campaigns');
    const res = await c.post('/api/campaigns', campaignEdit(`新行动${++n}`));
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'campaigns')).toBe(before) };
  },
  'GET /api/campaigns/:id': async (c) => ({ res: await c.get(`/api/campaigns/${(await matrixCampaign()).id}`) }),
  'PUT /api/campaigns/:id': async (c) => {
    const { id } = await matrixCampaign();
    const name = `改名行动${++n}`;
    const res = await c.put(`/api/campaigns/${id}`, campaignEdit(name));
    return { res, unchanged: async () => expect((await ctx.db.selectFrom('campaigns').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name).not.toBe(name) };
  },
  'GET /api/campaigns/:id/progress': async (c) => ({ res: await c.get(`/api/campaigns/${(await matrixCampaign()).id}/progress`) }),
  'GET /api/campaigns/:id/progress.xlsx': async (c) => ({ res: await c.get(`/api/campaigns/${(await matrixCampaign()).id}/progress.xlsx`) }),
  'GET /api/campaigns/:id/baselines': async (c) => ({ res: await c.get(`/api/campaigns/${(await matrixCampaign()).id}/baselines`) }),
  'PUT /api/campaigns/:id/baselines': async (c) => {
    const { id } = await matrixCampaign();
    const res = await c.put(`/api/campaigns/${id}/baselines`, { items: [{ orgCode: 'H01', households: 300 }] });
    return { res, unchanged: async () => expect(await ctx.db.selectFrom('campaign_baselines').select('households').where('campaign_id', '=', id).execute()).toEqual([]) };
  },
  'POST /api/campaigns/:id/baselines/from-import': async (c) => {
    const { id } = await matrixCampaign();
    // a committed import marked as the old database, with no rows: the request itself is what is tried
    const [imp] = await ctx.db.insertInto('imports').values({
      file_name: '原数据库.xlsx', files: '[]', status: 'committed', file_error: null, good_rows_only: 0, created_count: 0, updated_count: 0, skipped_count: 0,
      job_id: null, created_by: 1, created_at: new Date().toISOString(), analyzed_at: null, committed_at: new Date().toISOString(), old_database: 1,
    }).returning('id').execute();
    const res = await c.post(`/api/campaigns/${id}/baselines/from-import`, { importId: Number(imp.id) });
    return { res, unchanged: async () => expect(await ctx.db.selectFrom('campaign_baselines').select('households').where('campaign_id', '=', id).execute()).toEqual([]) };
  },
  'GET /api/campaigns/:id/submissions': async (c) => ({ res: await c.get(`/api/campaigns/${(await matrixCampaign()).id}/submissions`) }),
  'POST /api/campaigns/:id/submissions': async (c) => {
    const { id } = await matrixCampaign();
    const before = await submissionCount();
    const res = await c.post(`/api/campaigns/${id}/submissions`, { note: '矩阵上报' });
    return { res, unchanged: async () => expect(await submissionCount()).toBe(before) };
  },
  'POST /api/submissions/:id/decision': async (c) => {
    const { id } = await matrixSubmission(clients.region);
    const res = await c.post(`/api/submissions/${id}/decision`, { decision: 'accept' });
    return { res, unchanged: async () => expect(await submissionStatus(id)).toBe('submitted') };
  },
  'GET /api/submissions/:id/export.xlsx': async (c) => ({ res: await c.get(`/api/submissions/${(await matrixSubmission(c)).id}/export.xlsx`) }),
  'GET /api/campaigns/:id/research-reports': async (c) => ({ res: await c.get(`/api/campaigns/${(await matrixCampaign()).id}/research-reports`) }),
  'POST /api/campaigns/:id/research-reports': async (c) => {
    const { campaignId } = await matrixReport(clients.region);
    const before = await countRows(ctx.db, 'research_reports');
    const res = await c.upload(`/api/campaigns/${campaignId}/research-reports`, [{ name: 'r.pdf', content: REPORT_PDF }], reportFields);
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'research_reports')).toBe(before) };
  },
  'POST /api/research-reports/:id/file': async (c) => {
    const { id } = await matrixReport(c);
    const res = await c.upload(`/api/research-reports/${id}/file`, [{ name: 'r2.pdf', content: REPORT_PDF }], reportFields);
    return { res, unchanged: async () => expect((await reportState(id)).replaced).toBe(0) };
  },
  'POST /api/research-reports/:id/decision': async (c) => {
    const { id } = await matrixReport(clients.region);
    const res = await c.post(`/api/research-reports/${id}/decision`, { decision: 'accept' });
    return { res, unchanged: async () => expect((await reportState(id)).status).toBe('submitted') };
  },
  'GET /api/research-reports/:id/file': async (c) => ({ res: await c.get(`/api/research-reports/${(await matrixReport(c)).id}/file`) }),
  'GET /api/bulletins': async (c) => ({ res: await c.get('/api/bulletins') }),
  'POST /api/bulletins': async (c) => {
    const { id } = await matrixCampaign();
    const before = await countRows(ctx.db, 'bulletins');
    const res = await c.post('/api/bulletins', { campaignId: id, asOf: '2016-06-20' });
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'bulletins')).toBe(before) };
  },
  'GET /api/bulletins/:id [draft]': async (c) => ({ res: await c.get(`/api/bulletins/${(await matrixBulletin(false)).id}`) }),
  'GET /api/bulletins/:id [published]': async (c) => ({ res: await c.get(`/api/bulletins/${(await matrixBulletin(true)).id}`) }),
  'PUT /api/bulletins/:id': async (c) => {
    const b = await matrixBulletin(false);
    const res = await c.put(`/api/bulletins/${b.id}`, { title: '改过的通报', recipients: b.recipients, paragraphs: ['正文'], version: b.version });
    return { res, unchanged: async () => expect((await ctx.db.selectFrom('bulletins').select('title').where('id', '=', b.id).executeTakeFirstOrThrow()).title).not.toBe('改过的通报') };
  },
  'POST /api/bulletins/:id/publish': async (c) => {
    const b = await matrixBulletin(false);
    const res = await c.post(`/api/bulletins/${b.id}/publish`);
    return { res, unchanged: async () => expect((await ctx.db.selectFrom('bulletins').select('status').where('id', '=', b.id).executeTakeFirstOrThrow()).status).toBe('draft') };
  },
  'GET /api/bulletins/:id.pdf': async (c) => ({ res: await c.get(`/api/bulletins/${(await matrixBulletin(true)).id}.pdf`) }),
  'GET /api/bulletins/:id.docx': async (c) => ({ res: await c.get(`/api/bulletins/${(await matrixBulletin(true)).id}.docx`) }),
  'GET /api/assessment/rubric': async (c) => ({ res: await c.get('/api/assessment/rubric?year=2016') }),
  'PUT /api/assessment/rubric': async (c) => {
    const r = ok(await clerk.get('/api/assessment/rubric?year=2016'), 'rubric') as { version: number; items: { code: string; weight: number; zero: number; full: number }[] };
    const res = await c.put('/api/assessment/rubric?year=2016', { items: r.items.map(({ code, weight, zero, full }) => ({ code, weight, zero, full })), version: r.version });
    return { res, unchanged: async () => expect((ok(await clerk.get('/api/assessment/rubric?year=2016'), 'rubric') as { version: number }).version).toBe(r.version) };
  },
  'GET /api/assessment': async (c) => ({ res: await c.get('/api/assessment?year=2016') }),
  'POST /api/assessment/adjustments': async (c) => {
    const before = await tableRows('assessment_adjustments');
    const res = await c.post('/api/assessment/adjustments', { year: 2016, orgCode: 'H01', points: 1, reason: '矩阵加分' });
    return { res, unchanged: async () => expect(await tableRows('assessment_adjustments')).toBe(before) };
  },
  'POST /api/assessment/finalize': async (c) => {
    // a year of its own: the other assessment calls keep 2016 open
    const before = (await ctx.db.selectFrom('assessment_results').select('year').execute()).length;
    const res = await c.post('/api/assessment/finalize', { year: 2018, level: 'region' });
    return { res, unchanged: async () => expect(await ctx.db.selectFrom('assessment_results').select('year').execute()).toHaveLength(before) };
  },
  'GET /api/assessment.xlsx': async (c) => ({ res: await c.get('/api/assessment.xlsx?year=2016') }),
  'GET /api/commendations': async (c) => ({ res: await c.get('/api/commendations?year=2016') }),
  'GET /api/commendations/candidates': async (c) => ({ res: await c.get('/api/commendations/candidates?year=2016') }),
  'POST /api/commendations': async (c) => {
    const before = await tableRows('commendations');
    const res = await c.post('/api/commendations', { year: 2016, kind: 'org', orgCode: 'H01', title: `矩阵表彰${++n}`, reason: '矩阵推荐' });
    return { res, unchanged: async () => expect(await tableRows('commendations')).toBe(before) };
  },
  'POST /api/commendations/:id/decision': async (c) => {
    const { id } = ok(await clerk.post('/api/commendations', { year: 2016, kind: 'org', orgCode: 'H01', title: `矩阵表彰${++n}`, reason: '矩阵推荐' }), 'commendation') as { id: number };
    const res = await c.post(`/api/commendations/${id}/decision`, { decision: 'approve' });
    return { res, unchanged: async () => expect((await ctx.db.selectFrom('commendations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('proposed') };
  },
  'GET /api/commendations.pdf': async (c) => ({ res: await c.get('/api/commendations.pdf?year=2016') }),
  'GET /api/commendations.xlsx': async (c) => ({ res: await c.get('/api/commendations.xlsx?year=2016') }),
  'GET /api/research-drafts.docx': async (c) => ({ res: await c.get('/api/research-drafts.docx?orgCode=H01&year=2016') }),
  'GET /api/households/:id/reported': onFile('draft', undefined, (c, id) => c.get(`/api/households/${id}/reported`)),
  'GET /api/dashboard': async (c) => ({ res: await c.get('/api/dashboard') }),
  'GET /api/todos': async (c) => ({ res: await c.get('/api/todos') }),
  'GET /api/exchange/template.xlsx': async (c) => ({ res: await c.get('/api/exchange/template.xlsx') }),
  'POST /api/imports': async (c) => {
    const before = await importCount();
    const res = await c.upload('/api/imports', [{ name: 'matrix.xlsx', content: await importWorkbook() }]);
    await ctx.app.jobs.idle();
    return { res, unchanged: async () => expect(await importCount()).toBe(before) };
  },
  'GET /api/imports': async (c) => ({ res: await c.get('/api/imports') }),
  'GET /api/imports/:id': onImport((c, id) => c.get(`/api/imports/${id}`)),
  'GET /api/imports/:id/rows': onImport((c, id) => c.get(`/api/imports/${id}/rows`)),
  'GET /api/imports/:id/errors': onImport((c, id) => c.get(`/api/imports/${id}/errors`)),
  'GET /api/imports/:id/errors.xlsx': onImport((c, id) => c.get(`/api/imports/${id}/errors.xlsx`)),
  'POST /api/imports/:id/commit': async (c) => {
    const { id } = await importOf(c);
    const res = await c.post(`/api/imports/${id}/commit`, { goodRowsOnly: true });
    await ctx.app.jobs.idle();
    return { res, unchanged: async () => expect(await importStatus(id)).toBe('analyzed') };
  },
  'POST /api/imports/:id/cancel': async (c) => {
    const { id } = await importOf(c);
    const res = await c.post(`/api/imports/${id}/cancel`, {});
    return { res, unchanged: async () => expect(await importStatus(id)).toBe('analyzed') };
  },
  'GET /api/households/export.xlsx': async (c) => ({ res: await c.get('/api/households/export.xlsx?regionCode=H01') }),
  'GET /api/reports/region-summary': async (c) => ({ res: await c.get('/api/reports/region-summary') }),
  'GET /api/reports/region-summary.xlsx': async (c) => ({ res: await c.get('/api/reports/region-summary.xlsx') }),
  'GET /api/households': async (c) => ({ res: await c.get('/api/households') }),
  'POST /api/households': async (c) => {
    const before = await countRows(ctx.db, 'households');
    const res = await c.post('/api/households', makeHousehold({ regionCode: 'H01', unitId: UNIT_A }));
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'households')).toBe(before) };
  },
  'POST /api/households/id-check': async (c) => ({ res: await c.post('/api/households/id-check', { idNumber: '420802198001010017' }) }),
  'GET /api/households/:id': onFile('draft', undefined, (c, id) => c.get(`/api/households/${id}`)),
  'PUT /api/households/:id': onFile('draft', 'draft', (c, id, h) => c.put(`/api/households/${id}`, { ...h.input, phone: '13800000001', version: h.version })),
  'GET /api/households/:id/personal-data.json': onFile('draft', undefined, (c, id) => c.get(`/api/households/${id}/personal-data.json`)),
  'GET /api/households/:id/history': onFile('draft', undefined, (c, id) => c.get(`/api/households/${id}/history`)),
  'GET /api/households/:id/print.pdf': onFile('draft', undefined, (c, id) => c.get(`/api/households/${id}/print.pdf`)),
  // the batch selects just this household (its identity number is unique) so that every role has one to print
  'GET /api/households/print.pdf': onFile('draft', undefined, (c, _id, h) => c.get(`/api/households/print.pdf?q=${h.input.idNumber}`)),
  'POST /api/households/:id/submit': onFile('draft', 'submitted', (c, id) => c.post(`/api/households/${id}/submit`)),
  'POST /api/households/:id/review [unit]': onFile('submitted', 'unitApproved', (c, id) => c.post(`/api/households/${id}/review`, review('unit'))),
  'POST /api/households/:id/review [city]': onFile('unitApproved', 'filed', (c, id) => c.post(`/api/households/${id}/review`, review('city'))),
  'POST /api/households/review-batch [unit]': async (c, p) => {
    const h = await household('submitted', p);
    const res = await c.post('/api/households/review-batch', { ids: [h.id], ...review('unit') });
    return { res, batch: true, file: { id: h.id, status: h.status, version: h.version, after: 'unitApproved' } };
  },
  'POST /api/households/review-batch [city]': async (c, p) => {
    const h = await household('unitApproved', p);
    const res = await c.post('/api/households/review-batch', { ids: [h.id], ...review('city') });
    return { res, batch: true, file: { id: h.id, status: h.status, version: h.version, after: 'filed' } };
  },
  'POST /api/households/:id/remove': onFile('filed', 'removed', (c, id) => c.post(`/api/households/${id}/remove`, { reason: '家庭收入已明显改善' })),
  'POST /api/households/:id/exit': onFile('filed', 'exited', (c, id) => c.post(`/api/households/${id}/exit`, { reason: '子女就业，家庭脱困', date: '2021-03-01' })),
  'POST /api/households/:id/reopen': onFile('removed', 'draft', (c, id) => c.post(`/api/households/${id}/reopen`, { reason: '复核后仍属困难' })),
  'POST /api/identify': async (c) => ({ res: await c.post('/api/identify', { household: makeHousehold(), monthlyLine: 500 }) }),
  'GET /api/policy': async (c) => ({ res: await c.get('/api/policy') }),
  'POST /api/policy/preview': async (c) => ({ res: await c.post('/api/policy/preview', { lines: [{ regionCode: 'H05', year: 2016, monthlyLine: 450 }] }) }),
  'PUT /api/policy': async (c) => {
    const before = await countRows(ctx.db, 'policy_changes');
    const k = ++n;
    const res = await c.put('/api/policy', { lines: [{ regionCode: 'H05', year: 2000 + k, monthlyLine: 300 + k }] });
    await ctx.app.jobs.idle();
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'policy_changes')).toBe(before) };
  },
  'GET /api/policy/missing-lines': async (c) => ({ res: await c.get('/api/policy/missing-lines') }),
  'GET /api/policy/history': async (c) => ({ res: await c.get('/api/policy/history') }),
  'GET /api/jobs/:id': async (c) => ({ res: await c.get(`/api/jobs/${jobId}`) }),
  'GET /api/jobs/:id/changes': async (c) => ({ res: await c.get(`/api/jobs/${jobId}/changes`) }),
  'GET /api/removal-proposals': async (c) => ({ res: await c.get('/api/removal-proposals') }),
  'POST /api/removal-proposals/decide': async (c, p) => {
    const { proposalId, household: h } = await proposal(p);
    const res = await c.post('/api/removal-proposals/decide', { ids: [proposalId], decision: 'confirm', note: '核实后剔除' });
    return {
      res, batch: true, file: { id: h.id, status: 'filed', version: h.version, after: 'removed' },
      unchanged: async () => {
        const row = await ctx.db.selectFrom('removal_proposals').select('status').where('id', '=', proposalId).executeTakeFirstOrThrow();
        expect(row.status).toBe('pending');
      },
    };
  },
  'GET /api/orgs': async (c) => ({ res: await c.get('/api/orgs') }),
  'POST /api/orgs': async (c) => {
    const before = await countRows(ctx.db, 'orgs');
    const res = await c.post('/api/orgs', { name: `矩阵测试工会${++n}`, parentCode: 'H03' });
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'orgs')).toBe(before) };
  },
  'PATCH /api/orgs/:code': async (c) => {
    const name = `改名后的工会${++n}`;
    const res = await c.patch(`/api/orgs/${SPARE_UNIT}`, { name });
    return {
      res,
      unchanged: async () => {
        const row = await ctx.db.selectFrom('orgs').select('name').where('code', '=', SPARE_UNIT).executeTakeFirstOrThrow();
        expect(row.name).not.toBe(name);
      },
    };
  },
  'POST /api/orgs/import': async (c) => {
    const before = await countRows(ctx.db, 'orgs');
    const payload = await unitsWorkbook([[`导入的工会${++n}`, 'H03']]);
    const res = await c.request({ method: 'POST', url: '/api/orgs/import', payload, headers: { 'content-type': XLSX_TYPE } });
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'orgs')).toBe(before) };
  },
  'GET /api/users': async (c) => ({ res: await c.get('/api/users') }),
  'POST /api/users': async (c) => {
    const before = await countRows(ctx.db, 'users');
    const res = await c.post('/api/users', { username: `matrix${++n}`, password: 'Long-enough-pw-1', displayName: '矩阵用户', orgCode: 'H03' });
    return { res, unchanged: async () => expect(await countRows(ctx.db, 'users')).toBe(before) };
  },
  'PATCH /api/users/:id': async (c) => {
    const displayName = `改名${++n}`;
    const res = await c.patch(`/api/users/${spareUser.id}`, { displayName });
    return {
      res,
      unchanged: async () => {
        const row = await ctx.db.selectFrom('users').select('display_name').where('id', '=', spareUser.id).executeTakeFirstOrThrow();
        expect(row.display_name).not.toBe(displayName);
      },
    };
  },
  'PUT /api/session/password': async (c) => {
    // changed and changed back, so the client's password stays the one it knows
    const interim = `Interim-${++n}-pw-X9`;
    const res = await c.put('/api/session/password', { currentPassword: c.password, newPassword: interim });
    if (res.statusCode === 204) expect((await c.put('/api/session/password', { currentPassword: interim, newPassword: c.password })).statusCode).toBe(204);
    return { res };
  },
  'GET /api/user-approvals': async (c) => ({ res: await c.get('/api/user-approvals') }),
  'POST /api/user-approvals/:id/decision': async (c) => {
    // a fresh request each time: the administrator asks for a county account, only the city union decides
    const asked = await admin.post('/api/users', { username: `approve${++n}`, displayName: '待审批用户', orgCode: 'H03' });
    expect(asked.statusCode, asked.body).toBe(201);
    const approval = await ctx.db.selectFrom('user_approvals').select('id').where('user_id', '=', asked.json().id).executeTakeFirstOrThrow();
    const res = await c.post(`/api/user-approvals/${approval.id}/decision`, { decision: 'approve' });
    return {
      res,
      unchanged: async () => {
        const row = await ctx.db.selectFrom('users').select('active').where('id', '=', asked.json().id).executeTakeFirstOrThrow();
        expect(row.active).toBe(0);
      },
    };
  },
  'GET /api/audit': async (c) => ({ res: await c.get('/api/audit') }),
  'GET /api/audit/verify': async (c) => ({ res: await c.get('/api/audit/verify') }),
  'GET /api/measures': async (c) => ({ res: await c.get('/api/measures') }),
  'POST /api/measures': async (c) => {
    const before = await measureCount();
    const res = await c.post('/api/measures', { name: `矩阵措施${++n}`, category: '定向援助', description: '矩阵测试' });
    return { res, unchanged: async () => expect(await measureCount()).toBe(before) };
  },
  'PUT /api/measures/:code': async (c) => {
    const { code } = ok(await clerk.post('/api/measures', { name: `待改措施${++n}`, category: '四季送' }), 'measure');
    const name = `改名措施${++n}`;
    const res = await c.put(`/api/measures/${code}`, { name, category: '四季送' });
    return {
      res,
      unchanged: async () => {
        const row = await ctx.db.selectFrom('measures').select('name').where('code', '=', code).executeTakeFirstOrThrow();
        expect(row.name).not.toBe(name);
      },
    };
  },
  'GET /api/households/:id/recommendations': onFile('filed', undefined, (c, id) => c.get(`/api/households/${id}/recommendations`)),
  'GET /api/households/:id/plan': onFile('filed', undefined, (c, id) => c.get(`/api/households/${id}/plan`)),
  'PUT /api/households/:id/plan': onFileWrites('filed', planOf, (c, id) => c.put(`/api/households/${id}/plan`, planBody)),
  'GET /api/batches': async (c) => ({ res: await c.get('/api/batches') }),
  'GET /api/households/:id/responsibility': onFile('filed', undefined, (c, id) => c.get(`/api/households/${id}/responsibility`)),
  'GET /api/households/:id/responsibility/candidates': onFile('filed', undefined, (c, id) => c.get(`/api/households/${id}/responsibility/candidates?kind=cadre`)),
  'PUT /api/households/:id/responsibility': onFileWrites('filed', responsibilityOf, (c, id) => c.put(`/api/households/${id}/responsibility`, responsibilityBody())),
  'POST /api/households/:id/links': onFileWrites('filed', linksOf, (c, id) => c.post(`/api/households/${id}/links`, { username: linkee.username })),
  'DELETE /api/households/:id/links/:username': onFileWrites('filed', linksOf, (c, id) => c.del(`/api/households/${id}/links/${linkee.username}`),
    (id) => linkHousehold(ctx.db, id, linkee.id)),
  'GET /api/links/quota': async (c) => ({ res: await c.get('/api/links/quota') }),
  'GET /api/working-groups': async (c) => ({ res: await c.get('/api/working-groups') }),
  'GET /api/working-groups/:regionCode/households': async (c) => ({ res: await c.get('/api/working-groups/H06/households') }),
  'PUT /api/working-groups': async (c) => {
    // H06's group (no leader: the scope of no tested user changes)
    const name = `掇刀工作组${++n}`;
    const res = await c.put('/api/working-groups', { groups: [{ regionCode: 'H06', name, leaderUsername: null }] });
    return { res, unchanged: async () => expect(await groupName('H06')).not.toBe(name) };
  },
  'POST /api/households/:id/assistance': onFileWrites('filed', recordsOf, (c, id) => c.post(`/api/households/${id}/assistance`, recordBody)),
  'GET /api/households/:id/assistance': onFile('filed', undefined, (c, id) => c.get(`/api/households/${id}/assistance`)),
  'GET /api/assistance/summary': async (c) => ({ res: await c.get('/api/assistance/summary') }),
  'GET /api/assistance/summary.xlsx': async (c) => ({ res: await c.get('/api/assistance/summary.xlsx') }),
  'GET /api/my/households': async (c) => ({ res: await c.get('/api/my/households') }),
  'POST /api/households/:id/follow-ups': onFileWrites('exited', followUpsOf, (c, id) => c.post(`/api/households/${id}/follow-ups`, { date: '2021-01-05', outcome: 'stable', note: '回访：家庭情况稳定' })),
  'GET /api/households/:id/follow-ups': onFile('exited', undefined, (c, id) => c.get(`/api/households/${id}/follow-ups`)),
  'POST /api/households/:id/transfer': onFileWrites('filed', transfersOf, (c, id) => c.post(`/api/households/${id}/transfer`, { toRegionCode: 'H02', reason: '矩阵测试：迁居' })),
  'GET /api/households/:id/transfers': onFile('filed', undefined, (c, id) => c.get(`/api/households/${id}/transfers`)),
  'GET /api/transfers': async (c) => ({ res: await c.get('/api/transfers?box=all') }),
  'GET /api/transfers/lookup': onFile('filed', undefined, async (c, id, h) => c.get(`/api/transfers/lookup?workerNo=${await workerNoOf(id)}&idNumber=${h.input.idNumber}`)),
  // asked by H02 for its file, to the place of the role (H01, unit A): the receiving side decides
  'POST /api/transfers/:id/decision': async (c, p) => {
    const { h, id } = await pendingTransfer({ regionCode: 'H02', unitId: null, linkTo: [] }, { regionCode: p.regionCode, unitId: p.unitId }, unitReviewerH02);
    const res = await c.post(`/api/transfers/${id}/decision`, { decision: 'agree', opinion: '同意接收' });
    return {
      res, file: { id: h.id, status: 'filed', version: h.version, after: 'filed' },
      unchanged: async () => expect(await transferStatus(id)).toBe('pending'),
      changed: async () => expect(await transferStatus(id)).toBe('agreed'),
    };
  },
  // asked by the county of the role's file (H01) to H02: the asking side withdraws it
  'POST /api/transfers/:id/cancel': async (c, p) => {
    const { h, id } = await pendingTransfer(p, { regionCode: 'H02', unitId: null }, unitReviewerH01);
    const res = await c.post(`/api/transfers/${id}/cancel`);
    return {
      res, file: { id: h.id, status: 'filed', version: h.version },
      unchanged: async () => expect(await transferStatus(id)).toBe('pending'),
      changed: async () => expect(await transferStatus(id)).toBe('cancelled'),
    };
  },
  'GET /api/my/assistance-records': async (c) => ({ res: await c.get('/api/my/assistance-records') }),
  'GET /api/duplicates': async (c) => ({ res: await c.get('/api/duplicates') }),
  'POST /api/duplicates/scan': async (c) => {
    const res = await c.post('/api/duplicates/scan');
    await ctx.app.jobs.idle();
    return { res };
  },
  'POST /api/duplicates/:id/dismiss': async (c, p) => {
    const { id } = await duplicatePair(p);
    const res = await c.post(`/api/duplicates/${id}/dismiss`, { reason: '矩阵测试：不是同一户' });
    return { res, unchanged: async () => expect(await pairStatus(id)).toBe('open'), changed: async () => expect(await pairStatus(id)).toBe('dismissed') };
  },
  'POST /api/duplicates/:id/merge': async (c, p) => {
    const { a, b, id } = await duplicatePair(p);
    const res = await c.post(`/api/duplicates/${id}/merge`, { keepHouseholdId: a.id, reason: '矩阵测试：重复建档' });
    return {
      res, file: { id: b.id, status: 'filed', version: b.version, after: 'removed' },
      unchanged: async () => expect(await pairStatus(id)).toBe('open'), changed: async () => expect(await pairStatus(id)).toBe('merged'),
    };
  },
  'GET /api/dibao-lists': async (c) => ({ res: await c.get('/api/dibao-lists') }),
  'POST /api/dibao-lists': async (c, p) => {
    const before = await dibaoListCount();
    const h = await household('filed', p);
    const content = Buffer.from(`姓名,身份证号\r\n${h.input.name},${h.input.idNumber}\r\n`);
    const res = await c.upload('/api/dibao-lists', [{ name: 'matrix.csv', content }], { month: dibaoMonth, regionCode: p.regionCode });
    return { res, unchanged: async () => expect(await dibaoListCount()).toBe(before), changed: async () => expect(await dibaoListCount()).toBe(before + 1) };
  },
  'GET /api/dibao-lists/:id/errors': async (c, p) => ({ res: await c.get(`/api/dibao-lists/${await dibaoList(p.regionCode)}/errors`) }),
  'GET /api/dibao-findings': async (c) => ({ res: await c.get('/api/dibao-findings') }),
  'POST /api/dibao-findings/:id/resolve': async (c, p) => {
    const { id } = await dibaoFinding(p);
    const res = await c.post(`/api/dibao-findings/${id}/resolve`, { resolution: 'explained', reason: '矩阵测试：已入户核实' });
    return { res, unchanged: async () => expect(await findingStatus(id)).toBe('open'), changed: async () => expect(await findingStatus(id)).toBe('explained') };
  },
  'GET /api/households/:id/dibao-check': onFile('filed', undefined, (c, id) => c.get(`/api/households/${id}/dibao-check`)),
  'GET /api/follow-ups': async (c) => ({ res: await c.get('/api/follow-ups?due=true') }),
  'GET /api/follow-ups/summary': async (c) => ({ res: await c.get('/api/follow-ups/summary?year=2020') }),
  'GET /api/settings/assistance': async (c) => ({ res: await c.get('/api/settings/assistance') }),
  'PUT /api/settings/assistance': async (c) => {
    // only the overdue days change: no re-scoring job
    const current = ok(await clerk.get('/api/settings/assistance'), 'settings');
    const before = await settingsValue();
    const res = await c.put('/api/settings/assistance', { ...current, overdueDays: current.overdueDays >= 300 ? 30 : current.overdueDays + 1 });
    return {
      res,
      unchanged: async () => expect(await settingsValue()).toBe(before),
      changed: async () => expect(await settingsValue()).not.toBe(before),
    };
  },
  'GET /api/session': async (c) => ({ res: await c.get('/api/session') }),
  'DELETE /api/session': async (c) => {
    // a second session of the same user, so that the shared client stays logged in
    const second = await c.relogin();
    const res = await second.del('/api/session');
    if (res.statusCode === 204) expect((await second.get('/api/session')).statusCode).toBe(401);
    return { res };
  },
};

function outcomeOf(run: Run): Outcome | string {
  const { res } = run;
  if (run.batch) {
    // a role that can never take the action is refused as a whole; otherwise each id has its result
    if (res.statusCode === 403) return res.json().code === 'FORBIDDEN' ? '403' : `403 ${res.json().code}`;
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json().results;
    expect(r).toHaveLength(1);
    if (r[0].ok) return 'ok';
    return r[0].code === 'FORBIDDEN' ? '403' : r[0].code === 'NOT_FOUND' ? '404' : `results[0].code ${r[0].code}`;
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return 'ok';
  if (res.statusCode === 403) return res.json().code === 'FORBIDDEN' ? '403' : `403 ${res.json().code}`;
  if (res.statusCode === 404) return res.json().code === 'NOT_FOUND' ? '404' : `404 ${res.json().code}`;
  return `${res.statusCode} ${res.body.slice(0, 200)}`;
}

async function check(run: Run, expected: Outcome) {
  expect(outcomeOf(run)).toBe(expected);
  if (run.file) {
    const after = await fileState(run.file.id);
    if (expected === 'ok' && run.file.after) {
      expect(after.status).toBe(run.file.after);
      expect(after.version).toBe(run.file.version + 1);
    }
    if (expected !== 'ok') expect(after).toEqual({ status: run.file.status, version: run.file.version });
  }
  if (expected !== 'ok') await run.unchanged?.();
  if (expected === 'ok') await run.changed?.();
}

// ---- setup ------------------------------------------------------------------------------------

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await sessionAdmin(ctx);
  UNIT_A = ok(await admin.post('/api/orgs', { name: '京山县轻机厂工会', parentCode: 'H01' }), 'unit A').code;
  UNIT_B = ok(await admin.post('/api/orgs', { name: '京山县纺织厂工会', parentCode: 'H01' }), 'unit B').code;
  SPARE_UNIT = ok(await admin.post('/api/orgs', { name: '钟祥市备用工会', parentCode: 'H03' }), 'spare unit').code;
  clients.admin = admin;
  clients.city = await sessionUserIn(ctx, 'H', 'city');
  clients.leader = await sessionUserIn(ctx, 'H', 'leader');
  clients.staff = await sessionUserIn(ctx, 'H', 'staff');
  clients.region = await sessionUserIn(ctx, 'H01', 'region');
  clients.unit = await sessionUserIn(ctx, UNIT_A, 'unit');
  clients.viewer = await sessionUserIn(ctx, 'H', 'viewer');
  clerk = await sessionUserIn(ctx, 'H', 'city', '建档员');
  unitReviewerH01 = await sessionUserIn(ctx, 'H01', 'region');
  unitReviewerH02 = await sessionUserIn(ctx, 'H02', 'region');
  cityReviewer = await sessionUserIn(ctx, 'H', 'city');
  otherLeader = await sessionUserIn(ctx, 'H', 'leader');
  outsider = await sessionUserIn(ctx, 'H02', 'region');
  spareUser = await sessionUserIn(ctx, 'H03', 'region');
  linkee = await sessionUserIn(ctx, 'H', 'staff');
  respLeader = await sessionUserIn(ctx, 'H', 'leader');
  respCadre = await sessionUserIn(ctx, 'H01', 'region');
  // the 2015 lines that give the proposal households their pending removal proposal; the job is the one GET /api/jobs/:id reads
  const saved = ok(await clients.city.put('/api/policy', { lines: [{ regionCode: 'H01', year: 2015, monthlyLine: 500 }, { regionCode: 'H02', year: 2015, monthlyLine: 500 }] }), 'policy');
  jobId = saved.jobId;
  await ctx.app.jobs.idle();
}, 60_000);
afterAll(() => ctx?.close());

// ---- the tests ----------------------------------------------------------------------------------

const callOf = (route: string) => {
  const call = CALLS[route.replace(/\s+/g, ' ')];
  if (!call) throw new Error(`no call for ${route}`);
  return call;
};

describe('access matrix: every route × every role, on a record in the role\'s scope', () => {
  it.each(parseTable(MATRIX))('$route as $role → $outcome', async ({ route, role, outcome }) => {
    const run = await callOf(route)(clients[role], own());
    await check(run, outcome);
  });
});

describe('access matrix: a record of another scope answers 404', () => {
  it.each(parseTable(FOREIGN))('$route as $role on another scope\'s record → $outcome', async ({ route, role, outcome }) => {
    const run = await callOf(route)(clients[role], foreignFor(role));
    await check(run, outcome);
  });

  it('lists leave out another scope\'s households and proposals', async () => {
    const mine = await household('draft', own());
    const h02 = await household('draft', foreignFor('region'));
    const sibling = await household('draft', foreignFor('unit'));
    const notLinked = await household('draft', foreignFor('leader'));
    const { proposalId: h02Proposal } = await proposal(foreignFor('region'));
    const ids = async (c: SessionClient) => (ok(await c.get('/api/households?pageSize=100'), 'list').items as { id: number }[]).map((i) => i.id);
    expect(await ids(clients.region)).toEqual(expect.arrayContaining([mine.id, sibling.id, notLinked.id]));
    expect(await ids(clients.region)).not.toContain(h02.id);
    expect(await ids(clients.unit)).toEqual(expect.arrayContaining([mine.id, notLinked.id]));
    expect(await ids(clients.unit)).not.toContain(sibling.id);
    expect(await ids(clients.unit)).not.toContain(h02.id);
    expect(await ids(clients.leader)).toContain(mine.id);
    expect(await ids(clients.leader)).not.toContain(notLinked.id);
    expect(await ids(clients.staff)).not.toContain(sibling.id);
    for (const role of ['admin', 'city', 'viewer'] as const) expect(await ids(clients[role])).toEqual(expect.arrayContaining([mine.id, h02.id, sibling.id, notLinked.id]));
    const proposals = async (c: SessionClient) => (ok(await c.get('/api/removal-proposals?pageSize=200'), 'proposals').items as { id: number }[]).map((i) => i.id);
    expect(await proposals(clients.city)).toContain(h02Proposal);
    expect(await proposals(clients.region)).not.toContain(h02Proposal);
    expect(await proposals(clients.leader)).not.toContain(h02Proposal);
  });
});

describe('access matrix: the named responsible cadre', () => {
  it.each(parseTable(CADRE))('$route as $role, named the household\'s 具体责任人 → $outcome', async ({ route, role, outcome }) => {
    const run = await callOf(route)(clients[role], namedCadre(role));
    await check(run, outcome);
  });

  it('the named cadre finds the household among 我的帮扶对象; the household\'s other users do not', async () => {
    const h = await household('filed', namedCadre('staff'));
    const mine = async (c: SessionClient) => (ok(await c.get('/api/my/households'), 'my households').items as { id: number }[]).map((i) => i.id);
    expect(await mine(clients.staff)).toContain(h.id);
    expect(await mine(respLeader)).toContain(h.id);
    expect(await mine(clients.leader)).not.toContain(h.id);
    expect(await mine(clients.region)).not.toContain(h.id);
  });
});

describe('access matrix: a working group\'s leader', () => {
  it('sees the households of the group\'s county while leading it, and reads and records there, but does not plan', async () => {
    const groupLeader = await sessionUserIn(ctx, 'H', 'leader');
    const h = await household('filed', { regionCode: 'H02', unitId: null, linkTo: [] });
    const group = (leaderUsername: string | null) => ({ groups: [{ regionCode: 'H02', name: '沙洋工作组', leaderUsername }] });
    expect(outcomeOf({ res: await groupLeader.get(`/api/households/${h.id}`) })).toBe('404');

    ok(await clients.city.put('/api/working-groups', group(groupLeader.username)), 'lead H02');
    expect(outcomeOf({ res: await groupLeader.get(`/api/households/${h.id}`) })).toBe('ok');
    expect(outcomeOf({ res: await groupLeader.get(`/api/households/${h.id}/plan`) })).toBe('ok');
    expect(outcomeOf({ res: await groupLeader.get(`/api/households/${h.id}/responsibility`) })).toBe('ok');
    const ids = (ok(await groupLeader.get('/api/households?pageSize=100'), 'list').items as { id: number }[]).map((i) => i.id);
    expect(ids).toContain(h.id);
    expect(outcomeOf({ res: await groupLeader.put(`/api/households/${h.id}/plan`, planBody) })).toBe('403');
    expect(await planOf(h.id)).toEqual([]);
    expect(outcomeOf({ res: await groupLeader.put(`/api/households/${h.id}/responsibility`, responsibilityBody()) })).toBe('403');
    expect(await responsibilityOf(h.id)).toEqual({ leader: null, cadre: null, changes: 0 });
    expect(outcomeOf({ res: await groupLeader.post(`/api/households/${h.id}/assistance`, recordBody) })).toBe('ok');
    expect(await recordsOf(h.id)).toBe(1);
    // another leader (not leading H02) still does not see it
    expect(outcomeOf({ res: await clients.leader.get(`/api/households/${h.id}`) })).toBe('404');

    ok(await clients.city.put('/api/working-groups', group(null)), 'leave H02');
    expect(outcomeOf({ res: await groupLeader.get(`/api/households/${h.id}`) })).toBe('404');
    expect(outcomeOf({ res: await groupLeader.get(`/api/households/${h.id}/assistance`) })).toBe('404');
  });
});

describe('not yours looks like not found', () => {
  // The outsider is a county-union user of H02; the household is in H01, in the status the action
  // needs, so the only difference from a missing id is the scope. Status and body must be identical.
  const MISSING = 99_999_999;
  const ROUTES: { name: string; status: Status; send: (c: SessionClient, id: number, h: Awaited<ReturnType<typeof household>>) => Promise<Res> }[] = [
    { name: 'GET /api/households/:id', status: 'draft', send: (c, id) => c.get(`/api/households/${id}`) },
    { name: 'PUT /api/households/:id', status: 'draft', send: (c, id, h) => c.put(`/api/households/${id}`, { ...h.input, regionCode: 'H01', version: h.version }) },
    { name: 'GET /api/households/:id/history', status: 'draft', send: (c, id) => c.get(`/api/households/${id}/history`) },
    { name: 'GET /api/households/:id/print.pdf', status: 'draft', send: (c, id) => c.get(`/api/households/${id}/print.pdf`) },
    { name: 'POST /api/households/:id/submit', status: 'draft', send: (c, id) => c.post(`/api/households/${id}/submit`) },
    { name: 'POST /api/households/:id/review [unit]', status: 'submitted', send: (c, id) => c.post(`/api/households/${id}/review`, review('unit')) },
    { name: 'POST /api/households/:id/review [city]', status: 'unitApproved', send: (c, id) => c.post(`/api/households/${id}/review`, review('city')) },
    { name: 'POST /api/households/:id/remove', status: 'filed', send: (c, id) => c.post(`/api/households/${id}/remove`, { reason: '不符合条件' }) },
    { name: 'POST /api/households/:id/exit', status: 'filed', send: (c, id) => c.post(`/api/households/${id}/exit`, { reason: '已脱困', date: '2021-03-01' }) },
    { name: 'POST /api/households/:id/reopen', status: 'removed', send: (c, id) => c.post(`/api/households/${id}/reopen`, { reason: '重新纳入' }) },
    { name: 'POST /api/households/review-batch [unit]', status: 'submitted', send: (c, id) => c.post('/api/households/review-batch', { ids: [id], ...review('unit') }) },
    { name: 'GET /api/households/:id/recommendations', status: 'filed', send: (c, id) => c.get(`/api/households/${id}/recommendations`) },
    { name: 'GET /api/households/:id/plan', status: 'filed', send: (c, id) => c.get(`/api/households/${id}/plan`) },
    { name: 'PUT /api/households/:id/plan', status: 'filed', send: (c, id) => c.put(`/api/households/${id}/plan`, planBody) },
    { name: 'GET /api/households/:id/responsibility', status: 'filed', send: (c, id) => c.get(`/api/households/${id}/responsibility`) },
    { name: 'GET /api/households/:id/responsibility/candidates', status: 'filed', send: (c, id) => c.get(`/api/households/${id}/responsibility/candidates?kind=leader`) },
    { name: 'PUT /api/households/:id/responsibility', status: 'filed', send: (c, id) => c.put(`/api/households/${id}/responsibility`, responsibilityBody()) },
    { name: 'POST /api/households/:id/assistance', status: 'filed', send: (c, id) => c.post(`/api/households/${id}/assistance`, recordBody) },
    { name: 'GET /api/households/:id/assistance', status: 'filed', send: (c, id) => c.get(`/api/households/${id}/assistance`) },
  ];

  it.each(ROUTES)('$name: an H01 household answers the H02 user exactly like a nonexistent id', async ({ status, send }) => {
    const h = await household(status, own());
    const theirs = await send(outsider, h.id, h);
    const missing = await send(outsider, MISSING, h);
    expect(missing.statusCode).toBeGreaterThanOrEqual(200);
    expect(theirs.statusCode).toBe(missing.statusCode);
    if (theirs.statusCode === 200) {
      // the batch route: one result per id, identical but for the id
      const a = theirs.json().results[0];
      const b = missing.json().results[0];
      expect(a).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect({ ...a, id: 0 }).toEqual({ ...b, id: 0 });
    } else {
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json()).toEqual(missing.json());
      expect(theirs.json()).toEqual({ code: 'NOT_FOUND', message: '档案不存在或无权查看' });
    }
    expect(await fileState(h.id)).toEqual({ status, version: h.version });
    // the in-scope county union sees the very same record
    expect((await unitReviewerH01.get(`/api/households/${h.id}`)).statusCode).toBe(200);
  });

  it('the list and the search do not reveal it either', async () => {
    const h = await household('draft', own());
    const worker = (await ctx.db.selectFrom('households').select('worker_no').where('id', '=', h.id).executeTakeFirstOrThrow()).worker_no;
    for (const q of [worker, h.input.idNumber, h.input.name]) {
      const res = ok(await outsider.get(`/api/households?q=${encodeURIComponent(q)}&regionCode=H01`), 'search');
      expect(res.items.map((i: { id: number }) => i.id)).not.toContain(h.id);
    }
  });
});

describe('without a session', () => {
  const concrete = (route: string) => {
    const [method, path] = route.replace(/\s*\[.*\]$/, '').split(/\s+/);
    return { method: method as 'GET', url: path.replace(':id', '1').replace(':code', 'H01') };
  };
  const routes = [...new Set(parseTable(MATRIX).map((r) => r.route.replace(/\s*\[.*\]$/, '').replace(/\s+/g, ' ')))];

  it.each(routes)('%s → 401 UNAUTHENTICATED', async (route) => {
    const { method, url } = concrete(route);
    const res = await ctx.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {}, headers: { 'x-csrf-token': 'x' } }) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a stale or forged session cookie is the same as none', async () => {
    const res = await ctx.app.inject({ url: '/api/households', cookies: { bangfu_session: 'forged-token' } });
    expect(res.statusCode).toBe(401);
  });

  it('the public routes answer without login', async () => {
    expect((await ctx.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/session', payload: {} });
    expect(login.statusCode).toBe(400);
    expect(login.json().errors.map((e: { path: string }) => e.path)).toEqual(['username', 'password']);
  });

  it('the matrix covers every route of the API document', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const PUBLIC = ['GET /api/health', 'POST /api/session'];
    const inMatrix = new Set(routes);
    expect(documented.filter((r) => !PUBLIC.includes(r) && !inMatrix.has(r)).sort()).toEqual([]);
    expect([...inMatrix].filter((r) => !documented.includes(r))).toEqual([]);
  });
});
