// The admin's pages on a PC in English: users and roles, API tokens (the secret shown once, then
// working, then revoked), products, departments and staff, the working-day calendar, the audit
// log, client merge; and on a phone, who sees the manager pages at all. Real Laurel, real Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { creditCode } from './credit-code.mjs';
import { choose, fieldError, openDialog } from './element.mjs';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

let laurel;
let browser;
let admin;
let page;

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
  const context = await browser.newContext({ ...pc, locale: 'en-GB' });
  page = await context.newPage();
  await signIn(page, laurel.base, 'admin');
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

async function userNamed(username) {
  return (await admin.get(`/api/v1/users?q=${username}`)).items.find((u) => u.username === username);
}

test('users: a taken username is refused beside the field; an integration user gets no password', async () => {
  await page.goto(`${laurel.base}/admin/users`);
  await page.locator('[data-test=role-list] dt').getByText('Integration', { exact: true }).waitFor(); // the roles, described
  await page.click('[data-test=user-new]');
  let dialog = openDialog(page);
  await dialog.locator('input[name=username]').fill('admin');
  await dialog.locator('input[name=display_name]').fill('Second admin');
  await dialog.locator('input[name=password]').fill('a-long-enough-password');
  await dialog.locator('[data-test=form-submit]').click();
  await fieldError(dialog, 'Username').waitFor();

  await dialog.locator('input[name=username]').fill('e2e.newhire');
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await userNamed('e2e.newhire')).role, 'sales');

  await page.click('[data-test=user-new]');
  dialog = openDialog(page);
  await dialog.locator('input[name=username]').fill('warehouse');
  await dialog.locator('input[name=display_name]').fill('Data warehouse');
  await choose(page, dialog.locator('[data-test=user-role]'), 'Integration');
  assert.equal(await dialog.locator('input[name=password]').count(), 0);
  await dialog.locator('[data-test=form-submit]').click();
  await dialog.waitFor({ state: 'hidden' });
  const warehouse = await userNamed('warehouse');
  assert.equal(warehouse.role, 'integration');
  assert.equal(warehouse.has_password, false);
});

