// A client's org chart as a tree for display: units nest by parent_id, and each key person sits
// in their unit (people without one are gathered under a "no unit" node).
import type { KeyPerson, OrgUnit } from '@/api/types';

export interface OrgTreeNode {
  key: string; // "unit-3" or "person-12": unique across both kinds
  kind: 'unit' | 'person';
  id: number;
  label: string;
  person?: KeyPerson;
  children: OrgTreeNode[];
}

export function buildOrgTree(units: OrgUnit[], people: KeyPerson[], noUnitLabel: string): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const u of units) nodes.set(u.id, { key: `unit-${u.id}`, kind: 'unit', id: u.id, label: u.name, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parent_id !== null ? nodes.get(u.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const loose: OrgTreeNode[] = [];
  for (const p of people) {
    if (p.erased) continue;
    const node: OrgTreeNode = { key: `person-${p.id}`, kind: 'person', id: p.id, label: p.name, person: p, children: [] };
    const unit = p.org_unit_id !== null ? nodes.get(p.org_unit_id) : undefined;
    (unit ? unit.children : loose).push(node);
  }
  // People first within a unit, then sub-units, each in the API's order.
  const order = (list: OrgTreeNode[]) => {
    list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'person' ? -1 : 1));
    list.forEach((n) => order(n.children));
  };
  order(roots);
  if (loose.length) roots.push({ key: 'unit-none', kind: 'unit', id: 0, label: noUnitLabel, children: loose });
  return roots;
}
