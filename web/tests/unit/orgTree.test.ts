import { describe, expect, it } from 'vitest';
import type { KeyPerson, OrgUnit } from '@/api/types';
import { buildOrgTree } from '@/lib/orgTree';

const unit = (id: number, parent_id: number | null, name: string): OrgUnit => ({ id, client_id: 1, parent_id, name });
const person = (id: number, org_unit_id: number | null, name: string, erased = false): KeyPerson => ({
  id, client_id: 1, org_unit_id, reports_to_id: null, decision_role: 'other', influence: 'influencer',
  touch_frequency_days: null, active: !erased, erased, name, title: null, phone: null, email: null, wechat: null,
  contact_masked: false,
});

describe('buildOrgTree', () => {
  it('nests units by parent and puts people in their unit, people before sub-units', () => {
    const tree = buildOrgTree(
      [unit(1, null, '总部'), unit(2, 1, '资产管理部'), unit(3, 2, '固收组')],
      [person(10, 2, '张总'), person(11, 3, '李经理')],
      '未归入部门',
    );
    expect(tree.map((n) => n.key)).toEqual(['unit-1']);
    const am = tree[0].children[0];
    expect(am.label).toBe('资产管理部');
    expect(am.children.map((n) => n.key)).toEqual(['person-10', 'unit-3']);
    expect(am.children[1].children.map((n) => n.label)).toEqual(['李经理']);
  });
  it('gathers people without a unit and leaves erased people out', () => {
    const tree = buildOrgTree([unit(1, null, '总部')], [person(10, null, '王总'), person(11, 1, '(erased)', true)], 'none');
    expect(tree.map((n) => n.label)).toEqual(['总部', 'none']);
    expect(tree[0].children).toEqual([]);
    expect(tree[1].children.map((n) => n.label)).toEqual(['王总']);
  });
});
