// Leaderboard exports and privacy end to end, on a board of six people in a small department:
// a manager exports the live board as XLSX and a snapshot as CSV (the files arrive with the
// server's names, in the UI's language; salespeople get no buttons); a salesperson turns on
// "hide my name" and is "Hidden" at their rank to a colleague (English) and on the manager's TV
// (the public view), while the manager's page and their own still name them; and a board the
// manager clips to its top 1 in the form shows a salesperson the top row, a gap and their own
// neighbourhood, the manager the whole board. Real Laurel on the demo company, real Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { boardWorld, created } from './board-world.mjs';
import { openDialog } from './element.mjs';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

const MANAGER = 'cengjianhua'; // the demo's manager of the whole division (demo password)
const PASSWORD = 'laurel-e2e-privacy-2026';
const tag = Date.now() % 100000;
let laurel;
let browser;
let admin;
let ta; // the trading system: an integration user's API token
const org = {};
// First to last: 600万, 500万, … 100万 this month.
const PEOPLE = ['甲', '乙', '丙', '丁', '戊', '己'];

const world = { password: PASSWORD, codePrefix: '91440300E2EP', tradePrefix: `E2E-PRIVACY-${tag}` };
const { salesperson, client, trade } = boardWorld(world);

const board = (name, extra = {}) =>
  created(admin.call('POST', '/api/v1/boards', { name, metric_id: org.metric, scope: 'department', department_id: org.department, ...extra }), 'board');

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  Object.assign(world, { laurel, admin, org });
  org.department = (await created(admin.call('POST', '/api/v1/departments', { name: `隐私测试部${tag}` }), 'department')).id;
  org.fund = (await created(admin.call('POST', '/api/v1/products', { code: `E2EP${tag}`, name: '隐私测试基金', type: 'bond' }), 'fund')).id;
  org.metric = (
    await created(
      admin.call('POST', '/api/v1/metrics', {
        code: `e2e.privacy.subs.${tag}`, name: '隐私测试月认申购', kind: 'sum', source: 'transactions', sum_of: 'amount', subject: 'staff', period: 'month',
        filter: { transaction_kinds: ['subscribe', 'purchase'], product_ids: [org.fund] },
      }),
      'metric',
    )
  ).id;
  org.board = await board('隐私测试部月度榜');
  const robot = await created(admin.call('POST', '/api/v1/users', { username: `e2e.privacy.ta${tag}`, display_name: 'TA', role: 'integration' }), 'robot');
  ta = (await created(admin.call('POST', '/api/v1/tokens', { name: 'privacy e2e TA', user_id: robot.id }), 'token')).token;
  world.ta = ta;
  org.people = [];
  for (const [i, w] of PEOPLE.entries()) {
    const p = await salesperson(`e2e.privacy.${i}.${tag}`, `榜私${w}${tag % 100}`);
    await trade(await client(`隐私测试银行${w}${tag}`, i + 1, p.staff), `${(PEOPLE.length - i) * 1000000}.00`);
    org.people.push(p);
  }
  org.period = (await admin.get(`/api/v1/boards/${org.board.id}/standings?limit=1`)).period;
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

/** The board table's lines: a person's name cell, or "⋯" for places left out. */
async function lines(page) {
  return page.locator('[data-test=standings] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => (tr.classList.contains('gap') ? '⋯' : tr.querySelectorAll('td')[1].innerText.trim())),
  );
}

async function openBoard(page, id) {
  await page.goto(`${laurel.base}/boards/${id}`);
  await page.locator('[data-test=podium-1]').getByText(org.people[0].name).waitFor();
}

