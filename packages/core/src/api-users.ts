// The responses of the user administration (accounts, the city union's approvals) and of the unit
// import: what the server serializes with and the browser's types derive from.
import { z } from 'zod';
import { ROLES } from './roles.js';

const int = () => z.number().int();

export const userItemSchema = z.object({
  id: int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  active: z.boolean(),
  locked: z.boolean().describe('too many failed logins: locked for a while'),
  createdAt: z.string(),
  pendingApproval: z.boolean().describe("waits for a city-union cadre's approval (new account, password reset or reactivation)"),
});
export type UserItem = z.infer<typeof userItemSchema>;
export const userListResponseSchema = z.object({ items: z.array(userItemSchema) });

export const APPROVAL_KINDS = ['create', 'reset', 'activate'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export const approvalItemSchema = z.object({
  id: int(),
  kind: z.enum(APPROVAL_KINDS),
  kindLabel: z.string(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  user: z.object({ id: int(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), roleLabel: z.string(), orgCode: z.string(), orgName: z.string() }),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;
export const approvalListResponseSchema = z.object({ items: z.array(approvalItemSchema) });

export const approvalDecisionResponseSchema = z.object({
  id: int(),
  status: z.enum(['approved', 'refused']),
  password: z.string().optional().describe('an approved new account or password reset: shown once'),
});
export type ApprovalDecisionResult = z.infer<typeof approvalDecisionResponseSchema>;

export const orgImportResponseSchema = z.object({ created: int(), codes: z.array(z.string()) });
export type OrgImportResult = z.infer<typeof orgImportResponseSchema>;