test('API tokens: the secret is shown once, signs the system in, and stops working when revoked', async () => {
  await page.goto(`${laurel.base}/admin/tokens`);
  await page.click('[data-test=token-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[name=token_name]').fill('Nightly warehouse load');
  await choose(page, dialog.locator('[data-test=token-user]'), 'Data warehouse');
  await dialog.locator('[data-test=form-submit]').click();
  const secret = (await page.locator('[data-test=token-secret] code').innerText()).trim();
  assert.ok(secret.length >= 20);

  const me = () => fetch(`${laurel.base}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal((await me()).status, 200);

  const [token] = (await admin.get('/api/v1/tokens')).items.filter((t) => t.name === 'Nightly warehouse load');
  await page.click(`[data-test=token-revoke-${token.id}]`);
  await page.locator('.el-popconfirm:visible').getByRole('button', { name: 'OK' }).or(page.locator('.el-popper:visible .el-button--primary')).first().click();
  await page.locator('[data-test=token-list]').getByText('Revoked').waitFor();
  assert.equal((await me()).status, 401);
});

test('products: a taken fund code is refused beside the code; a new fund is listed', async () => {
  const [existing] = (await admin.get('/api/v1/products?limit=1')).items;
  await page.goto(`${laurel.base}/admin/products`);
  await page.click('[data-test=product-new]');
  const dialog = openDialog(page);
  await dialog.locator('input[name=code]').fill(existing.code);
  await dialog.locator('input[name=name]').fill('Laurel Green Bond A');
  await dialog.locator('[data-test=form-submit]').click();
  await fieldError(dialog, 'Fund code').waitFor();
  await dialog.locator('input[name=code]').fill('E2E001');
  await dialog.locator('[data-test=form-submit]').click();
  await page.locator('[data-test=product-list]').getByText('Laurel Green Bond A').waitFor();
  const created = (await admin.get('/api/v1/products?q=E2E001')).items[0];
  assert.equal(created.name, 'Laurel Green Bond A');
  assert.equal(created.status, 'open');
});

test('departments and staff: add a team under a department, a person in it, and transfer them on a day', async () => {
  await page.goto(`${laurel.base}/admin/departments`);
  const east = page.locator('[data-test=department-tree] li', { hasText: '华东机构销售部' });
  await east.getByRole('button', { name: 'Add under' }).click();
  let dialog = openDialog(page);
  await dialog.locator('input[name=department_name]').fill('华东二组');
  await dialog.locator('[data-test=form-submit]').click();
  await page.locator('[data-test=department-华东二组]').waitFor();
  const team = (await admin.get('/api/v1/departments')).items.find((d) => d.name === '华东二组');
  assert.deepEqual(team.path, ['机构业务总部', '华东机构销售部', '华东二组']);

  await page.click('[data-test=department-华东二组]'); // selected already after creation; clicking keeps it
  await page.click('[data-test=staff-new]');
  dialog = openDialog(page);
  await dialog.locator('input[name=staff_name]').fill('周新');
  await dialog.locator('input[name=staff_title]').fill('销售经理');
  await dialog.locator('[data-test=form-submit]').click();
  await page.locator('[data-test=staff-list]').getByText('周新').waitFor();
  const person = (await admin.get('/api/v1/staff?q=周新')).items[0];
  assert.equal(person.department_id, team.id);

  await page.click(`[data-test=staff-transfer-${person.id}]`);
  dialog = openDialog(page);
  await choose(page, dialog.locator('[data-test=transfer-to]'), '北方机构销售部');
  await dialog.locator('.el-date-editor input').fill('2027-01-01');
  await dialog.locator('.el-date-editor input').press('Enter');
  await dialog.locator('[data-test=form-submit]').click();
  await page.locator('[data-test=staff-list]').getByText('moves to 机构业务总部 / 北方机构销售部').waitFor();
  const moved = await admin.get(`/api/v1/staff/${person.id}`);
  assert.deepEqual(moved.assignments.at(-1), { department_id: 2, effective_from: '2027-01-01' });
});

test('the working-day calendar: make a weekday a holiday and the year has one working day fewer', async () => {
  const before = await admin.get('/api/v1/calendar?year=2027');
  await page.goto(`${laurel.base}/admin/calendar`);
  await page.locator('[data-test=calendar-total]').waitFor();
  await page.getByRole('button', { name: 'Next year' }).click();
  await page.locator('[data-test=calendar-year]').getByText('2027').waitFor();
  await page.click('[data-test="day-2027-03-03"]'); // a Wednesday
  const dialog = openDialog(page);
  // A weekday is a working day already: only "a holiday" can be chosen.
  assert.equal(await dialog.getByRole('radio', { name: 'A working day' }).isDisabled(), true);
  await dialog.locator('input[name=calendar_name]').fill('Company day');
  await dialog.locator('[data-test=form-submit]').click();
  await page.locator('[data-test=calendar-exceptions]').getByText('Company day').waitFor();
  const afterwards = await admin.get('/api/v1/calendar?year=2027');
  assert.equal(afterwards.working_days, before.working_days - 1);
  assert.ok(afterwards.exceptions.some((e) => e.date === '2027-03-03' && e.kind === 'holiday'));
  await page.locator('[data-test=calendar-total]').getByText(`${before.working_days - 1} working days in 2027`).waitFor();

  // Who changed the calendar, and from what: the record changes of the audit page.
  await page.goto(`${laurel.base}/admin/audit?log=records`);
  await page.locator('input[data-test=event-entity-type]').fill('calendar_day');
  await page.locator('input[data-test=event-entity-id]').fill('2027-03-03');
  const change = page.locator('[data-test=event-list] tbody tr.el-table__row', { hasText: 'calendar.day_set' });
  await change.waitFor();
  assert.match(await change.innerText(), /admin\s+calendar\.day_set\s+calendar_day #2027-03-03/);
  await change.locator('.el-table__expand-icon').click();
  await page.locator('[data-test=event-list] pre').getByText('"Company day"').first().waitFor();
});

test('the audit log lists what admins did, filtered by action and record', async () => {
  const user = await admin.call('POST', '/api/v1/users', { username: 'e2e.audited', display_name: 'Audited', role: 'integration' });
  assert.equal(user.status, 201);
  await page.goto(`${laurel.base}/admin/audit`);
  await page.locator('[data-test=audit-list] tbody tr.el-table__row').first().waitFor();
  const filtered = page.waitForResponse((r) => r.url().includes('action=user.create') && r.url().includes(`target_id=${user.body.id}`));
  await page.locator('input[data-test=audit-action]').fill('user.create');
  await page.locator('input[data-test=audit-target-id]').fill(String(user.body.id));
  await filtered;
  const rows = page.locator('[data-test=audit-list] tbody tr.el-table__row');
  await page.waitForFunction(() => document.querySelectorAll('[data-test=audit-list] tbody tr.el-table__row').length === 1);
  assert.match(await rows.first().innerText(), new RegExp(`admin\\s+user\\.create\\s+user #${user.body.id}`));
  await rows.first().locator('.el-table__expand-icon').click();
  await page.locator('[data-test=audit-list] pre').getByText('"e2e.audited"').first().waitFor(); // the record after
});

test('merge clients: the duplicate moves into the survivor and is marked merged', async () => {
  const make = async (name, code) =>
    (await admin.call('POST', '/api/v1/clients', { name, registration_code: creditCode(code), type: 'bank' })).body;
  const survivor = await make('合并测试农商银行', '91330000E2E200001');
  const duplicate = await make('合并测试农商行（重复）', '91330000E2E200002');
  const visit = await admin.call('POST', '/api/v1/visits', {
    external_id: 'e2e-merge-visit',
    client_id: duplicate.id,
    kind: 'call',
    occurred_at: '2026-11-20T10:00:00+08:00',
    notes: 'Recorded against the duplicate',
    attendee_ids: [],
    staff_ids: [1],
  });
  assert.equal(visit.status, 201, JSON.stringify(visit.body));

  await page.goto(`${laurel.base}/admin/merge`);
  await choose(page, page.locator('[data-test=merge-survivor]'), '合并测试农商银行', { type: true });
  await choose(page, page.locator('[data-test=merge-duplicate]'), '合并测试农商行', { type: true });
  await page.click('[data-test=merge-submit]');
  await page.locator('.el-popper:visible .el-button--primary').click();
  await page.locator('[data-test=merge-result]').getByText('Visits: 1').waitFor();
  assert.equal((await admin.get(`/api/v1/clients/${duplicate.id}`)).merged_into, survivor.id);
});

test('on a phone: a salesperson has no manage tab and cannot open admin pages; a manager finds them behind it', async () => {
  const sales = (await admin.get('/api/v1/users?role=sales&limit=1')).items[0].username;
  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const mobile = await context.newPage();
  await signIn(mobile, laurel.base, sales);
  assert.equal(await mobile.locator('[data-test="nav-/manage"]').count(), 0);
  await mobile.goto(`${laurel.base}/admin/users`);
  await mobile.waitForURL(`${laurel.base}/`);
  await mobile.click('[data-test=logout]');
  await mobile.waitForURL(/\/login/);

  await signIn(mobile, laurel.base, 'cengjianhua');
  await mobile.click('[data-test="nav-/manage"]');
  assert.equal(await mobile.locator('[data-test="hub-/admin/users"]').count(), 0); // admins only
  await mobile.click('[data-test="hub-/manage/campaigns"]');
  await mobile.locator('[data-test=campaign-list] li').first().waitFor();
  await context.close();
});
