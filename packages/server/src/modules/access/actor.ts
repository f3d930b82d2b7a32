// Who is acting: the logged-in user as every service sees it. The roles themselves are core's.
import type { Role } from '@bangfu/core';

export { ROLES, ROLE_LABELS, ROLE_ORG_KIND, type Role } from '@bangfu/core';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  orgName: string;
  ip: string | null;
}
