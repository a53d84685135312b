// Moves within a client's org chart: a unit to a new parent (or the top level), a person to a
// unit (or none). Each move knows how to undo itself, and which moves the chart allows.
import { patch } from '@/api/client';
import type { OrgTreeNode } from './orgTree';

export interface OrgMove {
  kind: 'unit' | 'person';
  id: number;
  label: string;
  from: number | null; // parent unit (unit) or org unit (person) before the move
  to: number | null;
}

export function applyMove(move: Pick<OrgMove, 'kind' | 'id' | 'to'>): Promise<unknown> {
  return move.kind === 'unit'
    ? patch(`/api/v1/org-units/${move.id}`, { parent_id: move.to })
    : patch(`/api/v1/key-people/${move.id}`, { org_unit_id: move.to });
}

export function undoOf(move: OrgMove): OrgMove {
  return { ...move, from: move.to, to: move.from };
}

/** The unit ids of a unit's subtree (itself included): a unit cannot move under them. */
export function subtreeUnitIds(node: OrgTreeNode): Set<number> {
  const ids = new Set<number>();
  const walk = (n: OrgTreeNode) => {
    if (n.kind !== 'unit') return;
    ids.add(n.id);
    n.children.forEach(walk);
  };
  walk(node);
  return ids;
}

/**
 * Where a dragged node would land when dropped `inner`, `prev` or `next` of a target: the new
 * parent unit id (null: top level, or no unit for a person), or undefined when not allowed.
 * `targetParent` is the unit the target sits in (null at the top level).
 */
export function landingOf(
  dragged: OrgTreeNode,
  target: OrgTreeNode,
  type: 'inner' | 'prev' | 'next',
  targetParent: OrgTreeNode | null,
): number | null | undefined {
  const isNoUnit = (n: OrgTreeNode | null) => n !== null && n.kind === 'unit' && n.id === 0;
  let parent: OrgTreeNode | null;
  if (type === 'inner') {
    if (target.kind !== 'unit') return undefined;
    parent = target;
  } else {
    parent = targetParent;
  }
  if (dragged.kind === 'person') {
    if (parent === null) return undefined; // people sit in a unit, or under "no unit"
    return isNoUnit(parent) ? null : parent.id;
  }
  if (isNoUnit(parent) || isNoUnit(target)) return undefined;
  if (parent === null) return null;
  if (subtreeUnitIds(dragged).has(parent.id)) return undefined; // never under itself
  return parent.id;
}
