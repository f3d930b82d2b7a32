// The sticky save bar of the survey form: how many errors (定位到第一处), unsaved changes or the
// last update, 取消 and 保存.
import type { ReactNode } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useNarrowerThan } from '../../../lib/useNarrow';
import { ExclamationCircleFilled, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { HouseholdFile } from '../../../api/households';

interface Props {
  household?: HouseholdFile;
  errorCount: number;
  dirty: boolean;
  saving: boolean;
  onFirstError: () => void;
  onCancel: () => void;
  onSave: () => void;
  /** the live identification in one line (shown on phones only) */
  live?: ReactNode;
}

export function FormFooter({ household, errorCount, dirty, saving, onFirstError, onCancel, onSave, live }: Props) {
  const phone = useNarrowerThan('md');
  return (
    <div className="form-footer">
      {live && <div className="form-footer-live">{live}</div>}
      <div className="form-footer-status" aria-live="polite">
        {errorCount > 0 ? (
          <Typography.Text type="danger">
            <ExclamationCircleFilled /> 有 {errorCount} 处需要修改{' '}
            <Button type="link" size="small" onClick={onFirstError} style={{ padding: 0 }}>
              定位到第一处
            </Button>
          </Typography.Text>
        ) : dirty ? (
          <Typography.Text type="secondary">有未保存的修改</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{household ? `最后更新 ${dayjs(household.updatedAt).format('YYYY-MM-DD HH:mm')}` : '填写完毕后点击保存'}</Typography.Text>
        )}
      </div>
      <Space>
        <Button id="household-cancel" onClick={onCancel}>
          取消
        </Button>
        {/* the keyboard hint only where there is a keyboard (not on a phone) */}
        <Tooltip title={phone ? undefined : '快捷键 Ctrl+S'}>
          <Button id="household-save" type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSave}>
            保存
          </Button>
        </Tooltip>
      </Space>
    </div>
  );
}
