// 因户施策 → 常态帮扶 in the browser, for one filed household: the measures its causes call for (with
// reasons), a plan made from them, its urgency score and batch, the responsible leader and cadre
// (a change needs a reason), visits and aid recorded by the cadre, the problem solved counted on
// the household, in 帮扶统计 and in 分期分批.
//
// 荆门高新区·掇刀区 (H05) 2008 is this file's own pair: no other e2e file files households in H05,
// and the line 500 元/月 (A = 6,000) makes the urgency exact: 9,000 for 3 people →
// income floor(40 × (23,400 − 9,000) / 23,400) = 24, 尿毒症 15, one child in school 8 → 47, 第二批.
// Counts on the summary pages are compared with what the server had before this test.
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { makeHousehold, makeIdNumber, uniqueName } from '../lib/data.js';
import { setDate } from '../lib/form.js';
import { chooseOption, clickWhenStill, eventually, fieldError, textOf, visible } from '../lib/ui.js';
import {
  actAs, cellsByTitle, choosePerson, fillRecord, newUser, nextResponse, openAssistance, recordDialog, recordOnDetail, requestsTo, rowByKey, rowsOf, saveRecord, todayInChina,
} from '../lib/assistance.js';

const REGION = 'H05';
const REGION_NAME = '荆门高新区·掇刀区';
const YEAR = 2008;

interface RegionSummary { households: number; assisted: number; records: number; money: number; solved: number; metTarget: number; overdue: number }
const NO_SUMMARY: RegionSummary = { households: 0, assisted: 0, records: 0, money: 0, solved: 0, metTarget: 0, overdue: 0 };

async function regionSummary(api: Api): Promise<RegionSummary> {
  const s = await api.get<{ regions: (RegionSummary & { regionCode: string })[] }>('/api/assistance/summary', { regionCode: REGION });
  return s.regions.find((r) => r.regionCode === REGION) ?? NO_SUMMARY;
}

async function regionBatches(api: Api): Promise<number[]> {
  const b = await api.get<{ regions: { regionCode: string; batches: number[]; total: number }[] }>('/api/batches');
  const r = b.regions.find((x) => x.regionCode === REGION);
  return r ? [...r.batches, r.total] : [0, 0, 0, 0];
}

const money = (yuan: number) => yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The household (filed), its people and the counts of H05 before it existed. */
async function prepare(baseUrl: string) {
  const admin = await Api.login(baseUrl);
  try {
    await admin.setPolicyLines([{ regionCode: REGION, year: YEAR, monthlyLine: 500 }], 'e2e assist-flow: 掇刀 2008');
    const before = { summary: await regionSummary(admin), batches: await regionBatches(admin) };
    const city = await newUser(admin, 'city', 'H', '市');
    const leader = await newUser(admin, 'region', REGION, '领');
    const cadre = await newUser(admin, 'region', REGION, '干');
    const newCadre = await newUser(admin, 'region', REGION, '新');
    const h = await admin.createFiledHousehold(
      makeHousehold({
        regionCode: REGION,
        fillDate: `${YEAR}-05-10`,
        name: uniqueName('扶'),
        idNumber: makeIdNumber('男', '19700315'),
        health: '尿毒症',
        causes: ['因未就业', '因病'],
        causeDescription: '企业半停产本人下岗，患尿毒症长期透析',
        ownAnnualIncome: 3000,
        householdAnnualIncome: 9000,
        householdSize: 3,
        members: [
          { name: '李秀兰', relation: '配偶', gender: '女', education: '初中', idNumber: makeIdNumber('女', '19720101'), health: '良好', disabilityGrade: '无', annualIncome: 6000, occupation: '灵活就业' },
          { name: '王磊', relation: '子', gender: '男', education: '小学', idNumber: makeIdNumber('男', '19960918'), health: '良好', disabilityGrade: '无', annualIncome: 0, occupation: '义务教育在校', unitOrSchool: '掇刀区实验小学' },
        ],
      }),
    );
    return { before, city, leader, cadre, newCadre, h };
  } finally {
    await admin.dispose();
  }
}

