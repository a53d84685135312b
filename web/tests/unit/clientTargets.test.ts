import { describe, expect, it } from 'vitest';
import type { Target } from '@/api/types';
import { clientTargetLines, departmentOfUser, fenOf, offersClientTargets } from '@/lib/clientTargets';

const target = (id: number, extra: Partial<Target>): Target => ({
  id,
  subject_kind: 'staff',
  subject_id: 7,
  scope: 'client',
  client_id: 100 + id,
  campaign_id: null,
  metric: 'subscription',
  period: '2026-Q4',
  period_start: '2026-10-01',
  period_end: '2026-12-31',
  target_amount: '1000000.00',
  target_count: null,
  achieved_amount: '0.00',
  achieved_count: null,
  achievement_percent: 0,
  ...extra,
});

describe('yuan as fen', () => {
  it('reads the API\'s decimal strings exactly', () => {
    expect(fenOf('1234.56')).toBe(123456);
    expect(fenOf('0.10')).toBe(10);
    expect(fenOf('500')).toBe(50000);
    expect(fenOf('-20.05')).toBe(-2005);
    expect(fenOf('50000000000.00')).toBe(5_000_000_000_000);
    expect(fenOf(null)).toBe(0);
    expect(fenOf('garbage')).toBe(0);
  });
});

describe('a row\'s client targets', () => {
  it('are its client targets on subscription, the largest target first', () => {
    const lines = clientTargetLines([
      target(1, { target_amount: '2000000.00', achieved_amount: '500000.00', achievement_percent: 25 }),
      target(2, { scope: 'overall', client_id: null, target_amount: '9000000.00' }),
      target(3, { metric: 'net_flow', target_amount: '8000000.00' }),
      target(4, { scope: 'campaign', client_id: null, campaign_id: 2 }),
      target(5, { target_amount: '12000000.00', achieved_amount: '15000000.00', achievement_percent: 125 }),
      target(6, { client_id: 90, target_amount: '2000000.00' }),
    ]);
    expect(lines.map((l) => l.clientId)).toEqual([105, 90, 101]);
    expect(lines[0]).toEqual({ id: 5, clientId: 105, target: '12000000.00', achieved: '15000000.00', percent: 125 });
  });
  it('are none without client targets', () => {
    expect(clientTargetLines([])).toEqual([]);
    expect(clientTargetLines([target(1, { scope: 'overall', client_id: null })])).toEqual([]);
  });
});

describe('which rows open up to their client targets', () => {
  const people = { built_in: 'client_target_achievement' as const, subject: 'staff' as const };
  const departments = { ...people, subject: 'department' as const };
  const salesperson = { manages: false, departmentId: 3 };
  const manager = { manages: true, departmentId: null };
  const row = (subject_id: number | null, me = false) => ({ subject_id, me });

  it('my own row, and for managers anyone\'s', () => {
    expect(offersClientTargets(people, row(7, true), salesperson)).toBe(true);
    expect(offersClientTargets(people, row(8), salesperson)).toBe(false);
    expect(offersClientTargets(people, row(8), manager)).toBe(true);
  });
  it('on a board of departments, my department\'s row (it is never marked mine)', () => {
    expect(offersClientTargets(departments, row(3), salesperson)).toBe(true);
    expect(offersClientTargets(departments, row(4), salesperson)).toBe(false);
    expect(offersClientTargets(departments, row(3), { manages: false, departmentId: null })).toBe(false);
    expect(offersClientTargets(departments, row(4), manager)).toBe(true);
  });
  it('never a hidden name, nor on other boards', () => {
    expect(offersClientTargets(people, row(null, true), manager)).toBe(false);
    expect(offersClientTargets({ ...people, built_in: 'campaign_achievement' }, row(7, true), manager)).toBe(false);
    expect(offersClientTargets({ ...people, built_in: null }, row(7, true), manager)).toBe(false);
  });
});

describe('a login\'s department', () => {
  const staff = [
    { user_id: 5, department_id: 2, active: false },
    { user_id: 9, department_id: 4, active: true },
    { user_id: 5, department_id: 3, active: true },
    { user_id: null, department_id: 6, active: true },
  ];
  it('is that of the active staff record linked to it', () => {
    expect(departmentOfUser(staff, 5)).toBe(3);
    expect(departmentOfUser(staff, 9)).toBe(4);
  });
  it('is unknown without one', () => {
    expect(departmentOfUser(staff, 11)).toBeNull();
    expect(departmentOfUser(staff, null)).toBeNull();
  });
});
