// TV mode end to end: a salesperson sets up the sales floor's TV from the boards list (two
// boards rotating, each a few seconds) and a reload comes straight back into the show; a
// bookmarked /tv?boards=…&every=5 shows one board big — podium, next ranks, period and tie
// policy; good news a manager publishes takes over the whole screen, two in a row one after the
// other; and Laurel stopping and starting again on the same database and port leaves the last
// standings on screen with a "reconnecting…" badge, then a trade after the restart re-ranks the
// open TV without a reload (▲1 red / ▼1 green against a snapshot) and the badge is gone. Real Laurel on the demo company, real
// Chromium, the live stream over server-sent events.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { boardWorld, created } from './board-world.mjs';
import { apiAs, launchBrowser, signIn, startLaurel } from './harness.mjs';

const PASSWORD = 'laurel-e2e-tv-2026';
const tv = { viewport: { width: 1920, height: 1080 } };
const tag = Date.now() % 100000;
let laurel;
let browser;
let admin;
let ta; // the trading system: an integration user's API token
const org = {};
let screen; // the TV's page, open from the second test on
const pageErrors = [];

const world = { password: PASSWORD, codePrefix: '91440300E2ET', tradePrefix: `E2E-TV-${tag}` };
const { salesperson, client, trade } = boardWorld(world);

/** Good news a manager writes and publishes at once (for everyone). */
async function publish(title, text) {
  await created(admin.call('POST', '/api/v1/good-news', { title, text, publish: true }), 'good news');
}

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  Object.assign(world, { laurel, admin, org });
  org.department = (await created(admin.call('POST', '/api/v1/departments', { name: `电视测试部${tag}` }), 'department')).id;
  org.li = await salesperson(`e2e.tv.li${tag}`, '李电视');
  org.zhou = await salesperson(`e2e.tv.zhou${tag}`, '周电视');
  // Two with nothing yet: on the board at 0, so it has ranks after the podium.
  await salesperson(`e2e.tv.wu${tag}`, '吴电视');
  await salesperson(`e2e.tv.zheng${tag}`, '郑电视');
  org.liBank = await client(`电视测试银行${tag}`, 1, org.li.staff);
  org.zhouTrust = await client(`电视测试信托${tag}`, 2, org.zhou.staff);
  org.fund = (await created(admin.call('POST', '/api/v1/products', { code: `E2ET${tag}`, name: '电视测试基金', type: 'bond' }), 'fund')).id;
  const metric = await created(
    admin.call('POST', '/api/v1/metrics', {
      code: `e2e.tv.subs.${tag}`,
      name: '电视测试月认申购',
      kind: 'sum',
      source: 'transactions',
      sum_of: 'amount',
      subject: 'staff',
      period: 'month',
      filter: { transaction_kinds: ['subscribe', 'purchase'], product_ids: [org.fund] },
    }),
    'metric',
  );
  org.board = await created(
    admin.call('POST', '/api/v1/boards', { name: '电视测试部月度认申购榜', metric_id: metric.id, scope: 'department', department_id: org.department }),
    'board',
  );
  // Another board the salesperson may see: one of the demo's.
  const seen = await apiAs(laurel.base, org.li.username, PASSWORD);
  org.other = (await seen.get('/api/v1/boards?limit=200')).items.find((b) => b.id !== org.board.id);
  assert.ok(org.other, 'the demo has a board for salespeople');
  const robot = await created(admin.call('POST', '/api/v1/users', { username: `e2e.tv.ta${tag}`, display_name: 'TA', role: 'integration' }), 'robot');
  ta = (await created(admin.call('POST', '/api/v1/tokens', { name: 'tv e2e TA', user_id: robot.id }), 'token')).token;
  world.ta = ta;
  await trade(org.zhouTrust, '1000000.00'); // 周 leads, 李 second
  await trade(org.liBank, '200000.00');
  // Frozen as it stands: movement on the TV is measured against this (– for everyone, for now).
  const { period } = await admin.get(`/api/v1/boards/${org.board.id}/standings?limit=1`);
  await created(admin.call('POST', `/api/v1/boards/${org.board.id}/snapshots`, { period }), 'snapshot');
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

