// Manual and hybrid leaderboards end to end, on a small department of four people: a manager
// defines a hand-compiled board with maker-checker approval in the form, enters two rows on its
// page, sees the API refuse a bad figure beside its line (nothing saved, the form kept), fixes
// it and submits — pending, which they may not approve themselves; a second manager approves
// and the board ranks the two, each marked "手工". An uploaded CSV naming nobody known is refused
// with that line's error. A hybrid board ranks the computed people and a manual row among them,
// only that one marked. Real Laurel on the demo company, real Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { boardWorld, created } from './board-world.mjs';
import { choose, openDialog } from './element.mjs';
import { apiAs, launchBrowser, pc, signIn, startLaurel } from './harness.mjs';

const MANAGER = 'cengjianhua'; // the demo's manager of the whole division (demo password)
const PASSWORD = 'laurel-e2e-manual-2026';
const tag = Date.now() % 100000;
let laurel;
let browser;
let admin;
const org = {};
const PEOPLE = ['甲', '乙', '丙', '丁'];

const world = { password: PASSWORD, codePrefix: '91440300E2EM', tradePrefix: `E2E-MANUAL-${tag}` };
const { salesperson, client, trade } = boardWorld(world);

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  Object.assign(world, { laurel, admin, org });
  org.department = (await created(admin.call('POST', '/api/v1/departments', { name: `手工榜测试部${tag}` }), 'department')).id;
  org.fund = (await created(admin.call('POST', '/api/v1/products', { code: `E2EM${tag}`, name: '手工榜测试基金', type: 'bond' }), 'fund')).id;
  org.metric = (
    await created(
      admin.call('POST', '/api/v1/metrics', {
        code: `e2e.manual.subs.${tag}`, name: '手工榜测试月认申购', kind: 'sum', source: 'transactions', sum_of: 'amount', subject: 'staff', period: 'month',
        filter: { transaction_kinds: ['subscribe', 'purchase'], product_ids: [org.fund] },
      }),
      'metric',
    )
  ).id;
  const robot = await created(admin.call('POST', '/api/v1/users', { username: `e2e.manual.ta${tag}`, display_name: 'TA', role: 'integration' }), 'robot');
  world.ta = (await created(admin.call('POST', '/api/v1/tokens', { name: 'manual e2e TA', user_id: robot.id }), 'token')).token;
  org.people = [];
  for (const [i, w] of PEOPLE.entries()) org.people.push(await salesperson(`e2e.manual.${i}.${tag}`, `手榜${w}${tag % 100}`));
  // The checker: a second manager, made by the admin.
  org.checker = `e2e.manual.checker${tag}`;
  await created(admin.call('POST', '/api/v1/users', { username: org.checker, display_name: '复核经理', role: 'manager', password: PASSWORD }), 'checker');
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

/** The board table's rows: rank, name (without its tag), whether it is marked manual, figure. */
async function rowsOf(page) {
  return page.locator('[data-test=standings] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const [rank, who, figure] = tr.querySelectorAll('td');
      const tag = who.querySelector('[data-test=manual-tag]');
      return {
        rank: rank.innerText.trim().split(/\s+/)[0],
        name: who.innerText.replace(tag?.innerText ?? '', '').trim(),
        manual: tag ? tag.innerText.trim() : null,
        figure: figure.innerText.trim(),
      };
    }),
  );
}

