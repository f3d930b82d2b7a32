// A batch decision on selected rows (review queue: 同意 / 退回; removal proposals: 确认剔除 /
// 不予剔除): which rows wait in the confirm dialog, the request as a react-query mutation, the
// per-row outcome kept above the table, and a toast saying how many went through.
import { useState } from 'react';
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/request';
import type { BatchFailure } from './paging';

export interface BatchOutcome<D extends string> {
  decision: D;
  done: number;
  failures: BatchFailure[];
}

export interface BatchActionOptions<D extends string, R> {
  /** sends the decision with the dialog's text; resolves to how many went through and which failed */
  run: (decision: D, rows: R[], text: string | undefined) => Promise<{ done: number; failures: BatchFailure[] }>;
  /** the toasts: all went through / some failed */
  success: (o: BatchOutcome<D>) => string;
  partial: (o: BatchOutcome<D>) => string;
  /** the list queries to read again afterwards, e.g. [['households']] */
  invalidate: readonly (readonly unknown[])[];
  /** after a batch went out (the menu's badges re-count) */
  onDone?: () => void;
}

interface Vars<D, R> {
  decision: D;
  rows: R[];
  text: string | undefined;
}

export function useBatchAction<D extends string, R>({ run, success, partial, invalidate, onDone }: BatchActionOptions<D, R>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ decision: D; rows: R[] } | null>(null);
  const [outcome, setOutcome] = useState<BatchOutcome<D> | null>(null);
  const mutation = useMutation({
    mutationFn: ({ decision, rows, text }: Vars<D, R>) => run(decision, rows, text),
    onSuccess: (r, { decision }) => {
      const o = { decision, ...r };
      setOutcome(o);
      setPending(null);
      if (o.failures.length === 0) message.success(success(o));
      else message.warning(partial(o));
      for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: key });
      onDone?.();
    },
  });

  return {
    /** the decision waiting in the confirm dialog */
    pending,
    open(decision: D, rows: R[]) {
      if (rows.length === 0) return;
      mutation.reset();
      setPending({ decision, rows });
    },
    cancel() {
      if (!mutation.isPending) setPending(null);
    },
    /** takes rows out of the waiting batch (closing it when none are left) */
    drop(rows: readonly R[]) {
      if (mutation.isPending) return;
      setPending((p) => {
        const left = p ? p.rows.filter((r) => !rows.includes(r)) : [];
        return p && left.length ? { ...p, rows: left } : null;
      });
    },
    /** true when the batch went out (the caller clears its selection) */
    async submit(text: string | undefined): Promise<boolean> {
      if (!pending || mutation.isPending) return false;
      try {
        await mutation.mutateAsync({ ...pending, text });
        return true;
      } catch {
        return false;
      }
    },
    submitting: mutation.isPending,
    submitError: mutation.error ? errorMessage(mutation.error) : null,
    outcome,
    clearOutcome: () => setOutcome(null),
  };
}
