import type { FastifyRequest } from 'fastify';
import type { Actor } from '../modules/access/actor.js';
import { notFound, unauthenticated } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyInstance {
    jobs: import('../modules/jobs/job-runner.js').JobRunner;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** The largest value of an `integer` id column (PostgreSQL int4). */
export const MAX_ID = 2_147_483_647;

export function idParam(req: FastifyRequest): number {
  const raw = (req.params as { id?: string }).id ?? '';
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  // ids are 32-bit integer columns (PostgreSQL refused 2^31 with a 500): a larger one cannot exist
  return Number.isSafeInteger(id) && id > 0 && id <= MAX_ID ? id : -1;
}

/** The :id of a household route; an id that cannot exist answers like a missing file. */
export function householdIdParam(req: FastifyRequest): number {
  const n = idParam(req);
  if (n < 0) throw notFound('档案');
  return n;
}
