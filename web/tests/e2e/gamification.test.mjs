// The gamification pages end to end. The rewards shop: an admin puts an item that needs approval
// on the shelf in the catalogue page; a salesperson orders it on their phone (the points are held at once); a manager
// approves it from the approvals queue with a note; the phone, still open on "my orders", shows
// it redeemed with the note — without a reload, through the live stream — and the journal holds
// the hold and the settlement, each with its "why". Then the managers' points rules (a change
// previewed over twelve months, then saved) and badges (judged over the whole history at once,
// explained on the person's page). Real Laurel on the demo company, real Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDialog, submitForm } from './element.mjs';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

let laurel;
let browser;
let admin;
let seller; // a salesperson with points to spend: { username, staffId, spendable }

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  const users = (await admin.get('/api/v1/users?limit=200')).items.filter((u) => u.role === 'sales');
  const staff = (await admin.get('/api/v1/staff?limit=200')).items;
  for (const u of users) {
    const s = staff.find((x) => x.user_id === u.id);
    if (!s) continue;
    const points = await admin.get(`/api/v1/points?staff_id=${s.id}`);
    if (points.spendable >= 3000 && points.owed === 0) {
      seller = { username: u.username, staffId: s.id, spendable: points.spendable };
      break;
    }
  }
  assert.ok(seller, 'the demo has a salesperson with 3,000 points to spend');
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

