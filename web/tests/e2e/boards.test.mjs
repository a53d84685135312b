// Leaderboards end to end: a board of a small department's people, open on a salesperson's
// phone in second place (my row highlighted, "再多 X 即可超过 Y"); the TA system posts a trade and
// the open page re-ranks without a reload — the podium and the first row name the new leader and
// amount. Then another period and back, "my ranks" on my day; a manager freezing the board, a
// trade reordering it (▲1 / ▼1 live, against the snapshot) and the snapshot still showing the old
// order with "changed since"; and a manager defining, changing and archiving a board in the form
// (its weekly snapshot too; field errors beside the field). Real Laurel on the demo company, real
// Chromium, the live stream over server-sent events.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { creditCode } from './credit-code.mjs';
import { choose, fieldError, openDialog } from './element.mjs';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

const MANAGER = 'cengjianhua'; // the demo's manager of the whole division (demo password)

const PASSWORD = 'laurel-e2e-boards-2026';
const tag = Date.now() % 100000;
let laurel;
let browser;
let admin;
let ta; // the trading system: an integration user's API token
const org = {};

async function created(call, what) {
  const r = await call;
  assert.ok(r.status === 201 || r.status === 200, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A salesperson with a login and a staff record in the department. */
async function salesperson(username, name, department) {
  const user = await created(admin.call('POST', '/api/v1/users', { username, display_name: name, role: 'sales', password: PASSWORD }), 'user');
  const staff = await created(
    admin.call('POST', '/api/v1/staff', { name, title: '客户经理', user_id: user.id, department_id: department, effective_from: '2025-01-01' }),
    'staff',
  );
  return { username, name, staff: staff.id };
}

async function client(name, serial, staffId) {
  const c = await created(
    admin.call('POST', '/api/v1/clients', { name, registration_code: creditCode(`91440300E2EB${String(serial).padStart(5, '0')}`), type: 'bank' }),
    'client',
  );
  await created(
    admin.call('PUT', `/api/v1/clients/${c.id}/coverage`, {
      effective_from: '2025-01-01',
      members: [{ staff_id: staffId, role: 'primary', share_percent: 100 }],
    }),
    'coverage',
  );
  return c.id;
}

async function trade(clientId, amount) {
  const r = await fetch(`${laurel.base}/api/v1/transactions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ta}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      external_id: `E2E-BOARD-${tag}-${clientId}-${amount}`,
      client_id: clientId,
      product_id: org.fund,
      kind: '申购',
      amount,
      trade_time: new Date(Date.now() - 2_000).toISOString(),
    }),
  });
  assert.equal(r.status, 201, await r.text());
}

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  org.department = (await created(admin.call('POST', '/api/v1/departments', { name: `榜单测试部${tag}` }), 'department')).id;
  org.li = await salesperson(`e2e.board.li${tag}`, '李榜测', org.department);
  org.zhou = await salesperson(`e2e.board.zhou${tag}`, '周榜测', org.department);
  org.liBank = await client(`榜单测试银行${tag}`, 1, org.li.staff);
  org.zhouTrust = await client(`榜单测试信托${tag}`, 2, org.zhou.staff);
  org.fund = (await created(admin.call('POST', '/api/v1/products', { code: `E2EB${tag}`, name: '榜单测试基金', type: 'bond' }), 'fund')).id;
  org.metric = (
    await created(
      admin.call('POST', '/api/v1/metrics', {
        code: `e2e.board.subs.${tag}`,
        name: '榜单测试月认申购',
        kind: 'sum',
        source: 'transactions',
        sum_of: 'amount',
        subject: 'staff',
        period: 'month',
        filter: { transaction_kinds: ['subscribe', 'purchase'], product_ids: [org.fund] },
      }),
      'metric',
    )
  ).id;
  org.board = await created(
    admin.call('POST', '/api/v1/boards', { name: '榜单测试部月度认申购榜', metric_id: org.metric, scope: 'department', department_id: org.department }),
    'board',
  );
  const robot = await created(admin.call('POST', '/api/v1/users', { username: `e2e.board.ta${tag}`, display_name: 'TA', role: 'integration' }), 'robot');
  ta = (await created(admin.call('POST', '/api/v1/tokens', { name: 'board e2e TA', user_id: robot.id }), 'token')).token;
  // 周 leads before anyone opens the board.
  await trade(org.zhouTrust, '1000000.00');
});

/** A standings row as read: its rank, its movement mark (null: none), its name and figure. */
async function readRow(row) {
  const cells = row.locator('td');
  const move = row.locator('[data-test=movement]');
  return {
    rank: (await cells.nth(0).innerText()).trim().split(/\s+/)[0],
    move: (await move.count()) ? await move.innerText() : null,
    name: await cells.nth(1).innerText(),
    figure: await cells.nth(2).innerText(),
  };
}

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

test('an open board on a phone re-ranks live when a trade lands: the new leader and amount on the podium', async () => {
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, org.li.username, PASSWORD);
  await page.click('[data-test="nav-/boards"]');
  await page.click(`[data-test=board-open-${org.board.id}]`);
  await page.waitForURL(new RegExp(`/boards/${org.board.id}$`));

  const podiumFirst = page.locator('[data-test=podium-1]');
  await podiumFirst.getByText('周榜测').waitFor();
  assert.match(await podiumFirst.innerText(), /100\.00万/);
  assert.match(await page.locator('[data-test=board-tie-policy]').innerText(), /并列排名 1,2,2,4/);
  // Second, my row highlighted, and what it takes to pass 周.
  const mine = page.locator('[data-test=standings] [data-test=standing-me]');
  const myRow = await readRow(mine);
  assert.equal(myRow.rank, '2');
  assert.match(myRow.name, /李榜测/);
  assert.equal(await mine.locator('td').first().evaluate((td) => getComputedStyle(td).backgroundColor), 'rgb(232, 240, 251)');
  await page.locator('[data-test=board-mine] [data-test=to-pass]').getByText('再多 100.00万 即可超过 周榜测').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling on a phone');

  // The TA system posts 李's trade; the open page follows (no reload: the marker survives).
  await page.evaluate(() => (window.__sameDocument = true));
  await trade(org.liBank, '1500000.00');
  await podiumFirst.getByText('李榜测').waitFor({ timeout: 10_000 });
  assert.match(await podiumFirst.innerText(), /150\.00万/);
  const firstRow = page.locator('[data-test=standings] tbody tr').first();
  const first = await readRow(firstRow);
  assert.deepEqual([first.rank, first.name.includes('李榜测'), first.figure], ['1', true, '150.00万']);
  assert.equal(await firstRow.getAttribute('data-test'), 'standing-me');
  await page.locator('[data-test=board-mine] [data-test=to-pass]').getByText('你排在第一！').waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');

  // Last month: nothing counted yet, everyone level; back to this month.
  const shown = await page.locator('[data-test=period-shown]').innerText();
  await page.click('[data-test=period-previous]');
  await page.waitForURL(/\?period=\d{4}-\d{2}$/);
  await page.locator('[data-test=period-current]').waitFor();
  await page.locator('[data-test=standings] tbody tr').first().getByText('0.00').waitFor();
  assert.equal(await page.locator('[data-test=period-next]').isDisabled(), false);
  await page.click('[data-test=period-current]');
  await page.waitForURL(new RegExp(`/boards/${org.board.id}$`));
  await podiumFirst.getByText('李榜测').waitFor();
  assert.equal(await page.locator('[data-test=period-shown]').innerText(), shown);
  assert.equal(await page.locator('[data-test=period-next]').isDisabled(), true, 'no period not yet begun');
  await context.close();
});

test('"my ranks" on my day: my rank of total and what it takes to pass the one above', async () => {
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, org.zhou.username, PASSWORD);
  const card = page.locator('[data-test=my-ranks]');
  await card.getByText('榜单测试部月度认申购榜').waitFor();
  assert.match(await card.innerText(), /第 2 名 \/ 共 2 名/);
  assert.match(await card.innerText(), /再多 50\.00万 即可超过 李榜测/);
  await card.locator(`[data-test=my-rank-${org.board.id}]`).click();
  await page.waitForURL(new RegExp(`/boards/${org.board.id}$`));
  await page.locator('[data-test=standing-me]').getByText('周榜测').waitFor();
  await context.close();
});

test('a manager freezes the board; a trade reorders it live (▲1 / ▼1); the snapshot keeps the old order', async () => {
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, MANAGER);
  await page.goto(`${laurel.base}/boards/${org.board.id}`);
  const podiumFirst = page.locator('[data-test=podium-1]');
  await podiumFirst.getByText('李榜测').waitFor();

  // 立即定格: asked once more, then the snapshot is shown, frozen, and its link can be shared.
  await page.click('[data-test=board-freeze]');
  await page.locator('.el-popper:visible').getByText('定格', { exact: true }).click();
  await page.waitForURL(/\?snapshot=\d+$/);
  const snapshotId = Number(new URL(page.url()).searchParams.get('snapshot'));
  const banner = page.locator('[data-test=frozen-banner]');
  await banner.getByText(/定格于 \d+月\d+日 \d{2}:\d{2}/).waitFor();
  assert.match(await banner.innerText(), /手动/);
  assert.equal(await page.locator('[data-test=changed-since]').count(), 0);
  const taken = await admin.get(`/api/v1/snapshots/${snapshotId}`);
  assert.equal(taken.kind, 'manual');
  assert.deepEqual(taken.items.map((r) => r.name), ['李榜测', '周榜测']);

  // Back to live: compared with that snapshot, nobody has moved yet.
  await page.click('[data-test=back-to-live]');
  await page.waitForURL(new RegExp(`/boards/${org.board.id}$`));
  await page.locator('[data-test=board-compared]').getByText(/^对比 \d+月\d+日 \d{2}:\d{2} 的快照$/).waitFor();
  const rows = page.locator('[data-test=standings] tbody tr');
  await rows.first().locator('[data-test=movement]').waitFor();
  assert.deepEqual(await Promise.all([0, 1].map(async (i) => (await readRow(rows.nth(i))).move)), ['–', '–']);

  // 周's trade puts him first: the open page shows him up one and 李 down one, without a reload.
  await page.evaluate(() => (window.__sameDocument = true));
  await trade(org.zhouTrust, '1200000.00');
  await podiumFirst.getByText('周榜测').waitFor({ timeout: 10_000 });
  await rows.first().locator('[data-movement=up]').waitFor();
  const [up, down] = [await readRow(rows.nth(0)), await readRow(rows.nth(1))];
  assert.deepEqual([up.rank, up.move, up.name, up.figure], ['1', '▲1', '周榜测', '220.00万']);
  assert.deepEqual([down.rank, down.move, down.name, down.figure], ['2', '▼1', '李榜测', '150.00万']);
  assert.equal(await podiumFirst.locator('[data-test=movement]').innerText(), '▲1');
  assert.equal(await podiumFirst.locator('[data-test=movement]').getAttribute('aria-label'), '上升 1 名');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling on a phone');

  // The snapshot, chosen in the picker, still has the old order, and says the period changed since.
  await page.click('[data-test=snapshot-picker]');
  const option = page.locator(`.el-select-dropdown__item[data-test=snapshot-option-${snapshotId}]`);
  assert.match(await option.innerText(), /^手动 · \d{4}年\d+月 · \d+月\d+日 \d{2}:\d{2}$/);
  await option.click();
  await page.waitForURL(new RegExp(`\\?snapshot=${snapshotId}$`));
  await page.locator('[data-test=changed-since]').getByText('此后有补录记录改变了该期排名').waitFor();
  const frozenFirst = await readRow(rows.first());
  assert.deepEqual([frozenFirst.rank, frozenFirst.move, frozenFirst.name, frozenFirst.figure], ['1', null, '李榜测', '150.00万']);
  assert.match((await readRow(rows.nth(1))).name, /周榜测/);
  assert.match(await podiumFirst.innerText(), /李榜测/);
  assert.equal(await page.locator('[data-test=board-freeze]').count(), 0, 'a frozen board is read-only');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling on a phone');

  // The shared link opens the same frozen board (under its own board, whichever the link names);
  // back to live from there.
  const shared = await context.newPage();
  const demoBoard = (await admin.get('/api/v1/boards?limit=1')).items[0].id;
  assert.notEqual(demoBoard, org.board.id);
  await shared.goto(`${laurel.base}/boards/${demoBoard}?snapshot=${snapshotId}`);
  await shared.waitForURL(new RegExp(`/boards/${org.board.id}\\?snapshot=${snapshotId}$`));
  await shared.locator('[data-test=changed-since]').waitFor();
  assert.match(await shared.locator('[data-test=podium-1]').innerText(), /李榜测/);
  await shared.click('[data-test=back-to-live]');
  await shared.locator('[data-test=podium-1]').getByText('周榜测').waitFor();
  await context.close();
});

test('a manager defines a board in the form, changes its tie policy and archives it', async () => {
  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, 'admin');
  await page.click('[data-test="nav-/boards"]');
  await page.click('[data-test=board-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[name=board_name]').fill('表单测试榜');
  // No metric chosen: the API's field error lands beside the metric.
  await dialog.locator('[data-test=form-submit]').click();
  await fieldError(dialog, '按哪个指标排名').waitFor();
  await choose(page, dialog.locator('[data-test=board-metric]'), '榜单测试月认申购', { type: true });
  await dialog.locator('[data-test=board-scope]').getByText('一个部门（含下级）').click();
  await choose(page, dialog.locator('[data-test=board-department]'), `榜单测试部${tag}`, { type: true });
  await dialog.locator('[data-test=board-visibility]').getByText('仅管理者').click();
  // Frozen every Friday at 17:30, and each month's close three days after it ends.
  await dialog.locator('[data-test=board-schedule]').getByText('每周', { exact: true }).click();
  await choose(page, dialog.locator('[data-test=board-schedule-weekday]'), '周五');
  await choose(page, dialog.locator('[data-test=board-schedule-time]'), '17:30', { type: true });
  const grace = dialog.locator('[data-test=board-grace-days] input');
  assert.equal(await grace.inputValue(), '1', 'a day by default');
  await grace.fill('3');
  await grace.press('Tab');
  await dialog.locator('[data-test=form-submit]').click();
  const row = page.locator('[data-test=board-list] li', { hasText: '表单测试榜' });
  await row.getByText('并列排名 1,2,2,4').waitFor();
  await row.getByText('仅管理者可见').waitFor();
  const made = (await admin.get('/api/v1/boards?limit=200')).items.find((b) => b.name === '表单测试榜');
  assert.equal(made.metric_id, org.metric);
  assert.equal(made.scope, 'department');
  assert.equal(made.department_id, org.department);
  assert.equal(made.visibility, 'managers');
  assert.deepEqual(made.snapshot_schedule, { weekday: 'friday', time: '17:30' });
  assert.equal(made.close_grace_days, 3);

  await page.click(`[data-test=board-edit-${made.id}]`);
  const edit = openDialog(page);
  // The schedule is shown again as saved; then it is turned off.
  assert.match(await edit.locator('[data-test=board-schedule] .el-radio.is-checked').innerText(), /^每周$/);
  assert.equal(await edit.locator('[data-test=board-schedule-weekday] .el-select__selected-item:not(.el-select__input-wrapper)').innerText(), '周五');
  assert.equal(await edit.locator('[data-test=board-schedule-time] .el-select__selected-item:not(.el-select__input-wrapper)').innerText(), '17:30');
  assert.equal(await edit.locator('[data-test=board-grace-days] input').inputValue(), '3');
  await edit.locator('[data-test=board-schedule]').getByText('不定时（只手动定格）').click();
  await edit.locator('[data-test=board-tie-policy]').getByText('同分时先达到者排前').click();
  await edit.locator('[data-test=form-submit]').click();
  await row.getByText('同分时先达到者排前').waitFor();
  const changed = await admin.get(`/api/v1/boards/${made.id}`);
  assert.equal(changed.tie_policy, 'first_to_reach');
  assert.equal(changed.snapshot_schedule, null);
  assert.equal(changed.close_grace_days, 3);

  await page.click(`[data-test=board-archive-${made.id}]`);
  await page.locator('.el-popper:visible .el-button--primary').click();
  await row.waitFor({ state: 'detached' });
  assert.equal((await admin.call('GET', `/api/v1/boards/${made.id}`)).status, 404);
  await context.close();
});
