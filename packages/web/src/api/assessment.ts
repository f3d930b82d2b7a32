// 考核 (server modules/assessment): a year's rubric, the assessment of the county unions or of the
// large units computed from the data with it, and the city union's manual adjustments. Response
// types are core's schemas (z.infer); rates are 0–1 here, whatever the pages show.
import type { Assessment, AssessmentItem, AssessmentLevel, Evidence, Rubric, RubricItem, adjustmentSchema } from '@bangfu/core';
import type { z } from 'zod';
import { downloadFile, http } from './request';

export type { Assessment, AssessmentItem, AssessmentLevel, Evidence, Rubric, RubricItem };
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type IndicatorResult = AssessmentItem['indicators'][number];

export function getRubric(year: number, signal?: AbortSignal): Promise<Rubric> {
  return http.get('/api/assessment/rubric', { query: { year }, signal });
}

/** The city union; 409 RUBRIC_CHANGED when saved meanwhile (version is the one read). */
export function saveRubric(year: number, body: { items: RubricItem[]; version: number }): Promise<Rubric> {
  return http.put('/api/assessment/rubric', body, { query: { year } });
}

/** A county or grassroots union gets its own row only. */
export function getAssessment(year: number, level: AssessmentLevel, signal?: AbortSignal): Promise<Assessment> {
  return http.get('/api/assessment', { query: { year, level }, signal });
}

/** 加减分 (the city union): 201 with the adjustment. */
export function addAdjustment(input: { year: number; orgCode: string; points: number; reason: string }): Promise<Adjustment> {
  return http.post('/api/assessment/adjustments', input);
}

export function downloadAssessment(year: number, level: AssessmentLevel): Promise<string> {
  return downloadFile('/api/assessment.xlsx', `${year}年度考核结果.xlsx`, { query: { year, level } });
}

/** 定稿 (the city union): the year's result of the level kept as it stands; 409 ASSESSMENT_FINAL when it is already. */
export function finalizeAssessment(year: number, level: AssessmentLevel): Promise<Assessment> {
  return http.post('/api/assessment/finalize', { year, level });
}
