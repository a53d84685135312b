import { describe, expect, it } from 'vitest';
import type { KeyPerson, OrgUnit } from '@/api/types';
import { landingOf, undoOf } from '@/lib/orgMoves';
import { buildOrgTree, type OrgTreeNode } from '@/lib/orgTree';

const unit = (id: number, parent_id: number | null): OrgUnit => ({ id, client_id: 1, parent_id, name: `u${id}` });
const person = (id: number, org_unit_id: number | null): KeyPerson => ({
  id, client_id: 1, org_unit_id, reports_to_id: null, decision_role: 'other', influence: 'influencer',
  touch_frequency_days: null, active: true, erased: false, name: `p${id}`, title: null, phone: null, email: null,
  wechat: null, contact_masked: false,
});

// u1 ─ u2 ─ u3, u4 at the top; p10 in u2; p11 in no unit.
const tree = buildOrgTree([unit(1, null), unit(2, 1), unit(3, 2), unit(4, null)], [person(10, 2), person(11, null)], 'none');
const find = (key: string, nodes: OrgTreeNode[] = tree): OrgTreeNode => {
  for (const n of nodes) {
    if (n.key === key) return n;
    const hit = n.children.length ? (() => { try { return find(key, n.children); } catch { return null; } })() : null;
    if (hit) return hit;
  }
  throw new Error(`no ${key}`);
};

describe('landingOf', () => {
  it('puts a person into the unit dropped on, or beside a person into that person’s unit', () => {
    expect(landingOf(find('person-10'), find('unit-4'), 'inner', null)).toBe(4);
    expect(landingOf(find('person-11'), find('person-10'), 'next', find('unit-2'))).toBe(2);
    expect(landingOf(find('person-10'), find('unit-none'), 'inner', null)).toBeNull();
  });
  it('never lets a person onto the top level or inside another person', () => {
    expect(landingOf(find('person-10'), find('unit-4'), 'prev', null)).toBeUndefined();
    expect(landingOf(find('person-11'), find('person-10'), 'inner', find('unit-2'))).toBeUndefined();
  });
  it('moves a unit under another, or to the top level beside a top unit', () => {
    expect(landingOf(find('unit-4'), find('unit-3'), 'inner', find('unit-2'))).toBe(3);
    expect(landingOf(find('unit-3'), find('unit-4'), 'next', null)).toBeNull();
  });
  it('refuses a unit under itself or its own sub-units, and into "no unit"', () => {
    expect(landingOf(find('unit-1'), find('unit-3'), 'inner', find('unit-2'))).toBeUndefined();
    expect(landingOf(find('unit-2'), find('unit-2'), 'inner', find('unit-1'))).toBeUndefined();
    expect(landingOf(find('unit-4'), find('unit-none'), 'inner', null)).toBeUndefined();
  });
});

describe('undoOf', () => {
  it('moves back where the node was', () => {
    expect(undoOf({ kind: 'person', id: 10, label: 'p10', from: 2, to: 4 })).toEqual({ kind: 'person', id: 10, label: 'p10', from: 4, to: 2 });
  });
});
