// The dialog a cadre fills in at a door as well as at a desk (记录帮扶, 记录回访): on a phone it
// takes the whole screen with large buttons side by side at the bottom, on a desk it is 560 px wide.
import type { ReactNode } from 'react';
import { Button, Modal } from 'antd';

export interface FieldFormModalProps {
  title: string;
  open: boolean;
  busy: boolean;
  phone: boolean;
  /** the dialog's own class (its phone class is added) */
  className: string;
  okId: string;
  okText: string;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}

export default function FieldFormModal({ title, open, busy, phone, className, okId, okText, onOk, onClose, children }: FieldFormModalProps) {
  const size = phone ? 'large' : 'middle';
  return (
    <Modal
      title={title}
      open={open}
      onCancel={() => !busy && onClose()}
      destroyOnHidden
      width={phone ? '100%' : 560}
      style={phone ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      className={phone ? `${className} assistance-modal-phone` : className}
      footer={
        <div className="assistance-modal-footer">
          <Button size={size} onClick={onClose} disabled={busy} block={phone}>
            取消
          </Button>
          <Button size={size} id={okId} type="primary" loading={busy} onClick={onOk} block={phone}>
            {okText}
          </Button>
        </div>
      }
    >
      {children}
    </Modal>
  );
}
