// 起草通报: a campaign, the day the numbers are taken as of (today or earlier) and, optionally, a
// title. The server fixes the numbers, drafts the text and numbers it; the server's field errors
// land beside their fields, any other refusal in the dialog.
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { todayInChina } from '@bangfu/core';
import { createBulletin, type Bulletin } from '../../../api/bulletins';
import { useCampaigns } from '../../../api/queries/campaigns';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { defaultBulletinTitle } from '../bulletinText';

interface Values {
  campaignId?: number;
  asOf?: Dayjs;
  title?: string;
}

interface Props {
  open: boolean;
  onDone: (b: Bulletin) => void;
  onCancel: () => void;
}

const FIELDS = ['campaignId', 'asOf', 'title'] as const;

export function BulletinNewModal({ open, onDone, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: FIELDS });
  const campaigns = useCampaigns();
  const items = campaigns.data?.items ?? [];
  const chosenId = Form.useWatch('campaignId', form);
  const chosen = items.find((c) => c.id === chosenId);
  // the newest campaign under way, as the usual choice
  const running = items.find((c) => c.state === 'running');

  function onOk() {
    void submit(async (v) => {
      const title = v.title?.trim();
      const b = await createBulletin({ campaignId: v.campaignId!, asOf: v.asOf!.format('YYYY-MM-DD'), ...(title ? { title } : {}) });
      onDone(b);
    });
  }

  return (
    <Modal
      title="起草通报"
      open={open}
      okText="起草"
      cancelText="取消"
      okButtonProps={{ id: 'bulletin-new-ok', loading: busy }}
      onOk={onOk}
      onCancel={() => !busy && onCancel()}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">系统按所选专项行动截至统计日期的进度生成排名表和通报正文（草稿），可修改后发布。</Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} data-testid="bulletin-new-error" />}
      <Form<Values>
        form={form}
        name="bulletinNew"
        layout="vertical"
        preserve={false}
        initialValues={{ campaignId: running?.id, asOf: dayjs(todayInChina(), 'YYYY-MM-DD') }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item name="campaignId" label="专项行动" rules={[{ required: true, message: '请选择专项行动' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={campaigns.isFetching}
            placeholder="请选择专项行动"
            notFoundContent={campaigns.error ? '专项行动加载失败' : '暂无专项行动'}
            options={items.map((c) => ({ value: c.id, label: c.name, title: c.name }))}
          />
        </Form.Item>
        <Form.Item name="asOf" label="统计截至日期" rules={[{ required: true, message: '请选择统计截至日期' }]} extra="按该日结束时的数据统计；不能晚于今天">
          <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: 200 }} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()} />
        </Form.Item>
        <Form.Item name="title" label="标题" style={{ marginBottom: 0 }}>
          <Input maxLength={60} showCount placeholder={`不填则为：${defaultBulletinTitle(chosen?.name ?? '…')}`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
