// The manager's pages on a PC, as a sales manager (曾建华, who manages the whole institutional
// sales division): campaigns and their costs, targets, the pipeline, handing a leaver's clients
// over, imports with per-row errors. Real Laurel on the demo company, real Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { creditCode } from './credit-code.mjs';
import { choose, fieldError, fillDate, fillRange, openDialog } from './element.mjs';
import { apiAs, launchBrowser, pc, signIn, startLaurel } from './harness.mjs';

const managerName = 'cengjianhua';

// An amount as the zh-CN pages show it: 亿 from 100 million, 万 from ten thousand.
const zhAmount = (yuan) =>
  yuan >= 1e8
    ? `${(yuan / 1e8).toFixed(2)}亿`
    : yuan >= 1e4
      ? `${(yuan / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}万`
      : yuan.toFixed(2);
let laurel;
let browser;
let manager; // the API as the manager, to set up and to check what the UI wrote
let page;

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  manager = await apiAs(laurel.base, managerName);
  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  page = await context.newPage();
  await signIn(page, laurel.base, managerName);
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

async function allCampaigns() {
  return (await manager.get('/api/v1/campaigns?limit=200')).items;
}

test('create a campaign: a taken name is shown beside the name, the target is read as typed, costs add up', async () => {
  const taken = (await allCampaigns())[0].name;
  await page.goto(`${laurel.base}/manage/campaigns`);
  await page.locator('[data-test=campaign-list]').waitFor();
  await page.click('[data-test=campaign-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[data-test=campaign-name]').fill(taken);
  await fillRange(dialog.locator('[data-test=campaign-window]'), '2027-01-04', '2027-03-31');
  await dialog.locator('input[data-test=target_amount]').fill('5000万');
  await dialog.getByText('= 5,000.00万').waitFor(); // the amount is shown back before it is saved
  await choose(page, dialog.locator('[data-test=campaign-products]'), '月桂');
  await choose(page, dialog.locator('[data-test=campaign-departments]'), '华东机构销售部');
  await dialog.locator('[data-test=form-submit]').click();
  await fieldError(dialog, '名称').waitFor();

  await dialog.locator('input[data-test=campaign-name]').fill('开年固收季');
  await dialog.locator('[data-test=form-submit]').click();
  await page.locator('[data-test=campaign-list]').getByText('开年固收季').waitFor();
  const created = (await allCampaigns()).find((c) => c.name === '开年固收季');
  assert.equal(created.target_amount, '50000000.00');
  assert.equal(created.starts_on, '2027-01-04');
  assert.equal(created.ends_on, '2027-03-31');
  assert.equal(created.product_ids.length, 1);
  assert.deepEqual(created.department_ids, [3]);

  await page.click(`[data-test=campaign-costs-${created.id}]`);
  const costs = openDialog(page);
  await fillDate(costs.locator('.el-date-editor').first(), '2026-11-20');
  await costs.locator('input[data-test=cost_amount]').fill('8.6万');
  await costs.locator('input[name=cost_description]').fill('路演场地');
  await costs.locator('[data-test=cost-add]').click();
  await costs.locator('[data-test=cost-list]').getByText('路演场地').waitFor();
  const after = (await allCampaigns()).find((c) => c.id === created.id);
  assert.equal(after.cost_total, '86000.00');
});

test('set a target: a period that does not exist is refused beside the period; amounts in 万 are exact', async () => {
  await page.goto(`${laurel.base}/manage/targets`);
  await page.click('[data-test=target-new]');
  const dialog = openDialog(page);
  await choose(page, dialog.locator('[data-test=target-subject]'), '邓岚', { type: true });
  await dialog.locator('input[data-test=target-period]').fill('2027-13');
  await dialog.locator('input[data-test=target_amount]').fill('300万');
  await dialog.locator('[data-test=form-submit]').click();
  await fieldError(dialog, '期间').waitFor();

  await dialog.locator('input[data-test=target-period]').fill('2027-01');
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  const [target] = (await manager.get('/api/v1/targets?subject_kind=staff&subject_id=3&period=2027-01')).items;
  assert.equal(target.target_amount, '3000000.00');
  assert.equal(target.metric, 'subscription');

  // The list shows it for a day in that month.
  await fillDate(page.locator('.filters .el-date-editor'), '2027-01-15');
  await page.locator('[data-test=target-list]').getByText('3,000,000.00').or(page.locator('[data-test=target-list]').getByText('300.00万')).first().waitFor();
});

