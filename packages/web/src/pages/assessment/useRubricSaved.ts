// A saved rubric: the editor shows the server's answer at once, and every assessment of the year is
// read again (the scores and ranks follow the new rule).
import { useQueryClient } from '@tanstack/react-query';
import type { Rubric } from '../../api/assessment';
import { assessmentKeys } from '../../api/queries/assessment';

export function useRubricSaved(year: number) {
  const client = useQueryClient();
  return (r: Rubric) => {
    client.setQueryData(assessmentKeys.rubric(year), r);
    void client.invalidateQueries({ queryKey: ['assessment', year] });
  };
}