test('a manager exports the board shown as XLSX and a snapshot as CSV, in the UI\'s language', async () => {
  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, MANAGER);
  await openBoard(page, org.board.id);

  const asked = page.waitForRequest((r) => r.url().includes('/export'));
  const arriving = page.waitForEvent('download');
  await page.click('[data-test=board-export-xlsx]');
  const url = new URL((await asked).url());
  assert.equal(url.pathname, `/api/v1/boards/${org.board.id}/export`);
  assert.deepEqual(Object.fromEntries(url.searchParams), { period: org.period, format: 'xlsx', lang: 'zh-CN' });
  const xlsx = await arriving;
  assert.equal(xlsx.suggestedFilename(), `board-${org.board.id}-${org.period}.xlsx`);
  assert.equal(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');

  // A snapshot chosen in the picker: that one is exported instead.
  const snapshot = await created(admin.call('POST', `/api/v1/boards/${org.board.id}/snapshots`, {}), 'snapshot');
  await page.goto(`${laurel.base}/boards/${org.board.id}?snapshot=${snapshot.id}`);
  await page.locator('[data-test=frozen-banner]').waitFor();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=board-export-csv]')]);
  assert.equal(csv.suggestedFilename(), `snapshot-${snapshot.id}-${snapshot.period}.csv`);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark, so Excel reads Chinese');
  assert.match(text, new RegExp(org.people[0].name));
  assert.equal(await page.locator('[data-test=board-export-error]').count(), 0);
  await context.close();
});

test('a salesperson hides their name: "Hidden" at their rank to others, named to the manager and to themselves', async () => {
  const [first, hider, colleague] = org.people;
  // The hider turns it on from the boards list, on a phone.
  const own = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const mine = await own.newPage();
  await signIn(mine, laurel.base, hider.username, PASSWORD);
  await mine.click('[data-test="nav-/boards"]');
  const privacy = mine.locator('[data-test=board-privacy]');
  await privacy.getByText('在公开排行榜上隐藏我的姓名').waitFor();
  assert.match(await privacy.innerText(), /其他人能看到你的名次和业绩，但看不到你的姓名/);
  const toggle = privacy.locator('[data-test=board-privacy-switch]');
  assert.equal(await toggle.evaluate((e) => e.classList.contains('is-checked')), false);
  await toggle.click();
  await mine.locator('[data-test=board-privacy-switch].is-checked').waitFor();
  const hiderApi = await apiAs(laurel.base, hider.username, PASSWORD);
  assert.deepEqual(await hiderApi.get('/api/v1/me/board-privacy'), { staff_id: hider.staff, hide_from_boards: true });
  // Their own page still names them, marked as hidden from others.
  await mine.click(`[data-test=board-open-${org.board.id}]`);
  const myRow = mine.locator('[data-test=standings] [data-test=standing-me]');
  await myRow.getByText(hider.name).waitFor();
  assert.equal(await myRow.locator('[data-test=hidden-mark]').innerText(), '对他人匿名');
  await mine.locator('[data-test=board-mine] [data-test=hidden-mark]').waitFor();
  await own.close();

  // A colleague (in English) sees the rank and figure without the name, and no export buttons.
  const other = await browser.newContext({ ...pc, locale: 'en-US' });
  const page = await other.newPage();
  await signIn(page, laurel.base, colleague.username, PASSWORD);
  await openBoard(page, org.board.id);
  const second = page.locator('[data-test=standings] tbody tr').nth(1);
  assert.equal((await second.locator('td').nth(0).innerText()).split(/\s+/)[0], '2'); // then its movement
  assert.equal(await second.locator('[data-test=hidden-name]').innerText(), 'Hidden');
  assert.equal(await second.locator('[data-test=hidden-name]').evaluate((e) => getComputedStyle(e).fontStyle), 'italic');
  assert.equal(await second.locator('td').nth(2).innerText(), '5.00M');
  assert.match(await page.locator('[data-test=podium-2]').innerText(), /Hidden/);
  await page.locator('[data-test=board-mine] [data-test=to-pass]').getByText('1.00M more to pass Hidden').waitFor();
  assert.ok(!(await page.locator('body').innerText()).includes(hider.name), 'the name is nowhere on the page');
  assert.equal(await page.locator('[data-test=board-export-xlsx]').count(), 0, 'salespeople do not export');
  assert.equal(await page.locator('[data-test=hidden-mark]').count(), 0);
  await other.close();

  // The manager's page names them (marked); the manager's TV shows what the sales floor sees.
  const boss = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const manager = await boss.newPage();
  await signIn(manager, laurel.base, MANAGER);
  await openBoard(manager, org.board.id);
  const named = manager.locator('[data-test=standings] tbody tr').nth(1);
  assert.match(await named.locator('td').nth(1).innerText(), new RegExp(hider.name));
  await named.locator('[data-test=hidden-mark]').waitFor();
  assert.equal(await named.locator('[data-test=hidden-name]').count(), 0);
  await manager.goto(`${laurel.base}/tv?boards=${org.board.id}&every=60`);
  const tv = manager.locator(`[data-test=tv-board-${org.board.id}]`);
  await tv.locator('[data-test=tv-podium-1]').getByText(first.name).waitFor();
  assert.equal(await tv.locator('[data-test=tv-podium-2] [data-test=hidden-name]').innerText(), '匿名');
  assert.ok(!(await tv.innerText()).includes(hider.name), 'not on the wall');
  await boss.close();
});