test('the pipeline: move a deal from its menu, drag it to another stage, mark it lost with a reason', async () => {
  const [client] = (await manager.get('/api/v1/clients?limit=1')).items;
  const created = await manager.call('POST', '/api/v1/opportunities', {
    client_id: client.id,
    title: 'E2E 养老金专户配置',
    expected_amount: '12000000.00',
    expected_close_date: '2026-01-02', // soonest of all: first in its column
  });
  assert.equal(created.status, 201);
  const id = created.body.id;
  const stageOf = async () => (await manager.get(`/api/v1/opportunities/${id}`)).stage;

  await page.goto(`${laurel.base}/manage/pipeline`);
  const card = page.locator(`[data-test=deal-${id}]`);
  await card.waitFor();
  assert.equal(await card.evaluate((el) => el.closest('[data-stage]').dataset.stage), 'prospect');

  await page.click(`[data-test=deal-move-${id}]`);
  await page.locator('.el-dropdown-menu:visible [data-test=move-contacted]').click();
  await page.locator('[data-stage=contacted]').locator(`[data-test=deal-${id}]`).waitFor();
  assert.equal(await stageOf(), 'contacted');

  // Dropped on the column's header, which is in view whatever the column's length.
  await card.dragTo(page.locator('[data-stage=proposal] .column-head'));
  await page.locator('[data-stage=proposal]').locator(`[data-test=deal-${id}]`).waitFor();
  assert.equal(await stageOf(), 'proposal');

  await page.click(`[data-test=deal-move-${id}]`);
  await page.locator('.el-dropdown-menu:visible [data-test=move-lost]').click();
  const dialog = openDialog(page);
  await dialog.locator('textarea[name=lost_reason]').fill('客户选择了同业产品');
  await dialog.locator('[data-test=form-submit]').click();
  await page.locator('[data-stage=lost]').locator(`[data-test=deal-${id}]`).waitFor();
  const lost = await manager.get(`/api/v1/opportunities/${id}`);
  assert.equal(lost.stage, 'lost');
  assert.equal(lost.lost_reason, '客户选择了同业产品');
});

test("hand a leaver's clients over: every client they cover passes to the successor", async () => {
  const staff = (await manager.get('/api/v1/staff?department_id=3&limit=50')).items;
  let leaver = null;
  let covered = [];
  for (const s of staff) {
    covered = (await manager.get(`/api/v1/staff/${s.id}/clients`)).items;
    if (covered.length >= 2) {
      leaver = s;
      break;
    }
  }
  assert.ok(leaver, 'a demo salesperson of 华东 covers two clients or more');
  const successor = staff.find((s) => s.id !== leaver.id);

  await page.goto(`${laurel.base}/manage/handover`);
  await choose(page, page.locator('[data-test=handover-from]'), leaver.name, { type: true });
  await page.locator('[data-test=handover-clients] li').first().waitFor();
  assert.equal(await page.locator('[data-test=handover-clients] li').count(), covered.length);
  await choose(page, page.locator('[data-test=handover-to]'), successor.name, { type: true });
  await page.click('[data-test=handover-submit]');
  await page.locator('[data-test=handover-result]').waitFor();

  assert.deepEqual((await manager.get(`/api/v1/staff/${leaver.id}/clients`)).items, []);
  const theirs = new Set((await manager.get(`/api/v1/staff/${successor.id}/clients`)).items.map((c) => c.client_id));
  for (const c of covered) assert.ok(theirs.has(c.client_id), `client ${c.client_id} handed over`);
});