test('a manager defines a manual board with approval, enters rows (a bad one refused by line), and another manager approves them', async () => {
  const [first, second] = org.people;
  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, MANAGER);
  await page.click('[data-test="nav-/boards"]');
  await page.click('[data-test=board-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[name=board_name]').fill(`季度特别活动榜${tag}`);
  await dialog.locator('[data-test=board-kind]').getByText('手工录入', { exact: true }).click();
  await dialog.locator('[data-test=board-metric]').waitFor({ state: 'detached' });
  await dialog.locator('[data-test=board-amounts]').getByText('金额（元').click();
  await dialog.locator('[data-test=board-scope]').getByText('一个部门（含下级）').click();
  await choose(page, dialog.locator('[data-test=board-department]'), `手工榜测试部${tag}`, { type: true });
  await dialog.locator('[data-test=board-approval]').click();
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  const made = (await admin.get('/api/v1/boards?limit=200')).items.find((b) => b.name === `季度特别活动榜${tag}`);
  assert.deepEqual(
    [made.kind, made.metric_id, made.subject, made.period, made.amounts, made.approval_required],
    ['manual', null, 'staff', 'month', true, true],
  );
  const listed = page.locator('[data-test=board-list] li', { hasText: `季度特别活动榜${tag}` });
  assert.equal(await listed.locator('[data-test=board-kind]').innerText(), '手工榜');

  // Its page: nobody yet; the manual rows panel for this month.
  await listed.locator(`[data-test=board-open-${made.id}]`).click();
  const panel = page.locator('[data-test=manual-rows]');
  await panel.waitFor();
  await page.getByText('榜上还没有人').waitFor();
  const period = (await admin.get(`/api/v1/boards/${made.id}/standings?limit=1`)).period;
  await choose(page, panel.locator('[data-test=manual-line-1] [data-test=manual-subject]'), first.name, { type: true });
  await panel.locator('[data-test=manual-line-1] input[data-test=manual-value]').fill('1.2万');
  await panel.locator('[data-test=manual-add]').click();
  await choose(page, panel.locator('[data-test=manual-line-2] [data-test=manual-subject]'), second.name, { type: true });
  await panel.locator('[data-test=manual-line-2] input[data-test=manual-value]').fill('abc');
  await panel.locator('[data-test=manual-line-2] input[data-test=manual-note]').fill('线下活动');
  await panel.locator('[data-test=manual-submit]').click();

  // Refused: line 2's figure, listed; nothing saved; the lines as typed.
  const errors = panel.locator('[data-test=manual-errors]');
  await errors.waitFor();
  const listedErrors = await errors.locator('li').allInnerTexts();
  assert.equal(listedErrors.length, 1, listedErrors.join(' | '));
  assert.match(listedErrors[0], /^第 2 行 · 成绩：/);
  assert.ok(await panel.locator('[data-test=manual-line-2]').evaluate((e) => e.classList.contains('bad')));
  assert.deepEqual((await admin.get(`/api/v1/boards/${made.id}/rows?period=${period}`)).items, []);
  assert.equal(await panel.locator('[data-test=manual-line-1] input[data-test=manual-value]').inputValue(), '1.2万');
  assert.equal(await panel.locator('[data-test=manual-line-2] input[data-test=manual-note]').inputValue(), '线下活动');

  // Fixed and submitted: pending, which its maker may not approve.
  await panel.locator('[data-test=manual-line-2] input[data-test=manual-value]').fill('8000');
  await panel.locator('[data-test=manual-submit]').click();
  const v1 = panel.locator('[data-test=manual-version-1]');
  await v1.waitFor();
  assert.equal(await v1.getAttribute('data-status'), 'pending');
  assert.equal(await v1.locator('[data-test=manual-status]').innerText(), '待审批');
  assert.equal(await v1.locator('[data-test=manual-approve]').isDisabled(), true);
  assert.match(await v1.locator('[data-test=manual-own]').innerText(), /须由另一位管理者或管理员批准/);
  assert.equal(await panel.locator('[data-test=manual-errors]').count(), 0);
  const [pending] = (await admin.get(`/api/v1/boards/${made.id}/rows?period=${period}`)).items;
  assert.deepEqual(
    pending.rows.map((r) => [r.subject_id, r.value, r.note]),
    [[first.staff, '12000.00', null], [second.staff, '8000.00', '线下活动']],
  );
  assert.equal(await page.getByText('榜上还没有人').count(), 1, 'not on the board before approval');

  // The checker approves it: the board ranks the two, each marked as entered by hand.
  const other = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const checker = await other.newPage();
  await signIn(checker, laurel.base, org.checker, PASSWORD);
  await checker.goto(`${laurel.base}/boards/${made.id}`);
  const theirs = checker.locator('[data-test=manual-rows] [data-test=manual-version-1]');
  await theirs.locator('[data-test=manual-approve]').click();
  await checker.locator('[data-test=manual-rows] [data-test=manual-version-1][data-status=published]').waitFor();
  await checker.locator('[data-test=podium-1]').getByText(first.name).waitFor();
  assert.deepEqual(await rowsOf(checker), [
    { rank: '1', name: first.name, manual: '手工', figure: '1.20万' },
    { rank: '2', name: second.name, manual: '手工', figure: '8,000.00' },
  ]);
  assert.match(await checker.locator('[data-test=podium-1]').innerText(), /手工/);
  // The maker's page follows on its own (the live stream): the two rows, and nothing left to approve.
  await page.locator('[data-test=podium-1]').getByText(first.name).waitFor({ timeout: 10_000 });
  await v1.and(page.locator('[data-status=published]')).waitFor({ timeout: 10_000 });
  await other.close();
  await context.close();
});