test('a board the manager clips to its top 1 shows a salesperson the top, a gap and their neighbourhood', async () => {
  const clipped = await board('隐私测试部前一名榜');
  // The manager sets it in the form: only the top N, N = 1.
  const boss = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const manager = await boss.newPage();
  await signIn(manager, laurel.base, MANAGER);
  await manager.click('[data-test="nav-/boards"]');
  await manager.click(`[data-test=board-edit-${clipped.id}]`);
  const dialog = openDialog(manager);
  assert.match(await dialog.locator('[data-test=board-public-top] .el-radio.is-checked').innerText(), /向所有人显示整个榜单/);
  await dialog.locator('[data-test=board-public-top]').getByText('只显示前 N 名（以及每人前后的人）').click();
  const n = dialog.locator('[data-test=board-public-top-n] input');
  assert.equal(await n.inputValue(), '10', 'ten by default');
  await n.fill('1');
  await n.press('Tab');
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await admin.get(`/api/v1/boards/${clipped.id}`)).public_top, 1);

  // 戊, fifth: the top row, a gap, then two above and one below (there is no second below).
  const [top, , third, fourth, fifth, sixth] = org.people;
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, fifth.username, PASSWORD);
  await openBoard(page, clipped.id);
  await page.locator('[data-test=standing-gap]').waitFor();
  const shown = await lines(page);
  assert.equal(shown.length, 6, shown.join(' | '));
  assert.deepEqual([shown[0], shown[1], shown[2], shown[3]], [top.name, '⋯', third.name, fourth.name]);
  assert.match(shown[4], new RegExp(`^${fifth.name}`));
  assert.equal(shown[5], sixth.name);
  assert.equal((await page.locator('[data-test=standings] [data-test=standing-me] td').first().innerText()).split(/\s+/)[0], '5');
  assert.equal(await page.locator('[data-test=board-restricted]').innerText(), '仅显示前 1 名和你前后的人');
  assert.equal(await page.locator('[data-test=podium-2]').count(), 0, 'nobody else on the podium');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling on a phone');
  await context.close();

  // The manager sees the whole board: six rows, no gap, no note; their TV only the top one.
  await openBoard(manager, clipped.id);
  await manager.locator('[data-test=standings] tbody tr').nth(5).waitFor();
  assert.equal((await lines(manager)).filter((l) => l === '⋯').length, 0);
  assert.equal(await manager.locator('[data-test=board-restricted]').count(), 0);
  await manager.goto(`${laurel.base}/tv?boards=${clipped.id}&every=60`);
  const tv = manager.locator(`[data-test=tv-board-${clipped.id}]`);
  await tv.locator('[data-test=tv-podium-1]').getByText(top.name).waitFor();
  assert.equal(await tv.locator('[data-test=tv-podium-2]').count(), 0);
  await boss.close();
});
