// Editing a client's org chart on a PC: drag a person into another unit, see it persist after a
// reload, undo it; drag a unit under another. Real Laurel, real Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from './harness.mjs';

let laurel;
let browser;
let admin;

before(async () => {
  laurel = await startLaurel();
  browser = await launchBrowser();
  admin = await apiAs(laurel.base, 'admin');
});

after(async () => {
  await browser?.close();
  await laurel?.stop();
});

/** A demo client with at least three units and a key person in one of them. */
async function clientWithUnits() {
  const clients = await admin.get('/api/v1/clients?limit=20');
  for (const c of clients.items) {
    const chart = await admin.get(`/api/v1/clients/${c.id}/org-chart`);
    const person = chart.key_people.find((p) => p.org_unit_id !== null && !p.erased);
    if (chart.units.length >= 3 && person) return { client: c, chart, person };
  }
  throw new Error('no demo client with an org chart');
}

const nodeOf = (page, key) => page.locator(`.el-tree-node:has(> .el-tree-node__content [data-node="${key}"])`);

test('drag a person into another unit: saved, and still there after a reload', async () => {
  const { client, chart, person } = await clientWithUnits();
  const from = person.org_unit_id;
  const to = chart.units.find((u) => u.id !== from).id;

  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, 'admin');
  await page.goto(`${laurel.base}/clients/${client.id}?tab=org`);
  await page.locator('[data-test=org-tree]').waitFor();

  await page.locator(`[data-node="person-${person.id}"]`).dragTo(page.locator(`[data-node="unit-${to}"]`));
  await page.getByText(`已移动"${person.name}"`).waitFor();
  assert.equal((await admin.get(`/api/v1/key-people/${person.id}`)).org_unit_id, to);

  await page.reload();
  await page.locator('[data-test=org-tree]').waitFor();
  assert.equal(await nodeOf(page, `unit-${to}`).locator(`[data-node="person-${person.id}"]`).count(), 1,
    'after a reload the person sits in the new unit');

  // Undo is for the moves of this page view; a reload starts with none to undo.
  assert.equal(await page.locator('[data-test=org-undo]').isDisabled(), true);
  await context.close();
});

test('undo puts a moved unit back under its old parent', async () => {
  const { client, chart } = await clientWithUnits();
  // A unit with a parent, moved under a unit outside its own subtree.
  const moved = chart.units.find((u) => u.parent_id !== null);
  const inside = new Set([moved.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of chart.units) if (u.parent_id !== null && inside.has(u.parent_id) && !inside.has(u.id)) inside.add(u.id), (grew = true);
  }
  const target = chart.units.find((u) => !inside.has(u.id) && u.id !== moved.parent_id);
  assert.ok(target, 'the demo chart has a unit to move under');

  const context = await browser.newContext({ ...pc, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, 'admin');
  await page.goto(`${laurel.base}/clients/${client.id}?tab=org`);
  await page.locator('[data-test=org-tree]').waitFor();
  await page.locator(`[data-node="unit-${moved.id}"]`).dragTo(page.locator(`[data-node="unit-${target.id}"]`));
  await page.getByText(`已移动"${moved.name}"`).first().waitFor();
  assert.equal((await admin.get(`/api/v1/org-units/${moved.id}`)).parent_id, target.id);

  await page.click('[data-test=org-undo]');
  await page.waitForFunction(async ([id, parent]) => {
    const r = await fetch(`/api/v1/org-units/${id}`);
    return (await r.json()).parent_id === parent;
  }, [moved.id, moved.parent_id]);
  await context.close();
});

test('on a phone, "move" puts a person into another unit without dragging', async () => {
  const { client, chart, person } = await clientWithUnits();
  const now = (await admin.get(`/api/v1/key-people/${person.id}`)).org_unit_id;
  const to = chart.units.find((u) => u.id !== now);

  const context = await browser.newContext({ ...phone, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, laurel.base, 'admin');
  await page.goto(`${laurel.base}/clients/${client.id}?tab=org`);
  await page.click(`[data-test="move-person-${person.id}"]`);
  await page.click('[data-test=org-move-target]');
  const byId = new Map(chart.units.map((u) => [u.id, u]));
  const path = [];
  for (let u = to; u; u = byId.get(u.parent_id)) path.unshift(u.name);
  await page.locator('.el-select-dropdown__item:visible').getByText(path.join(' / '), { exact: true }).click();
  await page.click('[data-test=org-move-confirm]');
  await page.getByText(`已移动"${person.name}"`).waitFor();
  assert.equal((await admin.get(`/api/v1/key-people/${person.id}`)).org_unit_id, to.id);
  await context.close();
});
