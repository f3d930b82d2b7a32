// 重新纳入 from the 脱困回访 card, for a family a follow-up found fallen back: 「办理」's own dialog
// (ReasonModal), its reason started from the follow-up's.
import { useState } from 'react';
import { Alert, App, Button, Form } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { reopenHousehold, type HouseholdFile } from '../../../api/households';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { REOPEN_LEAD, ReasonModal } from '../../households/components/LifecycleModals';

interface Props {
  file: Pick<HouseholdFile, 'id' | 'workerNo' | 'name'>;
  reason: string;
  onChanged: (f: HouseholdFile) => void;
}

export function FallenBackReopen({ file, reason, onChanged }: Props) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, submit } = useFormSubmit(form, { fields: ['reason'] });

  const confirm = () =>
    submit(async (v) => {
      const f = await reopenHousehold(file.id, v.reason.trim());
      onChanged(f);
      setOpen(false);
      message.success(`档案 ${f.workerNo} 已重新纳入，现为草稿，修改后请提交审核`);
    });

  return (
    <>
      <Button size="small" danger id="follow-up-reopen" icon={<UndoOutlined />} onClick={() => setOpen(true)}>
        重新纳入
      </Button>
      <ReasonModal
        open={open}
        title={`重新纳入 · ${file.workerNo} ${file.name}`}
        okText="确认重新纳入"
        okId="follow-up-reopen-confirm"
        loading={busy}
        busy={busy}
        lead={REOPEN_LEAD}
        form={form}
        name="followUpReopen"
        label="重新纳入原因"
        placeholder="例如：回访发现家庭再次陷入困难"
        initialValues={{ reason }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        {error && <Alert type="error" showIcon message={error} />}
      </ReasonModal>
    </>
  );
}