test('a filed household gets recommended measures, a plan in a batch, a leader and cadre, visits and aid, and its solved problem is counted', async ({ page, baseUrl }) => {
  const { before, city, leader, cadre, newCadre, h } = await prepare(baseUrl);
  const planPath = `/api/households/${h.id}/plan`;
  const respPath = `/api/households/${h.id}/responsibility`;
  const recordPath = `/api/households/${h.id}/assistance`;

  // ---- as a 市总工会 user: recommendations and urgency ---------------------------------------------
  await actAs(page, baseUrl, city);
  await openAssistance(page, baseUrl, h.id);

  const urgency = page.locator('[data-testid=plan-urgency]');
  await eventually(() => urgency.getAttribute('data-score')).toBe('47');
  expect(await urgency.getAttribute('data-batch')).toBe('2');
  const urgencyText = await textOf(urgency);
  expect(urgencyText).toContain('47');
  expect(urgencyText).toContain('第二批');
  for (const [factor, points] of [['income', 24], ['illness', 15], ['school', 8]] as const) {
    expect(await textOf(urgency.locator(`[data-factor=${factor}]`))).toContain(`+${points}`);
  }
  expect(await urgency.locator('[data-factor]').count()).toBe(3);

  const recs = page.locator('[data-testid=plan-recommendations] [data-recommendation]');
  await eventually(() => recs.count()).toBe(4);
  const recCodes = await recs.evaluateAll((els) => els.map((e) => e.getAttribute('data-recommendation')));
  expect(recCodes).toEqual(['jobReferral', 'skillTraining', 'medicalMutualAid', 'seriousIllnessAid']);
  const recText = async (code: string) => textOf(page.locator(`[data-testid=plan-recommendations] [data-recommendation=${code}]`));
  expect(await recText('jobReferral')).toContain('岗位推荐');
  expect(await recText('jobReferral')).toContain('因未就业致困：推荐岗位，帮助实现就业');
  expect(await recText('skillTraining')).toContain('技能培训');
  expect(await recText('skillTraining')).toContain('因未就业致困：参加技能培训，提高就业技能');
  expect(await recText('medicalMutualAid')).toContain('医疗互助');
  expect(await recText('medicalMutualAid')).toContain('因病致困：医疗互助');
  expect(await recText('seriousIllnessAid')).toContain('大病救助');
  expect(await recText('seriousIllnessAid')).toContain('因病致困：协调大病救助');

  // ---- 制定计划: the recommended measures are preselected ------------------------------------------
  const planEdit = page.locator('#plan-edit');
  expect(await textOf(planEdit)).toBe('制定计划');
  await planEdit.click();
  const planRows = page.locator('#plan-table tbody tr[data-measure]');
  await eventually(() => planRows.count()).toBe(4);
  expect(await planRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-measure')))).toEqual(recCodes);
  for (const code of recCodes) expect(await textOf(page.locator(`#plan-table tr[data-measure=${code}]`))).toContain('推荐');

  const target = `${todayInChina().slice(0, 4)}-12-31`;
  await setDate(page, 'plan_items_0_targetDate', target);
  await chooseOption(page, 'plan_items_0_status', '实施中');
  await page.locator('#plan_items_0_outcome').fill('已联系区人社局就业援助窗口');
  // one measure that was not recommended, from the catalog
  await page.locator('.ant-select:has(#plan-add)').click();
  await page.locator('#plan-add').fill('冬送');
  await page.locator('.ant-select-dropdown:has(#plan-add_list) .ant-select-item-option[title="冬送温暖"]').click();
  await visible(page.locator('#plan-table tr[data-measure=winterWarmth]'));
  expect(await textOf(page.locator('#plan-table tr[data-measure=winterWarmth]'))).not.toContain('推荐');

  const planSaved = nextResponse(page, 'PUT', planPath);
  await page.locator('#plan-save').click();
  const planRes = await planSaved;
  expect(planRes.status(), await planRes.text()).toBe(200);
  expect(planRes.request().postDataJSON()).toEqual({
    items: [
      { measure: 'jobReferral', targetDate: target, status: 'inProgress', outcome: '已联系区人社局就业援助窗口' },
      { measure: 'skillTraining', targetDate: null, status: 'planned', outcome: null },
      { measure: 'medicalMutualAid', targetDate: null, status: 'planned', outcome: null },
      { measure: 'seriousIllnessAid', targetDate: null, status: 'planned', outcome: null },
      { measure: 'winterWarmth', targetDate: null, status: 'planned', outcome: null },
    ],
  });
  // view mode: the saved rows (catalog order), the job referral with its date, status and outcome
  await visible(page.locator('#plan-edit'));
  expect(await textOf(page.locator('#plan-edit'))).toBe('编辑计划');
  await eventually(() => planRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-measure')))).toEqual([
    'jobReferral', 'skillTraining', 'medicalMutualAid', 'seriousIllnessAid', 'winterWarmth',
  ]);
  const jobRow = await textOf(page.locator('#plan-table tr[data-measure=jobReferral]'));
  expect(jobRow).toContain(target);
  expect(jobRow).toContain('实施中');
  expect(jobRow).toContain('已联系区人社局就业援助窗口');
  expect(await page.locator('#plan-table tr[data-measure=jobReferral] [data-status=inProgress]').count()).toBe(1);
  for (const code of recCodes) expect(await textOf(page.locator(`[data-testid=plan-recommendations] [data-recommendation=${code}]`))).toContain('已列入计划');
  // the plan does not change the score or batch
  expect(await urgency.getAttribute('data-score')).toBe('47');
  expect(await urgency.getAttribute('data-batch')).toBe('2');

  // ---- 责任领导 and 具体责任人 -----------------------------------------------------------------------
  const leaderShown = page.locator('[data-testid=responsibility-leader]');
  const cadreShown = page.locator('[data-testid=responsibility-cadre]');
  expect(await textOf(cadreShown)).toBe('未确定');
  await page.locator('#responsibility-edit').click();
  await visible(page.locator('#responsibility_leaderUsername'));
  // people are found by name (the picker offers those who may be named, with their organization)
  await choosePerson(page, 'responsibility_leaderUsername', leader.displayName);
  await choosePerson(page, 'responsibility_cadreUsername', cadre.displayName);
  const respSet = nextResponse(page, 'PUT', respPath);
  await clickWhenStill(page.locator('#responsibility-ok'));
  const setRes = await respSet;
  expect(setRes.status(), await setRes.text()).toBe(200);
  expect(setRes.request().postDataJSON()).toEqual({ leaderUsername: leader.username, cadreUsername: cadre.username });
  await eventually(() => leaderShown.getAttribute('data-username')).toBe(leader.username);
  expect(await textOf(leaderShown)).toContain(leader.displayName);
  expect(await cadreShown.getAttribute('data-username')).toBe(cadre.username);
  expect(await textOf(cadreShown)).toContain(cadre.displayName);

  // change the cadre without a reason: refused beside 变更原因, nothing sent
  const respCalls = requestsTo(page, 'PUT', respPath);
  await page.locator('#responsibility-edit').click();
  await visible(page.locator('#responsibility_cadreUsername'));
  // the dialog opens with the people named now
  await visible(page.locator('.ant-select:has(#responsibility_leaderUsername) .ant-select-selection-item', { hasText: leader.displayName }));
  await choosePerson(page, 'responsibility_cadreUsername', newCadre.displayName);
  await clickWhenStill(page.locator('#responsibility-ok'));
  await eventually(() => fieldError(page, 'responsibility_reason')).toBe('变更帮扶责任人须填写原因');
  expect(respCalls).toEqual([]);
  expect(await cadreShown.getAttribute('data-username')).toBe(cadre.username);

  const reason = '原责任人工作调动，改由新同志负责';
  await page.locator('#responsibility_reason').fill(reason);
  const respChanged = nextResponse(page, 'PUT', respPath);
  await clickWhenStill(page.locator('#responsibility-ok'));
  const changeRes = await respChanged;
  expect(changeRes.status(), await changeRes.text()).toBe(200);
  expect(changeRes.request().postDataJSON()).toEqual({ leaderUsername: leader.username, cadreUsername: newCadre.username, reason });
  await eventually(() => cadreShown.getAttribute('data-username')).toBe(newCadre.username);
  expect(await leaderShown.getAttribute('data-username')).toBe(leader.username);
  const history = await visible(page.locator('[data-testid=responsibility-history]'));
  const historyText = await textOf(history);
  expect(historyText).toContain(`原因：${reason}`);
  expect(historyText).toContain(`具体责任人：${cadre.displayName} → ${newCadre.displayName}`);
  expect(historyText).toContain('确定');
  expect(historyText).toContain('变更');

  // ---- as the (new) cadre: visits and aid ------------------------------------------------------------
  await actAs(page, baseUrl, newCadre);
  await openAssistance(page, baseUrl, h.id);
  const solved = page.locator('[data-testid=solved-this-year]');
  expect(await solved.getAttribute('data-count')).toBe('0');
  expect(await solved.getAttribute('data-met')).toBe('false');
  const today = todayInChina();

  const visit = await recordOnDetail(page, h.id, { description: '入户走访，了解透析费用和就业需求' });
  expect(visit).toMatchObject({ type: '走访', amount: null, solvedProblem: false, date: today });

  // 慰问金 without an amount: the error beside 金额, nothing sent
  const recordCalls = requestsTo(page, 'POST', recordPath);
  await page.locator('#assistance-new').click();
  await fillRecord(page, { type: '慰问金', description: '春节慰问' });
  await clickWhenStill(page.locator('#assistance-ok'));
  await eventually(() => fieldError(page, 'assistance_amount')).toBe('慰问金须填写金额（元）');
  expect(recordCalls).toEqual([]);
  await page.locator('#assistance_amount').fill('500');
  const aid = await saveRecord(page, h.id);
  expect(aid).toMatchObject({ type: '慰问金', amount: 500, solvedProblem: false });

  const job = await recordOnDetail(page, h.id, { type: '岗位推荐', description: '推荐到掇刀区某物流公司仓储岗位，已上岗', solved: true });
  expect(job).toMatchObject({ type: '岗位推荐', amount: null, solvedProblem: true });
  await recordDialog(page).waitFor({ state: 'hidden' });

  const recordRows = rowsOf(page.locator('#assistance-table'));
  await eventually(() => recordRows.count()).toBe(3);
  const table = page.locator('#assistance-table');
  const rows = await Promise.all([0, 1, 2].map((i) => cellsByTitle(table, recordRows.nth(i))));
  expect(rows.map((r) => r['类型'])).toEqual(['岗位推荐', '慰问金', '走访']);
  expect(rows.map((r) => r['日期'])).toEqual([today, today, today]);
  expect(rows.map((r) => r['金额（元）'])).toEqual(['—', '500.00', '—']);
  expect(rows.map((r) => r['解决实际问题'])).toEqual(['是', '否', '否']);
  expect(rows[0]['帮扶内容']).toContain('推荐到掇刀区某物流公司仓储岗位');
  expect(rows[2]['记录人']).toContain(newCadre.displayName);
  await eventually(() => solved.getAttribute('data-count')).toBe('1');
  expect(await solved.getAttribute('data-met')).toBe('true');

  // ---- 帮扶统计 (as the city user): the region's row and the cadre's workload ------------------------
  await actAs(page, baseUrl, city);
  await page.goto(`${baseUrl}/assistance`);
  await visible(page.locator('#summary-regions'));
  // the page's first load (all regions) may still be on its way under load: wait for the filtered one
  const summaryLoaded = nextResponse(page, 'GET', '/api/assistance/summary', { regionCode: REGION });
  await chooseOption(page, 'summary-region', REGION_NAME);
  const summaryRes = await summaryLoaded;
  expect(summaryRes.ok()).toBe(true);
  const regions = page.locator('#summary-regions');
  const regionRow = rowByKey(regions, REGION);
  await visible(regionRow);
  await eventually(() => rowsOf(regions).count()).toBe(1);
  const r = await cellsByTitle(regions, regionRow);
  const b = before.summary;
  expect(r).toMatchObject({
    地区: REGION_NAME,
    建档户数: String(b.households + 1),
    已帮扶户数: String(b.assisted + 1),
    帮扶次数: String(b.records + 3),
    '帮扶金额（元）': money(b.money + 500),
    解决实际问题: String(b.solved + 1),
    达标户数: String(b.metTarget + 1),
    超期未走访: String(b.overdue),
  });
  const cadreRow = rowByKey(page.locator('#summary-cadres'), newCadre.username);
  expect(await cellsByTitle(page.locator('#summary-cadres'), cadreRow)).toMatchObject({
    帮扶人: newCadre.displayName, 帮扶户数: '1', 帮扶次数: '3', '帮扶金额（元）': '500.00', 解决实际问题: '1',
  });
  // visited today and solved one problem: neither overdue nor below the target
  expect(await rowByKey(page.locator('#summary-overdue'), h.id).count()).toBe(0);
  expect(await rowByKey(page.locator('#summary-below-target'), h.id).count()).toBe(0);

  // ---- 分期分批: the household counts in 第二批 of its region ---------------------------------------
  await page.goto(`${baseUrl}/batches`);
  const batches = page.locator('#batches-table');
  const batchRow = await visible(rowByKey(batches, REGION));
  const cells = await cellsByTitle(batches, batchRow);
  const [b1, b2, b3, total] = before.batches;
  expect(cells).toEqual({ 地区: REGION_NAME, 第一批: String(b1), 第二批: String(b2 + 1), 第三批: String(b3), 合计: String(total + 1) });
});
