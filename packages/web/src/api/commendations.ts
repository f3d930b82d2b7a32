// 表彰 (server modules/assessment): nominations of units and people for a year, the city union's
// decision, and the approved list as PDF and Excel. Response types are core's schemas.
import type { Commendation, CommendationCandidate, CommendationInput } from '@bangfu/core';
import { downloadFile, http } from './request';

export type { Commendation, CommendationCandidate, CommendationInput };

export interface CommendationQuery {
  year?: number;
  orgCode?: string;
  username?: string;
}

/** Of the user's scope; without a year every year's. */
export function listCommendations(query: CommendationQuery, signal?: AbortSignal): Promise<{ items: Commendation[] }> {
  return http.get('/api/commendations', { query: { ...query }, signal });
}

/** 201; 409 ALREADY_NOMINATED when the subject has a live nomination for the title that year. */
export function proposeCommendation(input: CommendationInput): Promise<Commendation> {
  return http.post('/api/commendations', input);
}

/** The city union; an opinion is required to decline. 409 COMMENDATION_DECIDED when decided meanwhile. */
export function decideCommendation(id: number, decision: 'approve' | 'decline', opinion?: string): Promise<Commendation> {
  return http.post(`/api/commendations/${id}/decision`, { decision, ...(opinion ? { opinion } : {}) });
}

/** The year's approved list (打印名单 as PDF, or the workbook). */
export function downloadCommendations(year: number, kind: 'pdf' | 'xlsx'): Promise<string> {
  return downloadFile(`/api/commendations.${kind}`, `${year}年度表彰名单.${kind}`, { query: { year } });
}

/** The cadres the user may nominate (city: any; a county union: its region's), by name, with the year's record. */
export function listCandidates(year: number, q: string, signal?: AbortSignal): Promise<{ items: CommendationCandidate[] }> {
  return http.get('/api/commendations/candidates', { query: { year, ...(q ? { q } : {}) }, signal });
}
