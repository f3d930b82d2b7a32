// 待办: what waits for this user, each with a count and the page where it is done. Files returned
// to the filer, files waiting for the user's review (with the oldest's days), the user's households
// overdue for a visit, data deadlines within seven days (or past) that the user's organization has
// not submitted for, submissions returned to it, and for the city the submissions to accept.
import { addDays, todayInChina, type TodoList } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { canFile, canReviewCity } from '../access/scope.js';
import { countHouseholds, waitingDaysOf } from '../households/households.queries.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { fallenBackPendingOf, followUpsDueOf } from '../assistance/follow-ups.service.js';
import { transfersToDecideOf } from '../transfers/transfers.service.js';
import * as repo from './campaigns.repository.js';
import { campaignViews } from './campaigns.service.js';
import { overdueOfUser, reviewQueue, undecidedSubmissions } from './progress.queries.js';
import { submittingOrg } from './submissions.service.js';
import { listOrgs, unitSubtree } from '../orgs/orgs.repository.js';

type Item = TodoList['items'][number];

/** Whether the user files at all (returned files come back to such a user). */
const files = (actor: Actor) => canFile(actor, actor.orgCode.slice(0, 3), actor.role === 'unit' ? actor.orgCode : null);

export async function todos(db: Q, actor: Actor, today = todayInChina()): Promise<TodoList> {
  const items: Item[] = [];
  const add = (i: Item) => { if (i.count > 0) items.push(i); };
  const days = (first: string | null) => (first ? waitingDaysOf(first, today) : null);

  if (files(actor) && actor.role !== 'admin')
    add({ kind: 'returnedFiles', title: '被退回、待修改后重新提交的档案', count: await countHouseholds(db, actor, { returned: 'true' }), oldestDays: null, link: '/households?returned=true' });
  if (actor.role === 'region' || actor.role === 'unit') {
    const q = await reviewQueue(db, 'submitted', actor.role === 'region' ? { regionCode: actor.orgCode.slice(0, 3) } : { units: unitSubtree(await listOrgs(db), actor.orgCode) });
    add({ kind: 'unitReview', title: '待本单位审核（签署单位工会意见）的档案', count: q.count, oldestDays: days(q.first), link: '/reviews' });
  }
  if (canReviewCity(actor) && actor.role === 'city') {
    const q = await reviewQueue(db, 'unitApproved', {});
    add({ kind: 'cityReview', title: '待市总工会审核的档案', count: q.count, oldestDays: days(q.first), link: '/reviews' });
  }
  if (['leader', 'staff', 'region', 'unit'].includes(actor.role)) {
    const { overdueDays } = await getAssistanceSettings(db);
    add({ kind: 'overdueVisits', title: `超过${overdueDays}天未走访的帮扶对象`, count: await overdueOfUser(db, actor.id, addDays(today, -overdueDays)), oldestDays: null, link: '/my' });
    add({ kind: 'followUpsDue', title: '到期或超期的脱困回访', count: await followUpsDueOf(db, actor, today), oldestDays: null, link: '/follow-ups?mine=true&due=true' });
  }
  if (files(actor) && actor.role !== 'admin')
    add({ kind: 'fallenBack', title: '回访发现返困、待重新纳入的家庭', count: await fallenBackPendingOf(db, actor), oldestDays: null, link: '/follow-ups?fallenBack=true' });
  add({ kind: 'transfersToDecide', title: '待本单位同意的档案转移申请', count: await transfersToDecideOf(db, actor), oldestDays: null, link: '/transfers?box=incoming' });

  const org = submittingOrg(actor);
  if (org) {
    const campaigns = (await campaignViews(db, undefined, today)).filter((c) => c.state !== 'upcoming' && c.requiredOrgs.some((o) => o.code === org.code));
    // one read of the organization's latest submissions for every data deadline of these campaigns
    const latest = (await repo.latestSubmissions(db, campaigns.flatMap((c) => c.deadlines.filter((d) => d.kind === 'data').map((d) => d.id))))
      .filter((l) => l.org_code === org.code);
    for (const c of campaigns) {
      for (const d of c.deadlines.filter((x) => x.kind === 'data')) {
        const l = latest.find((x) => Number(x.deadline_id) === d.id);
        if (l?.status === 'returned')
          add({ kind: 'submissionReturned', title: `“${c.name}·${d.label}”的上报被市总工会退回，请修改后重新上报`, count: 1, oldestDays: null, link: `/campaigns/${c.id}` });
        else if (!l && d.daysLeft <= 7 && c.state === 'running')
          add({ kind: 'deadline', title: d.daysLeft >= 0 ? `“${c.name}·${d.label}”还有${d.daysLeft}天截止，本单位尚未上报` : `“${c.name}·${d.label}”已逾期${-d.daysLeft}天，本单位尚未上报`, count: 1, oldestDays: null, link: `/campaigns/${c.id}` });
      }
    }
  }
  if (actor.role === 'city' || actor.role === 'admin') {
    for (const u of await undecidedSubmissions(db))
      add({ kind: 'submissionsToDecide', title: '待接收的上报（接收或退回）', count: u.n, oldestDays: null, link: `/campaigns/${u.campaignId}` });
  }
  return { items, total: items.reduce((s, i) => s + i.count, 0) };
}
