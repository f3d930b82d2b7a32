// What a batch did, above the table: 已同意 N 户 (with what happens next), or the rows that failed
// each with the server's message.
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import type { BatchOutcome } from './useBatchAction';

interface Props<D extends string> {
  outcome: BatchOutcome<D> | null;
  testId: string;
  /** the alert's title: all went through / some failed */
  title: (o: BatchOutcome<D>) => string;
  /** what happens next when all went through */
  next: (o: BatchOutcome<D>) => ReactNode;
  onClose: () => void;
}

export function BatchOutcomeAlert<D extends string>({ outcome, testId, title, next, onClose }: Props<D>) {
  if (!outcome) return null;
  return (
    <Alert
      type={outcome.failures.length ? 'warning' : 'success'}
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 12 }}
      data-testid={testId}
      message={title(outcome)}
      description={
        outcome.failures.length ? (
          <ul className="plain-list">
            {outcome.failures.map((f) => (
              <li key={f.id} data-code={f.code}>
                {f.who}：{f.message}
              </li>
            ))}
          </ul>
        ) : (
          next(outcome)
        )
      }
    />
  );
}

const SUMMARY_NAMES = 8;

/** In a batch's confirm dialog: the first rows by name, then 等共 N 户. */
export function BatchNames({ names }: { names: string[] }) {
  return (
    <ul className="plain-list proposal-summary-list">
      {names.slice(0, SUMMARY_NAMES).map((n) => (
        <li key={n}>{n}</li>
      ))}
      {names.length > SUMMARY_NAMES && <li>等共 {names.length} 户</li>}
    </ul>
  );
}
