// Recognition end to end: a new salesperson's "my day" is open on a PC; they log their first
// visit on their phone, and the open page shows the points it earned, the level they lift them
// to and the system sergeant's visit flag filled in its colour — without a reload, through the
// live stream. Real Laurel on the
// demo company (its visit rule pays 10 points), real Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { choose, openDialog, submitForm } from './element.mjs';
import { apiAs, demoPassword, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

let laurel;
let browser;
let admin;
let client;
let staffId;
const username = 'e2e.newcomer';

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  const department = (await admin.get('/api/v1/departments')).items[0];
  const user = await admin.call('POST', '/api/v1/users', {
    username, display_name: '新同事', role: 'sales', password: demoPassword });
  assert.equal(user.status, 201, JSON.stringify(user.body));
  const staff = await admin.call('POST', '/api/v1/staff', {
    name: '新同事', department_id: department.id, user_id: user.body.id, effective_from: '2025-01-01' });
  assert.equal(staff.status, 201, JSON.stringify(staff.body));
  staffId = staff.body.id;
  // A first rung within reach of a first day's points, so the level-up moment can be seen.
  const ladder = await admin.call('PUT', '/api/v1/point-levels', {
    levels: [{ name: '新秀', from: 0 }, { name: '起步', from: 10 }, { name: '能手', from: 1000 }] });
  assert.equal(ladder.status, 200, JSON.stringify(ladder.body));
  client = (await admin.get('/api/v1/clients?limit=1')).items[0];
  const covered = await admin.call('PUT', `/api/v1/clients/${client.id}/coverage`, {
    effective_from: '2025-01-01', members: [{ staff_id: staff.body.id, role: 'primary', share_percent: 100 }] });
  assert.equal(covered.status, 200, JSON.stringify(covered.body));
});

// The newcomer logs a visit to their client on their phone, as after a meeting; the phone's
// context, for the caller to close.
async function logVisitOnPhone(notes) {
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const mobile = await context.newPage();
  await signIn(mobile, laurel.base, username);
  await mobile.goto(`${laurel.base}/visits/new?client=${client.id}`);
  await mobile.locator('[data-test=visit-form]').waitFor();
  await mobile.fill('textarea[name=notes]', notes);
  await mobile.click('[data-test=visit-save]');
  await mobile.waitForURL(/\/clients\/\d+\?tab=visits/);
  return context;
}

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

test('a visit logged on a phone earns points and a first-use flag that appear on the open home page', async () => {
  const home = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(home, laurel.base, username);
  const card = home.locator('[data-test=my-recognition]');
  await card.waitFor();
  assert.equal(await card.locator('[data-test=my-status-points]').textContent(), '0');
  const flag = card.locator('[data-test=flag-visit]');
  assert.equal(await flag.getAttribute('data-earned'), 'false');
  assert.match(await card.textContent(), /系统旗帜 0\/12/);

  const phoneContext = await logVisitOnPhone('第一次拜访：介绍公司和产品线');

  // The PC was never reloaded: the live stream told it.
  await home.locator('[data-test=flag-visit][data-earned=true]').waitFor({ timeout: 10_000 });
  await home.waitForFunction(
    () => Number(document.querySelector('[data-test=my-status-points]')?.textContent?.replace(/,/g, '')) > 0,
    undefined, { timeout: 10_000 });
  const points = await admin.get(`/api/v1/points?staff_id=${staffId}`);
  assert.equal(await card.locator('[data-test=my-status-points]').textContent(), points.status.toLocaleString('zh-CN'));
  assert.ok(points.status >= 10, `the demo's visit rule pays 10 points; got ${points.status}`);
  assert.match(await card.textContent(), /系统旗帜 1\/12/);
  // The points lifted the newcomer to the first rung: the open page says so.
  assert.match(await home.locator('[data-test=level-up]').textContent(), /恭喜升级为"起步"/);
  assert.equal(await card.locator('[data-test=my-level]').textContent(), '起步');
  const colour = await home.locator('[data-test=flag-visit]').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(colour, 'rgb(211, 47, 47)'); // #D32F2F, the visit flag's colour
  await phoneContext.close();
  await home.context().close();
});