test('an item put on the shelf is ordered on a phone, approved by a manager, and shown redeemed on the open phone', async () => {
  // The admin puts the item up in the catalogue page.
  const office = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(office, laurel.base, 'admin');
  await office.goto(`${laurel.base}/manage/rewards`);
  await office.getByRole('tab', { name: '礼品目录' }).click();
  await office.click('[data-test=reward-new]');
  const dialog = openDialog(office);
  await dialog.locator('input[name=reward_name]').fill('e2e 年假半天');
  await dialog.locator('input[name=reward_price]').fill('2500');
  await dialog.locator('[data-test=reward-limited]').click();
  await dialog.locator('input[name=reward_stock]').fill('3');
  await submitForm(dialog, office.locator('[data-test=catalogue] >> text=e2e 年假半天'));
  const item = (await admin.get('/api/v1/rewards?limit=200')).items.find((i) => i.name === 'e2e 年假半天');
  assert.deepEqual({ price: item.price, stock: item.stock, approval_required: item.approval_required, active: item.active },
    { price: 2500, stock: 3, approval_required: true, active: true });

  // The salesperson orders it on their phone.
  const mobile = await browser.newContext({ ...phone, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(mobile, laurel.base, seller.username);
  await mobile.goto(`${laurel.base}/points`);
  await mobile.click(`[data-test=reward-order-${item.id}]`);
  const confirm = openDialog(mobile);
  await confirm.locator('[data-test=order-total]').waitFor();
  assert.match(await confirm.locator('[data-test=order-total]').innerText(), /共 2,500 积分/);
  await submitForm(confirm, mobile.locator('[data-test=order-placed]'));
  assert.match(await mobile.locator('[data-test=order-placed]').innerText(), /2,500 积分已冻结/);
  await mobile.locator('[data-test=balance-held]').filter({ hasText: '2,500' }).waitFor();
  await mobile.getByRole('tab', { name: '我的兑换' }).click();
  const mine = mobile.locator('[data-test=my-orders] li').first();
  await mine.filter({ hasText: 'e2e 年假半天' }).waitFor();
  assert.equal(await mine.getAttribute('data-status'), 'pending');

  // The approvals queue has it; the manager approves it with a note.
  await office.getByRole('tab', { name: '兑换审批' }).click();
  const order = (await admin.get(`/api/v1/reward-orders?staff_id=${seller.staffId}&status=pending`)).items
    .find((o) => o.reward.id === item.id);
  assert.ok(order, 'the order waits for approval');
  await office.reload();
  await office.click(`[data-test=approve-${order.id}]`);
  const decision = openDialog(office);
  await decision.locator('textarea[name=decision_note]').fill('下周一起可休');
  await decision.locator('[data-test=form-submit]').click();
  await office.locator(`[data-test=queue-order-${order.id}]`).waitFor({ state: 'detached' });

  // The open phone shows it redeemed, with the note, without a reload.
  await mobile.locator(`[data-test=order-${order.id}][data-status=approved]`).waitFor();
  assert.equal(await mobile.locator(`[data-test=order-${order.id}] [data-test=order-note]`).innerText(), '“下周一起可休”');
  assert.equal(await mobile.locator('[data-test=balance-held]').count(), 0);
  assert.equal((await admin.get(`/api/v1/points?staff_id=${seller.staffId}`)).held, 0);
  const approved = await admin.get(`/api/v1/reward-orders/${order.id}`);
  assert.deepEqual({ status: approved.status, points: approved.points, note: approved.note },
    { status: 'approved', points: 2500, note: '下周一起可休' });

  // The journal holds the hold and the settlement; "why" opens the order behind them.
  await mobile.getByRole('tab', { name: '积分明细' }).click();
  const settle = mobile.locator('[data-test=points-journal] li[data-kind=settle]').first();
  await settle.waitFor();
  await settle.locator('[data-test^=journal-why-]').click();
  const why = mobile.locator('[data-test=why-order]');
  await why.waitFor();
  assert.match(await why.innerText(), /e2e 年假半天.*已兑换/s);
  assert.match(await mobile.locator('[data-test=why-events]').innerText(), /reward_order\.approved/);
});

test('a manager previews a change to a points rule over the last twelve months, then saves it as the next version', async () => {
  const rule = (await admin.get('/api/v1/point-rules?limit=100')).items.find((r) => r.event === 'visit_logged');
  const office = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(office, laurel.base, 'admin');
  await office.goto(`${laurel.base}/manage/points`);
  await office.click(`[data-test=rule-edit-${rule.id}]`);
  const dialog = openDialog(office);
  await dialog.locator('input[name=rule_points]').fill(String(rule.points * 2));
  await dialog.locator('[data-test=preview-run]').click();
  const summary = dialog.locator('[data-test=preview-summary]');
  await summary.waitFor();
  // Twice the points for the same activities — more in all, but never twice as much past the
  // daily cap — and the change is the difference.
  const text = await summary.innerText();
  const [, awards, points] = /([\d,]+) 次活动得分，共 ([\d,]+) 积分/.exec(text).map((s) => s?.replaceAll(',', ''));
  const [, current, change] = /现行规则同期 ([\d,]+)，变化 \+([\d,]+)/.exec(text).map((s) => s?.replaceAll(',', ''));
  assert.ok(Number(awards) > 0, text);
  assert.ok(Number(points) > Number(current) && Number(points) <= 2 * Number(current), text);
  assert.equal(Number(change), Number(points) - Number(current), text);
  // Nothing was written by the preview.
  assert.equal((await admin.get(`/api/v1/point-rules/${rule.id}`)).version, rule.version);
  await submitForm(dialog, office.locator(`[data-test=rule-${rule.id}]`, { hasText: `v${rule.version + 1}` }));
  const versions = (await admin.get(`/api/v1/point-rules/${rule.id}/versions`)).items;
  assert.deepEqual(versions.map((v) => v.points), [...versions.slice(0, -1).map((v) => v.points), rule.points * 2]);
  assert.equal(versions.at(-1).version, rule.version + 1);
});

test('a badge defined on the managers\' page is judged over the whole history at once, and explained on the person\'s page', async () => {
  const office = await browser.newContext({ ...pc, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(office, laurel.base, 'admin');
  await office.goto(`${laurel.base}/manage/badges`);
  await office.click('[data-test=badge-new]');
  const dialog = openDialog(office);
  await dialog.locator('input[name=badge_name]').fill('e2e 二十见');
  await dialog.locator('input[name=badge_count]').fill('20');
  await submitForm(dialog, office.locator('[data-test=badge-rules]', { hasText: 'e2e 二十见' }));
  const rule = (await admin.get('/api/v1/badge-rules?limit=200')).items.find((r) => r.name === 'e2e 二十见');
  assert.deepEqual({ kind: rule.kind, event: rule.event, count: rule.count }, { kind: 'milestone', event: 'visit_logged', count: 20 });
  // A year of the demo's visits: the seller's 20th timely visit is long past.
  const held = (await admin.get(`/api/v1/badges?staff_id=${seller.staffId}`)).badges.find((b) => b.rule.id === rule.id);
  assert.equal(held.earned, true, JSON.stringify(held));

  const mobile = await browser.newContext({ ...phone, locale: 'zh-CN' }).then((c) => c.newPage());
  await signIn(mobile, laurel.base, seller.username);
  await mobile.goto(`${laurel.base}/points`);
  await mobile.getByRole('tab', { name: '徽章与旗帜' }).click();
  await mobile.click(`[data-test=badge-why-${rule.id}]`);
  const why = mobile.locator('[data-test=why-badge]');
  await why.waitFor();
  assert.match(await why.innerText(), /e2e 二十见/);
  assert.match(await mobile.locator('[data-test=why-events]').innerText(), /visit\./);
});
