// The responses of the assessment (考核) and commendation (表彰) routes.
import { z } from 'zod';
import { ASSESSMENT_LEVELS, INDICATOR_CODES } from './assessment.js';
import { COMMENDATION_KINDS, COMMENDATION_SOURCES, COMMENDATION_STATUSES } from './commendation.js';

const int = () => z.number().int();
const ymd = () => z.string().describe('YYYY-MM-DD');

export const rubricSchema = z.object({
  year: int(),
  items: z.array(z.object({
    code: z.enum(INDICATOR_CODES), name: z.string(), unit: z.enum(['rate', 'per100']), better: z.enum(['higher', 'lower']), how: z.string(),
    weight: int(), zero: z.number(), full: z.number(),
  })),
  saved: z.boolean().describe('false: the seeded rubric, not yet saved for this year'),
  updatedBy: z.string().nullable(), updatedAt: z.string().nullable(),
  version: int(),
});
export type Rubric = z.infer<typeof rubricSchema>;

/** A number an indicator came from, and the page that lists it (an in-app path) where there is one. */
export const evidenceSchema = z.object({ label: z.string(), n: int(), link: z.string().nullable() });
export type Evidence = z.infer<typeof evidenceSchema>;

export const adjustmentSchema = z.object({ id: int(), points: z.number(), reason: z.string(), by: z.string(), at: z.string() });

export const assessmentItemSchema = z.object({
  orgCode: z.string(), orgName: z.string(),
  indicators: z.array(z.object({
    code: z.enum(INDICATOR_CODES), name: z.string(),
    value: z.number().nullable().describe('a rate 0–1 or a number per hundred; null when it does not apply (nothing to measure)'),
    score: z.number().nullable().describe('0–100 by the rubric\'s rule, one decimal'),
    weight: int(),
    evidence: z.array(evidenceSchema),
  })),
  base: z.number().nullable().describe('the weighted score of the indicators that apply'),
  adjustment: z.number().describe('the sum of the manual adjustments'),
  adjustments: z.array(adjustmentSchema),
  total: z.number().nullable(),
  rank: int().nullable(),
});
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;

export const assessmentSchema = z.object({
  year: int(), level: z.enum(ASSESSMENT_LEVELS),
  asOf: ymd().describe('the day the time-bound indicators are measured on: the year\'s last day, or today while it runs'),
  campaigns: z.array(z.object({ id: int(), name: z.string() })).describe('the year\'s campaigns the baselines, submissions and reports come from'),
  overdueDays: int(), target: int().describe('the yearly solved-problems target of targetMet'),
  finalized: z.object({ by: z.string(), at: z.string() }).nullable().describe('set once the city union finalized the year\'s result of this level: the numbers are those of that moment'),
  items: z.array(assessmentItemSchema),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const commendationSchema = z.object({
  id: int(), year: int(), kind: z.enum(COMMENDATION_KINDS),
  orgCode: z.string().describe('the organization commended, or the person\'s'), orgName: z.string(),
  username: z.string().nullable(), displayName: z.string().nullable(),
  title: z.string(), reason: z.string(), source: z.enum(COMMENDATION_SOURCES),
  status: z.enum(COMMENDATION_STATUSES),
  proposedBy: z.string(), proposedAt: z.string(),
  decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), opinion: z.string().nullable(),
  record: z.object({ households: int(), records: int(), visits: int(), solved: int(), money: int().describe('fen') }).nullable()
    .describe('a person: the year\'s assistance they recorded (households helped, records, visits, solved problems, money)'),
  assessment: z.object({ total: z.number().nullable(), rank: int().nullable() }).nullable().describe('an organization: its assessment of the year'),
});
export type Commendation = z.infer<typeof commendationSchema>;
export const commendationListSchema = z.object({ items: z.array(commendationSchema) });

/** A cadre the caller may nominate as 先进个人, with their record of the year. */
export const commendationCandidateListSchema = z.object({
  items: z.array(z.object({
    username: z.string(), displayName: z.string(), orgCode: z.string(), orgName: z.string(),
    record: z.object({ households: int(), records: int(), visits: int(), solved: int(), money: int() }),
  })),
});
export type CommendationCandidate = z.infer<typeof commendationCandidateListSchema>['items'][number];
