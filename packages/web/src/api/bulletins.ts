// 通报 (server modules/bulletins): the progress bulletins of the campaigns. The city union drafts
// one as of a day, edits its text and publishes it; everyone reads the published ones (a reading by
// anyone but the city union is recorded). Response types are core's schemas (z.infer).
import type { z } from 'zod';
import type { Bulletin, BulletinEdit, BulletinRow, bulletinListSchema } from '@bangfu/core';
import { downloadFile, http } from './request';

export type { Bulletin, BulletinEdit, BulletinRow };
export type BulletinList = z.infer<typeof bulletinListSchema>;
export type BulletinItem = BulletinList['items'][number];
export type BulletinRead = NonNullable<Bulletin['reads']>[number];

const bulletinUrl = (id: number | string) => `/api/bulletins/${encodeURIComponent(String(id))}`;

/** Newest first: the published ones, and the drafts for the city union. */
export function listBulletins(signal?: AbortSignal): Promise<BulletinList> {
  return http.get('/api/bulletins', { signal });
}

/** A published one opened by anyone but the city union records that reading. */
export function getBulletin(id: number | string, signal?: AbortSignal): Promise<Bulletin> {
  return http.get(bulletinUrl(id), { signal });
}

/** The city union: 201 with the draft, its numbers fixed as of `asOf` and its text drafted from them. */
export function createBulletin(input: { campaignId: number; asOf: string; title?: string }): Promise<Bulletin> {
  return http.post('/api/bulletins', input);
}

/** A draft's text; 409 VERSION_CONFLICT when edited meanwhile, BULLETIN_PUBLISHED once published. */
export function updateBulletin(id: number, edit: BulletinEdit): Promise<Bulletin> {
  return http.put(bulletinUrl(id), edit);
}

/** Draft → published: numbered, read-only, visible to every organization. */
export function publishBulletin(id: number): Promise<Bulletin> {
  return http.post(`${bulletinUrl(id)}/publish`);
}

/** The document as PDF or Word (the download is audited); the server names the file. */
export function downloadBulletin(b: Pick<Bulletin, 'id' | 'number'>, kind: 'pdf' | 'docx'): Promise<string> {
  return downloadFile(`/api/bulletins/${b.id}.${kind}`, `${b.number ?? `通报草稿-${b.id}`}.${kind}`);
}
