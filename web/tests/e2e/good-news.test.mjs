// Good news end to end: a sales manager defines a rule on a PC, a trade makes it true, the
// manager is told at once (live, wherever they are in Laurel), edits the news, attaches the
// designed picture, previews it as the banner and publishes it — and a salesperson's phone, open on "my day" all along, shows it
// without a reload, and takes it down when it is withdrawn. Real Laurel on the demo company,
// real Chromium, the live stream over server-sent events.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { choose, openDialog, submitForm } from './element.mjs';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

const managerName = 'cengjianhua';
// A real 1×1 PNG: the "designed poster" the manager attaches.
const POSTER = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
let laurel;
let browser;
let admin;
let manager;
let salesPage;

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  manager = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(manager, laurel.base, managerName);
  const sales = (await admin.get('/api/v1/users?role=sales&limit=1')).items[0].username;
  salesPage = await browser.newContext({ ...phone, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(salesPage, laurel.base, sales);
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

test('a rule defined in the UI finds a trade; the manager publishes it and an open phone shows it', async () => {
  const products = (await admin.get('/api/v1/products?limit=200')).items;
  const fund = products.find((p) => p.type === 'bond');
  const client = (await admin.get('/api/v1/clients?limit=1')).items[0];

  await manager.goto(`${laurel.base}/manage/good-news/rules`);
  await manager.click('[data-test=rule-new]');
  const dialog = openDialog(manager);
  await dialog.locator('input[name=rule_name]').fill('测试基金今日破百万');
  await choose(manager, dialog.locator('[data-test=rule-products]'), fund.name);
  await dialog.locator('input[data-test=rule-threshold-0]').fill('100万');
  await dialog.getByText('= 100.00万').waitFor();
  await dialog.locator('textarea[name=rule_template_zh]').fill('{product}今日认申购突破{amount}，{person}立功！');
  await dialog.locator('textarea[name=rule_template_en]').fill('{product} passed {amount} today');
  await dialog.locator('[data-test=form-submit]').click();
  await manager.locator('[data-test=rule-list]').getByText('测试基金今日破百万').waitFor();
  const rule = (await admin.get('/api/v1/good-news-rules?limit=200')).items.find((r) => r.name === '测试基金今日破百万');
  assert.deepEqual(rule.thresholds, ['1000000.00']);
  assert.deepEqual(rule.products.product_ids, [fund.id]);

  // The salesperson's phone is open on "my day" before anything happens.
  await salesPage.goto(`${laurel.base}/`);
  await salesPage.locator('[data-test=log-visit]').waitFor();

  const trade = await admin.call('POST', '/api/v1/transactions', {
    external_id: `E2E-GN-${Date.now()}`,
    client_id: client.id,
    product_id: fund.id,
    kind: '申购',
    amount: '1500000.00',
    trade_time: new Date(Date.now() - 60_000).toISOString(),
  });
  assert.equal(trade.status, 201, JSON.stringify(trade.body));

  // The manager, still on the rules page, is told; the notice opens the inbox.
  const notice = manager.locator('.live-notice', { hasText: '测试基金今日破百万' });
  await notice.getByText('有新的喜报待审核').waitFor({ timeout: 10_000 });
  await notice.click();
  await manager.waitForURL(/\/manage\/good-news$/);
  const card = manager.locator('[data-test=good-news-list] li', { hasText: '测试基金今日破百万' });
  await card.getByText('今日认申购突破100万').waitFor();
  await card.locator('[data-test=good-news-edit]').click();
  const edit = openDialog(manager);
  await edit.locator('input[name=good_news_title]').fill('开门红！测试基金破百万');
  await edit.locator('[data-test=good-news-banner]').getByText('开门红！测试基金破百万').waitFor();
  // The designed poster: uploaded, judged by its bytes, previewed in the banner.
  await edit.locator('[data-test=good-news-picture-file]').setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: POSTER });
  await edit.locator('[data-test=good-news-banner] [data-test=good-news-picture]').waitFor();
  await edit.locator('[data-test=form-submit]').click();
  await card.getByText('开门红！测试基金破百万').waitFor();
  await card.locator('[data-test=good-news-publish]').click();
  await card.waitFor({ state: 'detached' });

  // Without a reload, the phone's feed shows it: pushed, not asked for.
  const banner = salesPage.locator('[data-test=good-news-feed] [data-test=good-news-banner]', {
    hasText: '开门红！测试基金破百万',
  });
  await banner.waitFor({ timeout: 10_000 });
  assert.match(await banner.innerText(), /今日认申购突破100万/);
  const poster = banner.locator('[data-test=good-news-picture]');
  await poster.waitFor();
  await salesPage.waitForFunction((img) => img.complete && img.naturalWidth === 1, await poster.elementHandle());

  // Withdrawn from the published tab: gone from the phone too.
  await manager.locator('[data-test=good-news-status]').getByText('已发布').click();
  const published = manager.locator('[data-test=good-news-list] li', { hasText: '开门红！测试基金破百万' });
  await published.locator('[data-test=good-news-dismiss]').click();
  await published.waitFor({ state: 'detached' });
  await banner.waitFor({ state: 'detached', timeout: 10_000 });
});

