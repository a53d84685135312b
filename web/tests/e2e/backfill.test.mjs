// Backfilling on a PC: five past visits pasted from Excel into the grid, one of them bad. The four
// good ones are recorded, the bad one stays with the reason beside its cell; fixed and sent again,
// it is recorded too, and nothing is recorded twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launchBrowser, pc, signIn, startLaurel } from './harness.mjs';

let laurel;
let browser;
let sales;
let salesName;

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  const admin = await apiAs(laurel.base, 'admin');
  salesName = (await admin.get('/api/v1/users?role=sales&limit=1')).items[0].username;
  sales = await apiAs(laurel.base, salesName);
});

/** Pastes text into the first row's client cell, as Ctrl+V of cells copied from Excel does. */
async function pasteIntoFirstRow(page, text) {
  await page.locator('[data-test=backfill-row-0] input[name=client]').focus();
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

test('five visits pasted, one bad: four recorded, the bad one fixed and recorded, none twice', async () => {
  const day = await sales.get('/api/v1/me/day');
  const client = day.recent_clients[0];
  const chart = await sales.get(`/api/v1/clients/${client.client_id}/org-chart`);
  const person = chart.key_people.find((p) => p.active && !p.erased);
  const stamp = Date.now();
  const lines = [
    [client.client_name, '电话', '2026-11-02 10:00', person.name, `补录一 ${stamp}`, '', ''],
    [client.client_name, '会议', '2026-11-03 15:30', '', `补录二 ${stamp}`, '寄送材料', '2026-12-10'],
    [client.client_name, 'visit', '2099-01-01 10:00', '', `补录三 ${stamp}`, '', ''], // in the future: refused
    [client.client_name, '路演', '2026/11/05 9:00', person.name, `补录四 ${stamp}`, '', ''],
    [client.client_name, '线上', '2026-11-06 16:00', '', `补录五 ${stamp}`, '', ''],
  ];
  const tsv = lines.map((l) => l.join('\t')).join('\r\n') + '\r\n';

  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, salesName);
  await page.click('[data-test="nav-/visits/backfill"]');
  await pasteIntoFirstRow(page, tsv);
  assert.equal(await page.inputValue('[data-test=backfill-row-3] input[name=occurred_at]'), '2026-11-05T09:00');
  assert.equal(await page.inputValue('[data-test=backfill-row-1] select[name=kind]'), 'meeting');

  await page.click('[data-test=backfill-submit]');
  await page.locator('[data-test=backfill-summary]', { hasText: '已保存 4 行，1 行需要修改' }).waitFor();
  const bad = page.locator('[data-test=backfill-row-2]');
  assert.ok((await bad.locator('td:has(input[name=occurred_at]) .field-error').textContent()).length > 0,
    'the reason is beside the time cell');

  const stored = async () =>
    (await sales.get(`/api/v1/visits?client_id=${client.client_id}&q=${encodeURIComponent(String(stamp))}&limit=50`)).items;
  assert.deepEqual((await stored()).map((v) => v.notes).sort(), [1, 2, 4, 5].map((n) => `补录${'一二三四五'[n - 1]} ${stamp}`).sort());
  const first = (await stored()).find((v) => v.notes.startsWith('补录一'));
  assert.deepEqual(first.attendee_ids, [person.id]);
  assert.equal(first.kind, 'call');
  assert.equal(first.occurred_at, '2026-11-02T02:00:00.000000Z', '10:00 company time (UTC+8)');

  await bad.locator('input[name=occurred_at]').fill('2026-11-04T11:00');
  await page.click('[data-test=backfill-submit]');
  await page.locator('[data-test=backfill-summary]', { hasText: '已保存 1 行，0 行需要修改' }).waitFor();
  const all = await stored();
  assert.equal(all.length, 5);
  assert.equal(new Set(all.map((v) => v.external_id)).size, 5, 'each row recorded once');
  await context.close();
});

test('rows the grid cannot read are marked before anything is sent', async () => {
  const context = await browser.newContext({ ...pc, locale: 'en' });
  const page = await context.newPage();
  await signIn(page, laurel.base, salesName);
  await page.goto(`${laurel.base}/visits/backfill`);
  await pasteIntoFirstRow(page, '没有这个客户机构\tcarrier pigeon\tyesterday\t\t\t\t\n');
  const row = page.locator('[data-test=backfill-row-0]');
  await row.locator('td:has(input[name=client]) .field-error').waitFor();
  assert.match(await row.locator('td:has(select[name=kind]) .field-error').textContent(), /carrier pigeon/);
  assert.match(await row.locator('td:has(input[name=occurred_at]) .field-error').textContent(), /yesterday/);
  const requests = [];
  page.on('request', (r) => r.url().includes('/visits/batch') && requests.push(r));
  await page.click('[data-test=backfill-submit]');
  await page.locator('[data-test=backfill-summary]', { hasText: '0 saved, 1 to fix' }).waitFor();
  assert.equal(requests.length, 0, 'nothing sent');
  await context.close();
});
