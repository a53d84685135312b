// The CRM pages end to end: real Laurel, real Chromium, the demo company.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { creditCode } from './credit-code.mjs';
import { apiAs, launchBrowser, pc, phone, recordTiming, signIn, startLaurel } from './harness.mjs';

let laurel;
let browser;
let admin;
let salesUser; // a demo salesperson with clients and visits

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  const users = await admin.get('/api/v1/users?role=sales&limit=1');
  salesUser = users.items[0].username;
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

async function newPage(device) {
  const context = await browser.newContext({ ...device, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  return { context, page };
}

describe('signing in', () => {
  test('a wrong password is refused on the page; the right one opens my day, which survives a reload', async () => {
    const { context, page } = await newPage(pc);
    await page.goto(`${laurel.base}/clients`);
    await page.waitForURL(/\/login\?next=/);
    await page.fill('input[name=username]', salesUser);
    await page.fill('input[name=password]', 'not the password');
    await page.click('button[type=submit]');
    await page.getByText('用户名或密码错误').waitFor();

    await page.fill('input[name=password]', 'laurel-demo-2026');
    await page.click('button[type=submit]');
    await page.waitForURL(`${laurel.base}/clients`); // back where the user was headed
    await page.reload();
    await page.getByRole('heading', { name: '客户' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/clients', 'the session survives a reload');

    await page.click('[data-test=logout]');
    await page.waitForURL(/\/login/);
    await page.goto(`${laurel.base}/`);
    await page.waitForURL(/\/login/);
    await context.close();
  });
});

describe('language', () => {
  test('switching to English changes the pages and is remembered after a reload', async () => {
    const { context, page } = await newPage(pc);
    await signIn(page, laurel.base, salesUser);
    await page.getByRole('heading', { name: '我的一天' }).waitFor();
    await page.click('[data-test=language]');
    await page.getByRole('heading', { name: 'My day' }).waitFor();
    await page.getByRole('heading', { name: 'Recently visited clients' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'My day' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.click('[data-test=language]');
    await page.getByRole('heading', { name: '我的一天' }).waitFor();
    await context.close();
  });
});

describe('clients', () => {
  test('a client is found by the pinyin initials of its name', async () => {
    const created = await admin.call('POST', '/api/v1/clients', {
      name: '月桂测试样本银行股份有限公司',
      short_name: '月桂样本银行',
      registration_code: creditCode('91110000E2E000001'),
      type: 'bank',
      region: '北京',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { context, page } = await newPage(pc);
    await signIn(page, laurel.base, 'admin', 'laurel-demo-2026');
    await page.goto(`${laurel.base}/clients`);
    await page.fill('input[data-test=client-search]', 'ygcsyb');
    const row = page.locator('[data-test=client-list] a', { hasText: '月桂测试样本银行股份有限公司' });
    await row.waitFor();
    assert.equal(await page.locator('[data-test=client-list] tbody tr').count(), 1);
    await row.click();
    await page.locator('[data-test=client-name]', { hasText: '月桂测试样本银行股份有限公司' }).waitFor();
    await context.close();
  });
});

describe("a client's full view", () => {
  test('every tab shows its records from Laurel: charts, org chart, people, visits, service, holdings, trades, pipeline', async () => {
    const sales = await apiAs(laurel.base, salesUser);
    const day = await sales.get('/api/v1/me/day');
    // The covered client with the most trades shows the most.
    const clientId = day.recent_clients[0].client_id;
    const trades = await sales.get(`/api/v1/transactions?client_id=${clientId}&order=newest&limit=1`);
    const { context, page } = await newPage(pc);
    await signIn(page, laurel.base, salesUser);
    const errors = []; // from here on, every API call answers
    page.on('response', (r) => r.url().includes('/api/') && r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${laurel.base}/clients/${clientId}`);
    await page.locator('[data-test=client-score]').waitFor();
    await page.locator('[data-test=role-coverage] tbody tr').first().waitFor(); // the coverage chart
    for (const [tab, ready] of [
      ['组织架构', '[data-test=org-tree]'],
      ['拜访记录', '[data-test=visit-timeline]'],
      ['服务记录', '[data-test=service-records], .state-empty'],
      ['保有', '[data-test=holdings], .state-empty'],
      ['保有', '.chart canvas'], // ECharts drew the trend
      ['交易', '[data-test=trades], .state-empty'],
      ['商机', '[data-test=opportunities], .state-empty'],
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator(`.el-tab-pane:visible :is(${ready})`).first().waitFor();
    }
    if (trades.items.length) {
      await page.getByRole('tab', { name: '交易' }).click();
      const firstRow = page.locator('[data-test=trades] tbody tr').first();
      assert.match(await firstRow.textContent(), new RegExp(trades.items[0].kind_name), 'the latest trade is on top');
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('logging a visit on a phone', () => {
  test('home → + → a recent client is the form; attendees and notes are saved and on the timeline', async () => {
    const { context, page } = await newPage(phone);
    await signIn(page, laurel.base, salesUser);
    await page.click('[data-test=log-visit]'); // tap 1
    const recent = page.locator('[data-test=visit-recent-clients] button').first();
    const clientName = (await recent.textContent()).trim();
    await recent.click(); // tap 2
    await page.locator('[data-test=visit-form]').waitFor();
    assert.equal(await page.locator('[data-test=visit-client]').textContent(), clientName);

    const attendees = page.locator('[data-test=visit-attendees] label');
    await attendees.first().waitFor();
    const chosen = [(await attendees.nth(0).locator('span').first().textContent()).trim()];
    await attendees.nth(0).click();
    if ((await attendees.count()) > 1) {
      chosen.push((await attendees.nth(1).locator('span').first().textContent()).trim());
      await attendees.nth(1).click();
    }
    const notes = `手机端端到端测试：介绍固收+产品 ${Date.now()}`;
    await page.fill('textarea[name=notes]', notes);
    await page.click('[data-test=visit-save]');

    await page.waitForURL(/\/clients\/\d+\?tab=visits/);
    const entry = page.locator('[data-test=visit-timeline] li', { hasText: notes });
    await entry.waitFor();
    for (const name of chosen) assert.match(await entry.textContent(), new RegExp(name));
    const clientId = Number(/\/clients\/(\d+)/.exec(page.url())[1]);
    const stored = await admin.get(`/api/v1/visits?client_id=${clientId}&q=${encodeURIComponent(notes)}`);
    assert.equal(stored.items.length, 1);
    assert.equal(stored.items[0].attendee_ids.length, chosen.length);
    await context.close();
  });

  test('the form is interactive quickly on a phone (recorded, not a gate)', async () => {
    const { context, page } = await newPage(phone);
    await signIn(page, laurel.base, salesUser);
    const day = await page.evaluate(() => fetch('/api/v1/me/day').then((r) => r.json()));
    const clientId = day.recent_clients[0].client_id;
    await page.goto(`${laurel.base}/visits/new?client=${clientId}`);
    await page.locator('[data-test=visit-attendees], [data-test=visit-form] .state-empty').first().waitFor();
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { interactive_ms: Math.round(performance.now()), dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd) };
    });
    recordTiming('visit-form-interactive-phone', timing);
    // The JavaScript this phone route loaded, compressed as served (Laurel gzips text assets).
    const js = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).reduce((n, r) => n + r.encodedBodySize, 0));
    recordTiming('visit-form-javascript-bytes-gzip', js);
    assert.ok(timing.interactive_ms > 0);
    await context.close();
  });

  test('the network drops after Laurel recorded the visit but before the phone heard back: kept, resent, recorded once', async () => {
    const { context, page } = await newPage(phone);
    await signIn(page, laurel.base, salesUser);
    await page.click('[data-test=log-visit]');
    const recent = page.locator('[data-test=visit-recent-clients] button').first();
    await recent.click();
    await page.locator('[data-test=visit-form]').waitFor();
    const clientId = Number(new URL(page.url()).searchParams.get('client'));
    const notes = `断网重发测试 ${Date.now()}`;
    await page.fill('textarea[name=notes]', notes);

    // The request reaches Laurel (which records it); the answer never reaches the phone.
    let delivered = 0;
    await page.route('**/api/v1/visits', async (route) => {
      try {
        if (route.request().method() !== 'POST') return await route.continue();
        await route.fetch();
        delivered++;
        await route.abort('internetdisconnected');
      } catch (error) {
        // A retry still in flight when the route is taken away below: Playwright has let it
        // through already ("Route is already handled"). Anything else is a real failure.
        if (!String(error).includes('already handled')) throw error;
      }
    });
    await page.click('[data-test=visit-save]');
    await page.locator('[data-test=drafts]').waitFor(); // back home, the draft kept on the phone
    assert.ok(delivered >= 1, 'Laurel received the visit (retries while the answers are lost are allowed)');
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('laurel.visitOutbox')).map((k) => JSON.parse(localStorage[k])).flat(),
    );
    assert.equal(kept.length, 1);
    assert.equal(kept[0].visit.notes, notes);

    // The network is back: the outbox sends the same draft again and Laurel answers the duplicate.
    await page.unroute('**/api/v1/visits');
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await context.setOffline(false); // the browser's "online" event sends what waits
    await page.locator('[data-test=drafts]').waitFor({ state: 'detached' });
    const stored = await admin.get(`/api/v1/visits?client_id=${clientId}&q=${encodeURIComponent(notes)}`);
    assert.equal(stored.items.length, 1, 'recorded exactly once');
    assert.equal(stored.items[0].external_id, kept[0].visit.external_id);
    await context.close();
  });

  test('offline from the start: the visit waits on the phone and is sent when the network returns', async () => {
    const { context, page } = await newPage(phone);
    await signIn(page, laurel.base, salesUser);
    await page.click('[data-test=log-visit]');
    await page.locator('[data-test=visit-recent-clients] button').first().click();
    await page.locator('[data-test=visit-attendees], [data-test=visit-form] .state-empty').first().waitFor();
    const clientId = Number(new URL(page.url()).searchParams.get('client'));
    const notes = `离线保存测试 ${Date.now()}`;
    await page.fill('textarea[name=notes]', notes);
    await context.setOffline(true);
    await page.click('[data-test=visit-save]');
    await page.locator('[data-test=drafts]').waitFor();
    assert.equal((await admin.get(`/api/v1/visits?client_id=${clientId}&q=${encodeURIComponent(notes)}`)).items.length, 0);
    await page.reload().catch(() => {}); // offline: the reload itself fails; the draft is still on the phone
    await context.setOffline(false);
    await page.goto(`${laurel.base}/`);
    await page.locator('[data-test=recent-clients]').waitFor();
    await page.waitForFunction(
      () => !Object.keys(localStorage).some((k) => k.startsWith('laurel.visitOutbox') && JSON.parse(localStorage[k]).length),
    );
    assert.equal((await admin.get(`/api/v1/visits?client_id=${clientId}&q=${encodeURIComponent(notes)}`)).items.length, 1);
    await context.close();
  });

  test('a visit Laurel refuses shows the reason beside the field and stays in the form', async () => {
    const { context, page } = await newPage(phone);
    await signIn(page, laurel.base, salesUser);
    await page.click('[data-test=log-visit]');
    await page.locator('[data-test=visit-recent-clients] button').first().click();
    await page.locator('[data-test=visit-form]').waitFor();
    await page.fill('textarea[name=notes]', '时间写错了');
    await page.fill('[data-test=visit-time]', '2099-01-01T10:00');
    await page.click('[data-test=visit-save]');
    const error = page.locator('label:has([data-test=visit-time]) .field-error');
    await error.waitFor();
    assert.ok((await error.textContent()).length > 0);
    assert.equal(await page.inputValue('textarea[name=notes]'), '时间写错了');
    await context.close();
  });
});
