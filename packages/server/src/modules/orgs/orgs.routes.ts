import type { FastifyInstance } from 'fastify';
import { orgImportResponseSchema, orgListResponseSchema, orgSchema } from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { routeSchema } from '../../lib/route.docs.js';
import { actorOf } from '../../lib/request.context.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { isAdmin } from '../access/scope.js';
import { listOrgs } from './orgs.repository.js';
import { createOrg, importUnits, newOrgSchema, orgPatchSchema, updateOrg } from './orgs.service.js';
import { readUnitsXlsx } from './orgs.import.js';

const tags = ['orgs 组织'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function orgRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/api/orgs', {
    schema: routeSchema({ summary: 'The organization tree as a flat list with parentCode (city → regions → grassroots unions)', tags, response: { 200: orgListResponseSchema } }),
  }, async () => ({ items: await listOrgs(db) }));

  app.post('/api/orgs', {
    schema: routeSchema({ summary: 'Create a grassroots union under a region (admins); returns its code, like H01-0001', tags, body: newOrgSchema, response: { 201: orgSchema } }),
  }, async (req, reply) => reply.code(201).send(await createOrg(db, actorOf(req), req.body)));

  app.patch('/api/orgs/:code', {
    schema: routeSchema({ summary: 'Rename, move (a unit to another region) or deactivate (admins)', tags, body: orgPatchSchema, response: { 200: orgSchema } }),
  }, async (req) => updateOrg(db, actorOf(req), (req.params as { code: string }).code, req.body));

  app.post('/api/orgs/import', {
    schema: routeSchema({ summary: `Import grassroots unions from .xlsx (body: the workbook, content-type ${XLSX}; columns 名称, 上级组织代码); all or nothing`, tags, response: { 200: orgImportResponseSchema } }),
  }, async (req) => {
    const actor = actorOf(req);
    if (!isAdmin(actor)) throw forbidden('只有系统管理员可以管理组织');
    if (!Buffer.isBuffer(req.body)) throw new AppError('INVALID_FILE', { message: `请以 .xlsx 文件内容作为请求体上传（Content-Type: ${XLSX}）`, errors: [{ path: 'file', message: '请上传 .xlsx 文件' }] });
    return importUnits(db, actor, await readUnitsXlsx(req.body));
  });
}
