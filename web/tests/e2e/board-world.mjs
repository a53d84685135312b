// What the leaderboard end-to-end tests set up the same way: salespeople with a login and a
// staff record in the test's department, client banks each covered by one of them, and trades
// posted by the trading system (an integration user's token). `world` is filled in by the
// test's before(): { laurel, admin, ta, org: { department, fund }, password, codePrefix,
// tradePrefix } — read when each helper runs, not when it is made.
import assert from 'node:assert/strict';
import { creditCode } from './credit-code.mjs';

export async function created(call, what) {
  const r = await call;
  assert.ok(r.status === 201 || r.status === 200, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export function boardWorld(world) {
  async function salesperson(username, name) {
    const { admin, org, password } = world;
    const user = await created(admin.call('POST', '/api/v1/users', { username, display_name: name, role: 'sales', password }), 'user');
    const staff = await created(
      admin.call('POST', '/api/v1/staff', { name, title: '客户经理', user_id: user.id, department_id: org.department, effective_from: '2025-01-01' }),
      'staff',
    );
    return { username, name, staff: staff.id };
  }

  async function client(name, serial, staffId) {
    const { admin, codePrefix } = world;
    const c = await created(
      admin.call('POST', '/api/v1/clients', { name, registration_code: creditCode(`${codePrefix}${String(serial).padStart(5, '0')}`), type: 'bank' }),
      'client',
    );
    await created(
      admin.call('PUT', `/api/v1/clients/${c.id}/coverage`, { effective_from: '2025-01-01', members: [{ staff_id: staffId, role: 'primary', share_percent: 100 }] }),
      'coverage',
    );
    return c.id;
  }

  // A subscription that happened two seconds ago, so it counts in the period running now.
  async function trade(clientId, amount) {
    const { laurel, ta, org, tradePrefix } = world;
    const r = await fetch(`${laurel.base}/api/v1/transactions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ta}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        external_id: `${tradePrefix}-${clientId}-${amount}`,
        client_id: clientId,
        product_id: org.fund,
        kind: '申购',
        amount,
        trade_time: new Date(Date.now() - 2_000).toISOString(),
      }),
    });
    assert.equal(r.status, 201, await r.text());
  }

  return { salesperson, client, trade };
}
