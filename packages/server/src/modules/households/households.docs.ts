// Response shapes for the OpenAPI document. Requests are documented from core's householdSchema.
import { z } from 'zod';
import { HOUSEHOLD_STATUSES, householdSchema, LIFECYCLE_ACTIONS } from '@bangfu/core';

const warning = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const householdResponse = z
  .object({
    id: z.number().int(),
    workerNo: z.string().describe('职工编号, e.g. H0100001'),
    version: z.number().int().describe('send it back with PUT'),
    status: z.enum(HOUSEHOLD_STATUSES).describe('draft 草稿, submitted 待单位审核, unitApproved 待市总审核, filed 已建档, removed 已剔除, exited 已脱困'),
    removalReason: z.string().nullable(),
    perCapitaIncome: z.number().describe('家庭年人均收入, yuan, derived'),
    warnings: z.array(warning).describe('data-quality warnings, never blocking'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .catchall(z.unknown())
  .describe('The household file in the spec format (every field of the request, money in yuan) plus the fields the system adds');

export const householdUpdateBody = z.intersection(householdSchema, z.object({ version: z.number().int() }));

export const listItem = z.object({
  id: z.number().int(), workerNo: z.string(), regionCode: z.string(), regionName: z.string(), name: z.string(), gender: z.string(),
  idNumber: z.string().describe('masked: 420802********0519'), category: z.string(), fillDate: z.string(), householdSize: z.number().int(),
  householdAnnualIncome: z.number(), perCapitaIncome: z.number(), causes: z.array(z.string()), status: z.string(), warningCount: z.number().int(), updatedAt: z.string(),
});

export const listResponse = z.object({ items: z.array(listItem), total: z.number().int() });

export const historyResponse = z.object({
  items: z.array(z.object({
    version: z.number().int(),
    action: z.enum(['create', 'update', ...LIFECYCLE_ACTIONS]).describe('create, update, or a lifecycle action (submit, unitAgree, unitReturn, cityAgree, cityReturn, remove, exit, reopen)'),
    changedAt: z.string(),
    changedBy: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }),
    reason: z.string().nullable(),
    changes: z.array(z.object({ path: z.string(), label: z.string(), old: z.unknown(), new: z.unknown() })),
  })),
});

export const idParams = z.object({ id: z.string().regex(/^\d+$/) });
export const removeBody = z.object({ reason: z.string().min(1).max(500).describe('剔除原因') });
