// The organization tree from GET /api/orgs' flat list: 荆门市总工会 → 县（市、区）工会 → 基层工会.
import type { Org } from '../api/orgs';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
  /** 基层工会 under it (all, active or not) */
  unitCount: number;
}

const byCode = (a: OrgNode, b: OrgNode) => a.org.code.localeCompare(b.org.code);

/**
 * Roots (no parent, or a parent not in the list) with their children, each level sorted by
 * code. A search keeps the nodes whose name or code contains it, with their ancestors.
 */
export function buildOrgTree(orgs: readonly Org[], search = ''): OrgNode[] {
  const nodes = new Map<string, OrgNode>(orgs.map((o) => [o.code, { org: o, children: [], unitCount: 0 }]));
  const roots: OrgNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.org.parentCode ? nodes.get(n.org.parentCode) : undefined;
    if (parent && parent !== n) parent.children.push(n);
    else roots.push(n);
  }
  const count = (n: OrgNode): number => {
    n.children.sort(byCode);
    n.unitCount = n.children.reduce((s, c) => s + (c.org.kind === 'unit' ? 1 : 0) + count(c), 0);
    return n.unitCount;
  };
  roots.sort(byCode).forEach(count);
  const term = search.trim().toLowerCase();
  if (!term) return roots;
  const keep = (n: OrgNode): OrgNode | null => {
    const kids = n.children.map(keep).filter((c): c is OrgNode => c !== null);
    const hit = n.org.name.toLowerCase().includes(term) || n.org.code.toLowerCase().includes(term);
    return hit || kids.length ? { ...n, children: kids } : null;
  };
  return roots.map(keep).filter((n): n is OrgNode => n !== null);
}

/** Every code in the tree that has children (to expand them all). */
export function branchCodes(nodes: readonly OrgNode[]): string[] {
  const out: string[] = [];
  const walk = (n: OrgNode) => {
    if (n.children.length) {
      out.push(n.org.code);
      n.children.forEach(walk);
    }
  };
  nodes.forEach(walk);
  return out;
}

/** The org options a new user of this role may belong to: the city, a region, or a 基层工会. */
export function orgOptionsForKind(orgs: readonly Org[], kind: Org['kind']): { value: string; label: string }[] {
  const names = new Map(orgs.map((o) => [o.code, o.name]));
  return orgs
    .filter((o) => o.kind === kind && o.active)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((o) => ({
      value: o.code,
      label: o.kind === 'unit' && o.parentCode ? `${o.name}（${o.code}，${names.get(o.parentCode) ?? o.parentCode}）` : `${o.name}（${o.code}）`,
    }));
}