test('a draft detected while the inbox is open appears in it without a reload', async () => {
  const first = (await admin.get('/api/v1/good-news-rules?limit=200')).items.find((r) => r.name === '测试基金今日破百万');
  const fund = first.products.product_ids[0];
  const made = await admin.call('POST', '/api/v1/good-news-rules', {
    name: '测试基金今日破三百万',
    kind: 'product_subscription',
    subject: 'company',
    products: { product_ids: [fund] },
    thresholds: ['3000000.00'],
    templates: { 'zh-CN': '{product}今日破{amount}', en: '{product} passed {amount}' },
    // Live from a moment ago: the demo fund's trades of earlier days are history, silently.
    effective_from: new Date(Date.now() - 45_000).toISOString(),
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  await manager.goto(`${laurel.base}/manage/good-news`);
  await manager.locator('[data-test=good-news-status]').waitFor();
  const list = manager.locator('[data-test=good-news-list] li');
  await list.first().waitFor(); // the demo's drafts waiting for review
  const client = (await admin.get('/api/v1/clients?limit=1')).items[0];
  const trade = await admin.call('POST', '/api/v1/transactions', {
    external_id: `E2E-GN-OPEN-${Date.now()}`,
    client_id: client.id,
    product_id: fund,
    kind: '申购',
    amount: '3500000.00', // past 300万 on its own, whatever day it is in Shanghai
    trade_time: new Date(Date.now() - 30_000).toISOString(),
  });
  assert.equal(trade.status, 201, JSON.stringify(trade.body));
  await manager.locator('[data-test=good-news-list] li', { hasText: '测试基金今日破三百万' }).waitFor({ timeout: 10_000 });
  assert.match(await list.first().innerText(), /测试基金今日破三百万/, 'newest first, where the list has it');
  assert.equal(await manager.locator('.live-notice', { hasText: '测试基金今日破三百万' }).count(), 0,
    'no notice where the news is shown already');
});

test('a manager writes good news by hand with its picture; the open phone shows it', async () => {
  await salesPage.goto(`${laurel.base}/`);
  await salesPage.locator('[data-test=log-visit]').waitFor();
  await manager.goto(`${laurel.base}/manage/good-news`);
  await manager.click('[data-test=good-news-write]');
  const dialog = openDialog(manager);
  await dialog.locator('input[name=written_title]').fill('新委托落地');
  await dialog.locator('textarea[name=written_text]').fill('华东组签下一家城商行的专户委托，感谢大家！');
  await dialog.locator('[data-test=good-news-picture-file]').setInputFiles({ name: 'mandate.png', mimeType: 'image/png', buffer: POSTER });
  await dialog.locator('[data-test=good-news-banner] [data-test=good-news-picture]').waitFor();
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'detached' });

  const banner = salesPage.locator('[data-test=good-news-banners] [data-test=good-news-banner]', { hasText: '新委托落地' });
  await banner.waitFor({ timeout: 10_000 });
  assert.match(await banner.innerText(), /城商行的专户委托/);
  await banner.locator('[data-test=good-news-picture]').waitFor();
});