test('an uploaded CSV naming someone unknown is refused with that line\'s error; the file fixed, it is published', async () => {
  const [first] = org.people;
  const made = await created(
    admin.call('POST', '/api/v1/boards', { name: `上传测试榜${tag}`, kind: 'manual', subject: 'staff', period: 'month', amounts: false, scope: 'department', department_id: org.department }),
    'manual board',
  );
  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, MANAGER);
  await page.goto(`${laurel.base}/boards/${made.id}`);
  const panel = page.locator('[data-test=manual-rows]');
  await panel.locator('.el-tabs__item', { hasText: '上传 CSV/XLSX' }).click();
  // The template to fill in: this period's file, an XLSX (a zip), named by the server.
  const [template] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-test=manual-template]').click()]);
  assert.match(template.suggestedFilename(), new RegExp(`^board-rows-${made.id}-\\d{4}-\\d{2}\\.xlsx$`));
  assert.equal(readFileSync(await template.path()).subarray(0, 2).toString('latin1'), 'PK');
  await panel.locator('[data-test=manual-file]').setInputFiles({
    name: 'rows.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF姓名,成绩,备注\r\n${first.name},15000,\r\n查无此人${tag},9000,\r\n`, 'utf8'),
  });
  await panel.locator('[data-test=manual-file-submit]').click();
  const errors = panel.locator('[data-test=manual-file-errors] li');
  await errors.first().waitFor();
  const texts = await errors.allInnerTexts();
  assert.equal(texts.length, 1, texts.join(' | '));
  assert.match(texts[0], /^第 3 行 · /);
  // Nothing saved; the file fixed, it is (published at once: no approval asked).
  assert.equal(await panel.locator('[data-test^=manual-version-]').count(), 0);
  await panel.locator('[data-test=manual-file]').setInputFiles({
    name: 'rows.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF姓名,成绩,备注\r\n${first.name},15,路演\r\n`, 'utf8'),
  });
  await panel.locator('[data-test=manual-file-submit]').click();
  await panel.locator('[data-test=manual-version-1][data-status=published]').waitFor();
  assert.equal(await panel.locator('[data-test=manual-file-errors]').count(), 0);
  await page.locator('[data-test=podium-1]').getByText(first.name).waitFor();
  assert.deepEqual(await rowsOf(page), [{ rank: '1', name: first.name, manual: '手工', figure: '15' }]);
  await context.close();
});

test('a hybrid board ranks the computed people and a manual row among them, only that one marked', async () => {
  const [a, b, c] = org.people;
  await trade(await client(`手工榜测试银行甲${tag}`, 1, a.staff), '6000000.00');
  await trade(await client(`手工榜测试银行乙${tag}`, 2, b.staff), '5000000.00');
  const hybrid = await created(
    admin.call('POST', '/api/v1/boards', { name: `混合测试榜${tag}`, kind: 'hybrid', metric_id: org.metric, scope: 'department', department_id: org.department }),
    'hybrid board',
  );
  assert.equal(hybrid.kind, 'hybrid');
  const period = (await admin.get(`/api/v1/boards/${hybrid.id}/standings?limit=1`)).period;
  const version = await created(
    admin.call('POST', `/api/v1/boards/${hybrid.id}/rows?period=${period}`, { rows: [{ subject_id: c.staff, value: '5500000.00', note: '线下认购' }] }),
    'manual row',
  );
  assert.equal(version.status, 'published', 'no approval asked');

  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, MANAGER);
  await page.click('[data-test="nav-/boards"]');
  const listed = page.locator('[data-test=board-list] li', { hasText: `混合测试榜${tag}` });
  assert.equal(await listed.locator('[data-test=board-kind]').innerText(), '混合榜');
  await listed.locator(`[data-test=board-open-${hybrid.id}]`).click();
  await page.locator('[data-test=podium-1]').getByText(a.name).waitFor();
  const rows = await rowsOf(page);
  assert.deepEqual(rows.slice(0, 3).map((r) => [r.rank, r.name, r.manual, r.figure]), [
    ['1', a.name, null, '600.00万'],
    ['2', c.name, '手工', '550.00万'],
    ['3', b.name, null, '500.00万'],
  ]);
  assert.equal(rows.filter((r) => r.manual).length, 1);
  assert.match(await page.locator('[data-test=podium-2]').innerText(), /手工/);
  assert.equal(await page.locator('[data-test=podium-1] [data-test=manual-tag]').count(), 0);
  // The panel shows the version on the board.
  await page.locator('[data-test=manual-rows] [data-test=manual-version-1][data-status=published]').waitFor();
  await context.close();
});