test('from the boards list a salesperson sets up the TV: two boards rotate; a reload comes back into the show', async () => {
  const context = await browser.newContext({ ...tv, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e));
  await signIn(page, laurel.base, org.li.username, PASSWORD);
  await page.click('[data-test="nav-/boards"]');
  await page.click('[data-test=tv-open]');
  await page.waitForURL(/\/tv$/);
  const setup = page.locator('[data-test=tv-setup]');
  await setup.getByText('轮播的榜单').waitFor();
  assert.equal(await page.locator('.mainnav').count(), 0, 'no app navigation on the TV');
  assert.equal(await page.locator('[data-test=tv-start]').isDisabled(), true, 'nothing chosen yet');
  await page.click(`[data-test=tv-choose-${org.board.id}]`);
  await page.click(`[data-test=tv-choose-${org.other.id}]`);
  const every = page.locator('[data-test=tv-every] input');
  await every.fill('5');
  await every.press('Tab');
  assert.match(await page.locator('[data-test=tv-bookmark]').innerText(), new RegExp(`/tv\\?boards=${org.board.id}(,|%2C)${org.other.id}&every=5$`));
  await page.click('[data-test=tv-start]');

  // The show: our board first, then the demo's, then ours again; the address names the choice.
  await page.waitForURL(new RegExp(`/tv\\?boards=${org.board.id}(,|%2C)${org.other.id}&every=5$`));
  await page.locator(`[data-test=tv-board-${org.board.id}] [data-test=tv-podium-1]`).getByText('周电视').waitFor();
  await page.locator('[data-test=tv-rotation] .dots span').nth(1).waitFor();
  await page.locator(`[data-test=tv-board-${org.other.id}]`).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('[data-test=tv-board-name]').innerText(), org.other.name);
  await page.locator(`[data-test=tv-board-${org.board.id}]`).waitFor({ timeout: 10_000 });

  // The TV browser restarted on plain /tv: straight back into the rotation (saved on the device).
  await page.goto(`${laurel.base}/tv`);
  await page.locator(`[data-test=tv-board-${org.board.id}], [data-test=tv-board-${org.other.id}]`).first().waitFor();
  assert.equal(await page.locator('[data-test=tv-setup]').count(), 0);
  // Settings: back to the panel, with the choice as saved.
  await page.click('[data-test=tv-settings]');
  await page.waitForURL(/\/tv$/);
  await page.locator(`[data-test=tv-choose-${org.board.id}].is-checked`).waitFor();
  assert.equal(await page.locator('[data-test=tv-every] input').inputValue(), '5');
  await context.close();
});

test('a bookmarked /tv?boards=…&every=5 shows the board big: podium, next ranks, period and tie policy', async () => {
  const context = await browser.newContext({ ...tv, locale: 'zh-CN' });
  screen = await context.newPage();
  screen.on('pageerror', (e) => pageErrors.push(e));
  await signIn(screen, laurel.base, org.li.username, PASSWORD);
  await screen.goto(`${laurel.base}/tv?boards=${org.board.id}&every=5&sound=1`);
  const board = screen.locator(`[data-test=tv-board-${org.board.id}]`);
  await board.locator('[data-test=tv-podium-1]').getByText('周电视').waitFor();
  assert.match(await board.locator('[data-test=tv-podium-1] [data-test=tv-figure]').innerText(), /^100\.00万$/);
  assert.equal(await board.locator('[data-test=tv-podium-1] [data-test=movement]').innerText(), '–');
  assert.match(await board.locator('[data-test=tv-podium-2]').innerText(), /^2\s[\s\S]*李电视[\s\S]*20\.00万$/);
  assert.equal(await board.locator('[data-test=tv-board-name]').innerText(), '电视测试部月度认申购榜');
  assert.match(await board.locator('[data-test=tv-period]').innerText(), /^\d{4}年\d{1,2}月$/);
  assert.equal(await board.locator('[data-test=tv-tie-policy]').innerText(), '并列排名 1,2,2,4');
  // 吴 and 郑 tie at 0: third both, one on the podium, one in the ranks after it.
  assert.match(await board.locator('[data-test=tv-podium-3]').innerText(), /^3\b/);
  const rest = board.locator('[data-test=tv-rest] [data-test=tv-row]');
  assert.equal(await rest.count(), 1);
  assert.match(await rest.first().innerText(), /^3\s[\s\S]*(吴电视|郑电视)[\s\S]*0\.00$/);
  // Readable from across the room: the leader's name is large on a 1080p screen.
  const size = await board.locator('[data-test=tv-podium-1] .name').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 40, `leader's name at ${size}px`);
  assert.equal(await screen.locator('[data-test=tv-reconnecting]').count(), 0, 'live, so no badge');
});