test('a holdings milestone rule defined in the UI fires on the close the warehouse reports', async () => {
  const fund = await admin.call('POST', '/api/v1/products', { code: `E2EM${Date.now() % 100000}`, name: '里程碑测试基金', type: 'bond' });
  assert.equal(fund.status, 201, JSON.stringify(fund.body));
  await manager.goto(`${laurel.base}/manage/good-news/rules`);
  await manager.click('[data-test=rule-new]');
  const dialog = openDialog(manager);
  await dialog.locator('input[name=rule_name]').fill('里程碑测试基金保有量每破1亿');
  await dialog.locator('[data-test=rule-kind]').getByText('公司保有量每突破…').click();
  const funds = dialog.locator('[data-test=rule-products]');
  const chosen = funds.locator('.el-tag', { hasText: '里程碑测试基金' });
  // The form has just changed shape for the new kind; on a loaded machine the first pick can
  // land while the dropdown is still moving. Pick again until the fund shows as chosen.
  for (let attempt = 0; attempt < 3 && !(await chosen.count()); attempt++) {
    await choose(manager, funds, '里程碑测试基金');
    await chosen.waitFor({ timeout: 3_000 }).catch(() => {});
  }
  await chosen.waitFor();
  await dialog.locator('input[data-test=rule-every]').fill('1亿');
  await dialog.getByText('= 1.00亿').waitFor();
  await dialog.locator('textarea[name=rule_template_zh]').fill('里程碑测试基金保有量突破{amount}！');
  await dialog.locator('textarea[name=rule_template_en]').fill('Holdings passed {amount}!');
  await dialog.locator('[data-test=form-submit]').click();
  await manager.locator('[data-test=rule-list]').getByText('里程碑测试基金保有量每破1亿').waitFor();
  const rule = (await admin.get('/api/v1/good-news-rules?limit=200')).items.find((r) => r.name === '里程碑测试基金保有量每破1亿');
  assert.equal(rule.kind, 'holdings_milestone');
  assert.equal(rule.every, '100000000.00');
  assert.deepEqual(rule.products.product_ids, [fund.body.id]);

  await manager.goto(`${laurel.base}/manage/good-news`);
  await manager.locator('[data-test=good-news-status]').waitFor();
  const client = (await admin.get('/api/v1/clients?limit=1')).items[0];
  // Today's close so far (the rule counts from today's start, company time).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const balance = await admin.call('POST', '/api/v1/holdings/balances', {
    balances: [{ client_id: client.id, product_id: fund.body.id, date: today, amount: '250000000.00' }],
  });
  assert.equal(balance.status, 200, JSON.stringify(balance.body));
  const card = manager.locator('[data-test=good-news-list] li', { hasText: '里程碑测试基金保有量突破2亿' });
  await card.waitFor({ timeout: 10_000 });
  await manager.locator('[data-test=good-news-list] li', { hasText: '里程碑测试基金保有量突破1亿' }).waitFor();
});

test('a board_top rule defined in the UI names a computed board, and is listed as reaching its top', async () => {
  const tag = Date.now() % 100000;
  const made = async (call, what) => {
    const r = await call;
    assert.equal(r.status, 201, `${what}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const metric = await made(
    admin.call('POST', '/api/v1/metrics', {
      code: `e2e.top.subs.${tag}`, name: '登顶测试月认申购', kind: 'sum', source: 'transactions', sum_of: 'amount', subject: 'staff', period: 'month',
      filter: { transaction_kinds: ['subscribe', 'purchase'] },
    }),
    'metric',
  );
  const board = await made(admin.call('POST', '/api/v1/boards', { name: '登顶测试月榜', metric_id: metric.id, scope: 'company' }), 'board');
  // A board ranked lower first has no top to reach: the form does not offer it.
  await made(admin.call('POST', '/api/v1/boards', { name: '登顶测试倒序榜', metric_id: metric.id, scope: 'company', order: 'lower_first' }), 'board');

  await manager.goto(`${laurel.base}/manage/good-news/rules`);
  await manager.click('[data-test=rule-new]');
  const dialog = openDialog(manager);
  await dialog.locator('input[name=rule_name]').fill('登顶测试月榜喜报');
  await dialog.locator('[data-test=rule-kind]').getByText('登顶榜单').click();
  await dialog.getByText('{board}').waitFor(); // the hint names this kind's placeholders
  assert.equal(await dialog.getByText('{amount}').count(), 0);
  await dialog.locator('[data-test=rule-board]').click();
  await manager.keyboard.type('登顶测试');
  const option = manager.locator('.el-select-dropdown__item:visible', { hasText: '登顶测试月榜' });
  await option.waitFor();
  assert.equal(await manager.locator('.el-select-dropdown__item:visible', { hasText: '登顶测试倒序榜' }).count(), 0);
  await option.click();
  await dialog.locator('[data-test=rule-board]', { hasText: '登顶测试月榜' }).waitFor(); // chosen
  await dialog.locator('textarea[name=rule_template_zh]').fill('{person}登顶{board}（{period}）！');
  await dialog.locator('textarea[name=rule_template_en]').fill('{subject} leads {board} for {period}');
  const listed = manager.locator('[data-test=rule-list] li', { hasText: '登顶测试月榜喜报' });
  await submitForm(dialog, listed);
  assert.match(await listed.innerText(), /登顶「登顶测试月榜」/);
  const rule = (await admin.get('/api/v1/good-news-rules?limit=200')).items.find((r) => r.name === '登顶测试月榜喜报');
  assert.equal(rule.kind, 'board_top');
  assert.equal(rule.board_id, board.id);
  assert.deepEqual(rule.thresholds, []);
  assert.equal(rule.templates['zh-CN'], '{person}登顶{board}（{period}）！');
});
