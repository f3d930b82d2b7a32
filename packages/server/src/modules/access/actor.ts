// Who is acting: the logged-in user as every service sees it.
export const ROLES = ['admin', 'city', 'region'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { admin: '系统管理员', city: '市总工会', region: '县区工会' };

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  orgName: string;
  ip: string | null;
}
