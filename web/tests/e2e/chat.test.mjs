// Group chats end to end: an admin adds a WeCom bot on the group-chats page (pointed at a real
// HTTP receiver on loopback standing in for WeCom), a manager publishes good news, the bot is
// sent it, and the page's outbox says it was delivered. Real Laurel on the demo company, real
// Chromium.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { openDialog } from './element.mjs';
import { apiAs, launchBrowser, pc, signIn, startLaurel } from './harness.mjs';

let laurel;
let browser;
let page;
let receiver;
const received = [];

before(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ url: req.url, headers: req.headers, body: JSON.parse(body) });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  laurel = await startLaurel();
  browser = await launchBrowser();
  page = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(page, laurel.base, 'admin');
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
  receiver?.close();
});

test('an admin adds a WeCom bot; published good news reaches it and the outbox says so', async () => {
  const hook = `http://127.0.0.1:${receiver.address().port}/cgi-bin/webhook/send?key=e2e`;
  await page.goto(`${laurel.base}/admin/chat`);
  await page.click('[data-test=chat-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[name=chat_name]').fill('华东销售群');
  await dialog.locator('input[name=chat_url]').fill('ftp://wrong');
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.getByText('must be an http:// or https:// URL with a host').waitFor();
  await dialog.locator('input[name=chat_url]').fill(hook);
  await dialog.locator('[data-test=form-submit]').click();
  const row = page.locator('[data-test=chat-bots] tr', { hasText: '华东销售群' });
  await row.getByText('企业微信').waitFor();
  assert.match(await row.innerText(), /http:\/\/127\.0\.0\.1:\d+\/…/, 'the key in the URL is not shown');

  const manager = await apiAs(laurel.base, 'cengjianhua');
  const [draft] = (await manager.get('/api/v1/good-news?status=draft&limit=1')).items;
  const published = await manager.call('POST', `/api/v1/good-news/${draft.id}/publish`);
  assert.equal(published.status, 200, JSON.stringify(published.body));

  for (let i = 0; i < 100 && !received.length; ++i) await new Promise((r) => setTimeout(r, 100));
  assert.equal(received.length, 1);
  assert.equal(received[0].url, '/cgi-bin/webhook/send?key=e2e');
  assert.equal(received[0].body.msgtype, 'markdown');
  assert.ok(received[0].body.markdown.content.includes(draft.title['zh-CN']));
  assert.equal(received[0].headers['x-laurel-idempotency-key'], `laurel-good-news-${draft.id}-bot-1`);

  await page.reload();
  const delivery = page.locator('[data-test=chat-deliveries] tr', { hasText: draft.title['zh-CN'] });
  await delivery.getByText('已送达').waitFor();
  await delivery.getByText('华东销售群').waitFor();
});

test('a daily cap set on the bot holds the next good news for tomorrow, waiting in the outbox', async () => {
  await page.goto(`${laurel.base}/admin/chat`);
  const row = page.locator('[data-test=chat-bots] tr', { hasText: '华东销售群' });
  await row.locator('[data-test^=chat-edit-]').click();
  const dialog = openDialog(page);
  await dialog.locator('input[name=chat_per_day]').fill('1');
  await dialog.locator('[data-test=form-submit]').click();
  await row.getByText('每天最多 1 条').waitFor();

  const manager = await apiAs(laurel.base, 'cengjianhua');
  const [draft] = (await manager.get('/api/v1/good-news?status=draft&limit=1')).items;
  const published = await manager.call('POST', `/api/v1/good-news/${draft.id}/publish`);
  assert.equal(published.status, 200, JSON.stringify(published.body));
  const sentBefore = received.length;
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(received.length, sentBefore, 'the day had its one message already');
  const waiting = (await manager.get(`/api/v1/chat-deliveries?good_news_id=${draft.id}`)).items[0];
  assert.equal(waiting.status, 'pending');
  assert.equal(waiting.attempts, 0);
  // Tomorrow's start, company time (Asia/Shanghai: 16:00 UTC).
  assert.match(waiting.next_attempt_at, /T16:00:00/);
  await page.reload();
  await page.locator('[data-test=chat-deliveries] tr', { hasText: draft.title['zh-CN'] }).getByText('等待中').waitFor();
});
