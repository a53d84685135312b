// Laurel's own boards end to end, on the demo company (quarterly client targets for each
// salesperson's three largest clients, per-person campaign targets for its two campaigns): a
// salesperson finds "客户目标达成率（季度·个人）" marked 内置 on the boards list, opens it on a
// phone, sees their own row's percent and opens it up to their client targets — each client's
// own ratio beside it, the achieved amounts adding up to the row's figure and the targets to its
// target (as the API has them: nothing hard-coded). A manager opens a campaign's achievement
// board (内置, everyone on it with a target ranked by percent), opens someone else's row on the
// client target board, and finds in the board form that what a built-in board ranks is Laurel's.
// Real Laurel, real Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDialog } from './element.mjs';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

const MANAGER = 'cengjianhua'; // the demo's manager of the whole division (demo password)
const CLIENT_BOARD = '客户目标达成率（季度·个人）';

let laurel;
let browser;
let admin;
const demo = {}; // the boards, the period and the salesperson the tests use
const pageErrors = [];

/** Every item of a paged list. */
async function all(api, path) {
  const items = [];
  let cursor = null;
  do {
    const page = await api.get(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** Yuan strings as fen, exactly. */
const fen = (yuan) => {
  const [whole, fraction = ''] = String(yuan).replace('-', '').split('.');
  const n = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return String(yuan).startsWith('-') ? -n : n;
};

/** A subject's client targets on subscription in a period, as the breakdown lists them. */
async function clientTargets(api, subjectId, period) {
  const targets = await all(api, `/api/v1/targets?subject_kind=staff&subject_id=${subjectId}&period=${period}&metric=subscription`);
  return targets.filter((t) => t.scope === 'client');
}

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  const boards = await all(admin, '/api/v1/boards');
  demo.clientBoard = boards.find((b) => b.name === CLIENT_BOARD);
  assert.ok(demo.clientBoard, `the demo has "${CLIENT_BOARD}": ${boards.map((b) => b.name).join(', ')}`);
  assert.equal(demo.clientBoard.built_in, 'client_target_achievement');
  demo.campaignBoards = boards.filter((b) => b.built_in === 'campaign_achievement' && b.subject === 'staff');
  assert.equal(demo.campaignBoards.length, 2, 'a board of people for each of the demo\'s two campaigns');

  // A salesperson with client targets this quarter and subscriptions from those clients already.
  const standings = await admin.get(`/api/v1/boards/${demo.clientBoard.id}/standings?limit=200`);
  demo.period = standings.period;
  const staff = new Map((await all(admin, '/api/v1/staff')).map((s) => [s.id, s]));
  const users = new Map((await all(admin, '/api/v1/users?role=sales')).map((u) => [u.id, u]));
  const row = standings.items.find((r) => r.percent !== null && fen(r.value) > 0 && users.has(staff.get(r.subject_id)?.user_id));
  assert.ok(row, 'a demo salesperson has achieved part of their client targets this quarter');
  demo.sales = { staffId: row.subject_id, username: users.get(staff.get(row.subject_id).user_id).username, name: row.name };
  // Someone else on the first page whose client targets the manager reads.
  const manager = await apiAs(laurel.base, MANAGER);
  for (const r of standings.items.slice(0, 50)) {
    if (r.percent === null || r.subject_id === row.subject_id || !r.name) continue;
    if ((await clientTargets(manager, r.subject_id, demo.period)).length) {
      demo.other = r;
      break;
    }
  }
  assert.ok(demo.other, 'the manager reads the client targets of someone on the board');
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
  assert.deepEqual(pageErrors, [], 'no page errors');
});

async function newPage(device) {
  const context = await browser.newContext({ ...device, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return { context, page };
}

/** The breakdown under a row as shown: each client's id, its percent and "achieved / target". */
async function readBreakdown(detail) {
  const lines = detail.locator('[data-test=client-target]');
  await lines.first().waitFor();
  // Each client's name arrives after the line (its id stands in until then).
  await detail.locator('a', { hasText: /^#\d+$/ }).first().waitFor({ state: 'detached' });
  const read = [];
  for (let i = 0; i < (await lines.count()); i++) {
    const line = lines.nth(i);
    read.push({
      href: await line.locator('a').getAttribute('href'),
      name: (await line.locator('a').innerText()).trim(),
      percent: (await line.locator('[data-test=client-target-percent]').innerText()).trim(),
      amounts: (await line.locator('[data-test=client-target-amounts]').innerText()).trim(),
    });
  }
  return read;
}

/** The breakdown agrees with the targets' progress, one line per client target. */
function assertAgrees(shown, targets) {
  assert.equal(shown.length, targets.length, 'one line per client target');
  const byClient = new Map(targets.map((t) => [`/clients/${t.client_id}`, t]));
  for (const line of shown) {
    const t = byClient.get(line.href);
    assert.ok(t, `a client target for ${line.href}`);
    assert.equal(line.percent, `${t.achievement_percent.toFixed(1)}%`);
    assert.match(line.amounts, /^\S+ \/ \S+$/);
    assert.ok(!line.name.startsWith('#'), `the client is named: ${line.name}`);
  }
}

test('a salesperson: 内置 on the list, their own percent, and their client targets adding up to it', async () => {
  const sales = await apiAs(laurel.base, demo.sales.username);
  const { page, context } = await newPage(phone);
  await signIn(page, laurel.base, demo.sales.username);
  await page.click('[data-test="nav-/boards"]');
  const entry = page.locator(`[data-test=board-open-${demo.clientBoard.id}]`);
  await entry.getByText(CLIENT_BOARD).waitFor();
  const tag = entry.locator('[data-test=built-in-tag]');
  assert.equal((await tag.innerText()).trim(), '内置');
  assert.match(await tag.getAttribute('title'), /客户目标/);

  await entry.click();
  await page.waitForURL(new RegExp(`/boards/${demo.clientBoard.id}$`));
  await page.locator('.board-page [data-test=built-in-tag]').waitFor();
  assert.match(await page.locator('[data-test=board-built-in]').innerText(), /每个客户自己的达成率/);

  // My row: the percent the API ranks me by.
  const { me } = await sales.get(`/api/v1/boards/${demo.clientBoard.id}/standings/me?period=${demo.period}`);
  assert.equal(me.subject_id, demo.sales.staffId);
  const mine = page.locator('[data-test=standings] [data-test=standing-me]');
  await mine.waitFor();
  assert.match(await mine.locator('td').nth(2).innerText(), new RegExp(`^${me.percent.toFixed(1).replace('.', '\\.')}%`));
  // Only my own row opens up (not a manager).
  assert.equal(await page.locator('[data-test=standings] [data-test=standing-toggle]').count(), 1);

  await mine.locator('[data-test=standing-toggle]').click();
  const shown = await readBreakdown(page.locator('[data-test=standing-detail]'));
  const targets = await clientTargets(sales, demo.sales.staffId, demo.period);
  assertAgrees(shown, targets);
  // The row is made of them: achieved adds up to its figure, the targets to its target.
  assert.equal(targets.reduce((sum, t) => sum + fen(t.achieved_amount), 0), fen(me.value));
  assert.equal(targets.reduce((sum, t) => sum + fen(t.target_amount), 0), fen(me.target));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling on a phone');

  await mine.locator('[data-test=standing-toggle]').click();
  await page.locator('[data-test=standing-detail]').waitFor({ state: 'detached' });
  await context.close();
});

test('a manager: a campaign\'s achievement board, someone else\'s client targets, and the form keeping what it ranks', async () => {
  const manager = await apiAs(laurel.base, MANAGER);
  const { page, context } = await newPage(pc);
  await signIn(page, laurel.base, MANAGER);

  // A campaign's board of people: 内置, its participants with targets ranked by percent.
  const campaign = demo.campaignBoards[0];
  await page.goto(`${laurel.base}/boards`);
  const entry = page.locator(`[data-test=board-open-${campaign.id}]`);
  await entry.locator('[data-test=built-in-tag]').waitFor();
  assert.match(await entry.locator('[data-test=built-in-tag]').getAttribute('title'), /活动/);
  await entry.click();
  await page.waitForURL(new RegExp(`/boards/${campaign.id}$`));
  await page.getByRole('heading', { name: campaign.name }).waitFor();
  assert.match(await page.locator('[data-test=board-built-in]').innerText(), /活动/);
  const standings = await manager.get(`/api/v1/boards/${campaign.id}/standings?limit=1`);
  const leader = standings.items[0];
  assert.ok(leader && leader.percent !== null, 'the campaign\'s leader has a target');
  const first = page.locator('[data-test=standings] tbody tr').first();
  assert.match(await first.locator('td').nth(2).innerText(), new RegExp(`^${leader.percent.toFixed(1).replace('.', '\\.')}%`));
  assert.equal(await page.locator('[data-test=standing-toggle]').count(), 0, 'a campaign board has no client targets to open');

  // The client target board: a manager opens anyone's row.
  await page.goto(`${laurel.base}/boards/${demo.clientBoard.id}`);
  const row = page.locator('[data-test=standings] tbody tr', { hasText: demo.other.name }).first();
  await row.locator('[data-test=standing-toggle]').click();
  const shown = await readBreakdown(page.locator('[data-test=standing-detail]'));
  assertAgrees(shown, await clientTargets(manager, demo.other.subject_id, demo.period));

  // The form: what the board ranks is Laurel's; its name may change.
  await page.goto(`${laurel.base}/boards`);
  await page.click(`[data-test=board-edit-${campaign.id}]`);
  const dialog = openDialog(page);
  await dialog.locator('[data-test=board-built-in-note]').waitFor();
  assert.ok(await dialog.locator('[data-test=board-metric] .is-disabled').count(), 'the metric cannot be changed');
  assert.ok(await dialog.locator('[data-test=board-scope] .is-disabled').count(), 'nor who is on it');
  await dialog.locator('input[name=board_name]').fill(`${campaign.name}（冲刺）`);
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`[data-test=board-open-${campaign.id}]`).getByText(`${campaign.name}（冲刺）`).waitFor();
  const saved = await manager.get(`/api/v1/boards/${campaign.id}`);
  assert.deepEqual(
    [saved.name, saved.built_in, saved.metric_id, saved.denominator_metric_id, saved.scope, saved.campaign_id],
    [`${campaign.name}（冲刺）`, 'campaign_achievement', campaign.metric_id, campaign.denominator_metric_id, 'campaign', campaign.campaign_id],
  );
  await context.close();
});