// This week's ISO week in the company's zone (Asia/Shanghai, UTC+8 all year).
function thisWeek() {
  const d = new Date(Date.now() + 8 * 3600_000);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7)); // the week's Thursday
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((day - firstThursday) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

test('on a phone a person opts out of public celebration: the parade marks them for managers', async () => {
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const mobile = await context.newPage();
  await signIn(mobile, laurel.base, username);
  const toggle = mobile.locator('[data-test=celebration-switch]');
  await toggle.waitFor();
  assert.match(await toggle.getAttribute('class'), /is-checked/);
  await toggle.click();
  await mobile.waitForFunction(
    () => !document.querySelector('[data-test=celebration-switch]')?.classList.contains('is-checked'));
  const staff = await admin.get(`/api/v1/staff/${staffId}`);
  assert.equal(staff.celebrate_publicly, false);
  // The first test's visit flag is this week's: the admin still sees it, marked not to be read out.
  const parade = await admin.get(`/api/v1/flags/parade?week=${thisWeek()}`);
  const mine = parade.people.find((p) => p.staff_id === staffId);
  assert.ok(mine, JSON.stringify(parade));
  assert.equal(mine.celebrate_publicly, false);
  await context.close();
});

test('a manager sets a challenge in the UI; a visit on the phone completes it on the open home page', async () => {
  const metric = await admin.call('POST', '/api/v1/metrics', {
    code: 'e2e.challenge.visits', name: '挑战周拜访', kind: 'count', source: 'visits', subject: 'staff', period: 'week' });
  assert.equal(metric.status, 201, JSON.stringify(metric.body));

  const office = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(office, laurel.base, 'cengjianhua');
  await office.goto(`${laurel.base}/manage/challenges`);
  await office.click('[data-test=challenge-new]');
  const dialog = openDialog(office);
  await dialog.locator('input[name=challenge_name]').fill('新人本周两访');
  await choose(office, dialog.locator('[data-test=challenge-metric]'), '挑战周拜访', { type: true });
  // The window offered first is this week.
  await dialog.locator('[data-test=challenge-period]').getByText(/第 \d+ 周/).waitFor();
  await dialog.locator('input[name=challenge_goal]').fill('2');
  // A multiple select stays open after a pick: a click on the dialog's title closes it (Escape
  // could close the dialog too).
  const people = dialog.locator('[data-test=challenge-participants]');
  await people.click();
  await office.keyboard.type('新同事');
  await office.locator('.el-select-dropdown__item:visible', { hasText: '新同事' }).first().click();
  await dialog.locator('.el-dialog__title').click();
  await people.locator('.el-tag', { hasText: '新同事' }).waitFor();
  await dialog.locator('input[name=challenge_reward]').fill('30');
  const listed = office.locator('[data-test=challenge-list] li', { hasText: '新人本周两访' });
  await submitForm(dialog, listed);
  const made = (await admin.get('/api/v1/challenges?limit=50')).items.find((c) => c.name === '新人本周两访');
  assert.equal(made.period, thisWeek());
  assert.equal(made.goal, 2);
  assert.deepEqual(made.participants, [staffId]);
  assert.equal(made.reward_points, 30);
  // The first test's visit is this week's: half way already.
  assert.equal(await listed.locator(`[data-test=standing-${staffId}]`).getAttribute('data-outcome'), 'in_progress');

  const home = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(home, laurel.base, username);
  const mine = home.locator(`[data-test=my-challenges] [data-test=challenge-${made.id}]`);
  await mine.waitFor();
  assert.match(await mine.textContent(), /1 \/ 2/);

  const phoneContext = await logVisitOnPhone('第二次拜访：跟进产品配置方案');

  // The home page was never reloaded: the live stream told it.
  await mine.locator(`[data-test=standing-${staffId}][data-outcome=completed]`).waitFor({ timeout: 10_000 });
  assert.match(await mine.textContent(), /2 \/ 2/);
  assert.match(await mine.textContent(), /已完成/);
  // Its reward is on the newcomer's points journal, from the challenge.
  const journal = await admin.get(`/api/v1/points/journal?staff_id=${staffId}&limit=50`);
  const reward = journal.items.find((j) => j.source?.kind === 'challenge' && j.source.id === made.id);
  assert.equal(reward?.points, 30, JSON.stringify(journal.items.map((j) => j.source)));
  // The manager's page shows it done, and who reached the goal when.
  await office.reload();
  await listed.locator(`[data-test=standing-${staffId}][data-outcome=completed]`).waitFor();
  assert.match(await listed.textContent(), /达成/);
  await phoneContext.close();
  await home.context().close();
  await office.context().close();
});
