// react-query hooks over api/assessment.ts and api/commendations.ts. An adjustment or a decision
// changes what the tables show: the hooks' roots are invalidated as a whole.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getAssessment, getRubric, type AssessmentLevel } from '../assessment';
import { listCandidates, listCommendations, type CommendationQuery } from '../commendations';

export const assessmentKeys = {
  rubric: (year: number) => ['assessment-rubric', year] as const,
  one: (year: number, level: AssessmentLevel) => ['assessment', year, level] as const,
  candidates: (year: number, q: string) => ['commendation-candidates', year, q] as const,
  commendations: (q: CommendationQuery) => ['commendations', q.year ?? null, q.orgCode ?? null, q.username ?? null] as const,
};

export const useRubric = (year: number, enabled = true) =>
  useQuery({ queryKey: assessmentKeys.rubric(year), queryFn: ({ signal }) => getRubric(year, signal), enabled });

export const useAssessment = (year: number, level: AssessmentLevel) =>
  useQuery({ queryKey: assessmentKeys.one(year, level), queryFn: ({ signal }) => getAssessment(year, level, signal), placeholderData: keepPreviousData });

export const useCommendations = (q: CommendationQuery, enabled = true) =>
  useQuery({ queryKey: assessmentKeys.commendations(q), queryFn: ({ signal }) => listCommendations(q, signal), enabled });

export const useCandidates = (year: number, q: string) =>
  useQuery({ queryKey: assessmentKeys.candidates(year, q), queryFn: ({ signal }) => listCandidates(year, q, signal), placeholderData: keepPreviousData });

/** After an adjustment or a saved rubric: every assessment read again (ranks move). */
export function useInvalidateAssessment() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['assessment'] });
}

/** After a nomination or a decision: every list of commendations read again. */
export function useInvalidateCommendations() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['commendations'] });
}