function csv(rows) {
  return Buffer.from(`\uFEFF名称,简称,统一社会信用代码,类型,地区\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
}

async function clientNamed(name) {
  return (await manager.get(`/api/v1/clients?q=${encodeURIComponent(name)}`)).items.find((c) => c.name === name);
}

test('import clients: good rows saved, the bad one listed with its line and column; all or nothing writes nothing', async () => {
  await page.goto(`${laurel.base}/manage/imports`);
  await page.locator('[data-test=import-file]').setInputFiles({
    name: '新客户.csv',
    mimeType: 'text/csv',
    buffer: csv([
      ['导入测试甲银行', '甲银行', creditCode('91310000E2E100001'), '银行', '上海'],
      ['导入测试乙保险', '乙保险', creditCode('91310000E2E100002'), '保险', '北京'],
      ['导入测试丙公司', '丙公司', creditCode('91310000E2E100003'), '航空', '深圳'],
    ]),
  });
  await page.click('[data-test=import-submit]');
  const report = page.locator('[data-test=import-report]');
  await report.getByText('新建 2，更新 0，未变 0，有问题 1').waitFor();
  const errorRow = report.locator('[data-test=import-errors] tbody tr');
  assert.equal(await errorRow.count(), 1);
  assert.match(await errorRow.innerText(), /^4\s+type\s+line 4:/);
  assert.ok(await clientNamed('导入测试甲银行'));
  assert.equal(await clientNamed('导入测试丙公司'), undefined);

  await page.locator('[data-test=import-all-or-nothing]').click();
  await page.locator('[data-test=import-file]').setInputFiles({
    name: 'more.csv',
    mimeType: 'text/csv',
    buffer: csv([
      ['导入测试丁信托', '丁信托', creditCode('91310000E2E100004'), '信托', '杭州'],
      ['导入测试戊公司', '戊公司', 'not-a-code', '企业', '杭州'],
    ]),
  });
  await page.click('[data-test=import-submit]');
  await page.locator('[data-test=import-refused]').getByText('line 3').waitFor();
  assert.equal(await clientNamed('导入测试丁信托'), undefined);
});

test('define a metric in the UI and read its figures: a trade posted a moment ago counts', async () => {
  await page.goto(`${laurel.base}/manage/metrics`);
  await page.click('[data-test=metric-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[name=metric_name]').fill('E2E 每日认申购（不含货基）');
  await dialog.locator('input[name=metric_code]').fill('e2e.daily.subs');
  await choose(page, dialog.locator('[data-test=metric-subject]'), '全公司');
  await choose(page, dialog.locator('[data-test=metric-period-kind]'), '日');
  await dialog.getByText('不含货币基金').click();
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  const [metric] = (await manager.get('/api/v1/metrics?limit=200')).items.filter((m) => m.code === 'e2e.daily.subs');
  assert.deepEqual([metric.kind, metric.subject, metric.period, metric.filter.exclude_money_market], ['sum', 'company', 'day', true]);
  assert.deepEqual(metric.filter.transaction_kinds, ['subscribe', 'purchase']);

  // The figures shown are the engine's, for today in company time.
  const period = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await page.locator('[data-test=metric-period]').getByText(period).waitFor();
  const before = await manager.get(`/api/v1/metrics/${metric.id}/values?period=${period}`);
  const admin = await apiAs(laurel.base, 'admin');
  const [client] = (await admin.get('/api/v1/clients?limit=1')).items;
  const bond = (await admin.get('/api/v1/products?type=bond&limit=1')).items[0];
  const posted = await admin.call('POST', '/api/v1/transactions', {
    external_id: 'E2E-METRIC-1',
    client_id: client.id,
    product_id: bond.id,
    kind: '申购',
    amount: '12345.67',
    trade_time: new Date(Date.now() - 60_000).toISOString(),
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const after = await manager.get(`/api/v1/metrics/${metric.id}/values?period=${period}`);
  const fen = (v) => Math.round(Number(v?.items[0]?.amount ?? 0) * 100);
  assert.equal(fen(after) - fen(before), 1234567);

  await page.click('[data-test="metric-e2e.daily.subs"]'); // read again
  await page.locator('[data-test=metric-figures]').getByText('全公司').waitFor();
  const shown = await page.locator('[data-test=metric-figures] td.num').first().innerText();
  const yuan = Number(after.items[0].amount);
  assert.equal(shown, zhAmount(yuan));
});

test('define a holdings metric in the UI: each client\'s average daily balance this month', async () => {
  await page.goto(`${laurel.base}/manage/metrics`);
  await page.click('[data-test=metric-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[name=metric_name]').fill('E2E 客户日均保有量');
  await dialog.locator('input[name=metric_code]').fill('e2e.client.adb');
  await dialog.locator('[data-test=metric-source-holdings]').click();
  await choose(page, dialog.locator('[data-test=metric-subject]'), '客户');
  await choose(page, dialog.locator('[data-test=metric-period-kind]'), '月');
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  const [metric] = (await manager.get('/api/v1/metrics?limit=200')).items.filter((m) => m.code === 'e2e.client.adb');
  assert.deepEqual([metric.kind, metric.source, metric.subject, metric.period], ['average_daily_balance', 'holdings', 'client', 'month']);
  assert.deepEqual(metric.filter.transaction_kinds, [], 'holdings have no transaction kinds');

  // The demo's clients hold funds: this month's averages, largest first, as the page shows them.
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
  const figures = await manager.get(`/api/v1/metrics/${metric.id}/values?period=${month}`);
  assert.ok(figures.items.length > 10, `clients with holdings in ${month}: ${figures.items.length}`);
  await page.locator('[data-test=metric-figures] td.num').first().waitFor();
  const shown = await page.locator('[data-test=metric-figures] td.num').first().innerText();
  const yuan = Number(figures.items[0].amount);
  assert.equal(shown, zhAmount(yuan));
});
