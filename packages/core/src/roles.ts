// Who uses the system: the roles, their Chinese names, the kind of organization each belongs to,
// and the organization-subtree rule both the server (the authority) and the browser apply.
export const ROLES = ['admin', 'city', 'leader', 'staff', 'region', 'unit', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  city: '市总工会',
  leader: '市总领导',
  staff: '机关干部',
  region: '县区工会',
  unit: '基层工会',
  viewer: '领导小组',
};

export type OrgKind = 'city' | 'region' | 'unit';

/** The kind of organization each role belongs to (a new user's 所属组织 is chosen among these). */
export const ROLE_ORG_KIND: Record<Role, OrgKind> = {
  admin: 'city', city: 'city', leader: 'city', staff: 'city', viewer: 'city', region: 'region', unit: 'unit',
};

export const ORG_KIND_LABELS: Record<OrgKind, string> = { city: '市总工会', region: '县（市、区）工会', unit: '基层工会' };

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** A person as the organization rules see them: 'H' the city, 'H01' a region, 'H01-0001' a grassroots union. */
export interface OrgMember {
  role: Role | string;
  orgCode: string;
}

/**
 * Whether a file at this place (region, unit) lies in the person's organization subtree: the city
 * roles see all, a region its region, a unit its own subtree; leaders and staff no organization's.
 */
export function inOrgSubtree(who: OrgMember, regionCode: string, unitId: string | null | undefined): boolean {
  switch (who.role) {
    case 'admin':
    case 'city':
    case 'viewer':
      return true;
    case 'region':
      return who.orgCode.slice(0, 3) === regionCode;
    case 'unit':
      return !!unitId && (unitId === who.orgCode || unitId.startsWith(`${who.orgCode}-`));
    default:
      return false;
  }
}

/**
 * Whether a person may be named responsible (责任领导, 具体责任人) for a file at this place: a
 * county or grassroots cadre must be one who can see the file; city people see it through the link.
 */
export function reachesFile(who: OrgMember, regionCode: string, unitId: string | null | undefined): boolean {
  if (who.role === 'region' || who.role === 'unit') return inOrgSubtree(who, regionCode, unitId);
  return true;
}
