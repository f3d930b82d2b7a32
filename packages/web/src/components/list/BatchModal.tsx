// The confirm dialog of a batch decision: what will happen, the rows by name, the form of the
// decision's text, and the error when the batch could not be sent.
import type { ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { BatchNames } from './BatchOutcome';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  okId: string;
  danger: boolean;
  submitting: boolean;
  submitError: string | null;
  /** 审核失败 / 处理失败 */
  errorTitle: string;
  testId: string;
  width: number;
  intro: string;
  /** the rows by name; a dialog that shows more of each row renders them itself (children) */
  names?: string[];
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function BatchModal({ open, title, okText, okId, danger, submitting, submitError, errorTitle, testId, width, intro, names, onOk, onCancel, children }: Props) {
  return (
    <Modal title={title} open={open} okText={okText} cancelText="取消" okButtonProps={{ id: okId, danger, loading: submitting }} onOk={onOk} onCancel={onCancel} destroyOnHidden width={width}>
      {open && (
        <div data-testid={testId}>
          <p>{intro}</p>
          {names && <BatchNames names={names} />}
          {children}
          {submitError && <Alert type="error" showIcon message={errorTitle} description={submitError} style={{ marginTop: 12 }} role="alert" />}
        </div>
      )}
    </Modal>
  );
}

/** 职工编号 姓名（地区）, as the batch dialogs name a row. */
export function rowName(r: { workerNo: string; name: string; regionName?: string; regionCode: string }, regionName: (code: string) => string): string {
  return `${r.workerNo} ${r.name}（${r.regionName || regionName(r.regionCode)}）`;
}