test('good news published takes over the screen; two in a row, one after the other', async () => {
  await screen.evaluate(() => (window.__sameDocument = true));
  await publish('电视测试：开门红！', '华东组签下一家城商行的专户委托');
  await publish('电视测试：再下一城', '又一家农商行认购了债券基金');
  const overlay = screen.locator('[data-test=tv-celebration]');
  await overlay.locator('[data-test=tv-celebration-title]').getByText('电视测试：开门红！').waitFor({ timeout: 10_000 });
  assert.equal(await overlay.locator('[data-test=tv-celebration-text]').innerText(), '华东组签下一家城商行的专户委托');
  assert.match(await overlay.innerText(), /还有 1 条喜报/);
  const box = await overlay.boundingBox();
  assert.deepEqual([box.width, box.height], [1920, 1080], 'the whole screen');
  // About 8 s each: then the second, then the board again.
  await overlay.locator('[data-test=tv-celebration-title]').getByText('电视测试：再下一城').waitFor({ timeout: 12_000 });
  await overlay.waitFor({ state: 'detached', timeout: 12_000 });
  await screen.locator(`[data-test=tv-board-${org.board.id}] [data-test=tv-podium-1]`).getByText('周电视').waitFor();
  assert.equal(await screen.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
});

test('Laurel restarts: the TV keeps the last standings, says it is reconnecting, then re-ranks live by itself', async () => {
  await screen.evaluate(() => (window.__sameDocument = true));
  const podiumFirst = screen.locator(`[data-test=tv-board-${org.board.id}] [data-test=tv-podium-1]`);
  await laurel.pause();
  const badge = screen.locator('[data-test=tv-reconnecting]');
  await badge.getByText('正在重新连接…').waitFor({ timeout: 10_000 });
  // A whole turn (5 s) with the server down: still the board, never an error page.
  await screen.waitForTimeout(6_000);
  assert.match(await podiumFirst.innerText(), /周电视[\s\S]*100\.00万/);
  assert.equal(await screen.locator('[role=alert]').count(), 0);

  await laurel.resume();
  await badge.waitFor({ state: 'detached', timeout: 20_000 });
  await trade(org.liBank, '1500000.00');
  await podiumFirst.getByText('李电视').waitFor({ timeout: 10_000 });
  assert.match(await podiumFirst.locator('[data-test=tv-figure]').innerText(), /^170\.00万$/);
  const second = screen.locator(`[data-test=tv-board-${org.board.id}] [data-test=tv-podium-2]`);
  assert.match(await second.innerText(), /周电视[\s\S]*100\.00万/);
  // Against the snapshot: 李 up one in red, 周 down one in green, as BoardPage marks them.
  const up = podiumFirst.locator('[data-test=movement]');
  const down = second.locator('[data-test=movement]');
  await up.getByText('▲1').waitFor();
  assert.equal(await down.innerText(), '▼1');
  assert.equal(await up.evaluate((e) => getComputedStyle(e).color), 'rgb(255, 107, 107)');
  assert.equal(await down.evaluate((e) => getComputedStyle(e).color), 'rgb(81, 207, 102)');
  assert.equal(await badge.count(), 0);
  assert.equal(await screen.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  assert.match(screen.url(), /\/tv\?/, 'still signed in, still on the TV');

  // Live again after the restart: good news reaches it too.
  await publish('电视测试：重启之后', '服务恢复后的第一条喜报');
  await screen.locator('[data-test=tv-celebration-title]').getByText('电视测试：重启之后').waitFor({ timeout: 10_000 });
  assert.deepEqual(pageErrors.map(String), []);
});
