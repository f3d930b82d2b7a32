// Who is acting: the logged-in user as every service sees it.
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
/** The kind of organization each role belongs to. */
export const ROLE_ORG_KIND: Record<Role, 'city' | 'region' | 'unit'> = {
  admin: 'city', city: 'city', leader: 'city', staff: 'city', viewer: 'city', region: 'region', unit: 'unit',
};

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  orgName: string;
  ip: string | null;
}
