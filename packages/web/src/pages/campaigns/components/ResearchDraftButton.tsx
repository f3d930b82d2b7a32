// 生成数据稿: the Word 调研报告（数据稿） of an organization and a fill year — its numbers beside last
// year's, charts and typical cases with names and identity numbers masked — for the cadre to turn
// into the report. The organizations one may choose follow the server's rule (draftOrgOptions).
import { Button, Descriptions, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { downloadResearchDraft, type Campaign } from '../../../api/campaigns';
import type { SessionUser } from '../../../api/session';
import { ownRegionOf } from '../../../lib/access';
import { useDownload } from '../../../lib/useDownload';
import { useRegions } from '../../../lib/useOrgs';
import { draftOrgOptions } from '../researchReports';

interface Values {
  orgCode?: string;
  year?: number;
}

interface Props {
  campaign: Campaign;
  user: SessionUser;
}

/** The button of the 调研报告 card and its dialog. */
export function ResearchDraftButton({ campaign, user }: Props) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { busy, download } = useDownload();
  const { regions, unitsOf } = useRegions(user);
  const options = draftOrgOptions(user, regions, user.role === 'region' ? unitsOf(ownRegionOf(user)) : [], campaign.requiredOrgs);
  const single = options.length === 1;

  async function onOk() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    let saved = false;
    await download(
      '正在生成数据稿，请稍候…',
      async () => {
        const name = await downloadResearchDraft(v.orgCode!, v.year!);
        saved = true;
        return name;
      },
      (name) => `${name} 已下载`,
    );
    if (saved) setOpen(false);
  }

  return (
    <>
      <Button icon={<FileWordOutlined />} id="report-draft" onClick={() => setOpen(true)}>
        生成数据稿
      </Button>
      <Modal
        title="生成调研报告数据稿"
        open={open}
        okText="生成并下载"
        cancelText="取消"
        okButtonProps={{ id: 'report-draft-ok', loading: busy }}
        onOk={() => void onOk()}
        onCancel={() => !busy && setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary" data-testid="report-draft-note">
          生成一份 Word 文档：所选单位该年度的各项数字（与上年对比）、统计图和隐去姓名、身份证号的典型案例，供在此基础上撰写调研报告。
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          name="researchDraft"
          layout="vertical"
          preserve={false}
          initialValues={{ orgCode: user.role === 'region' || user.role === 'unit' ? user.orgCode : undefined, year: campaign.year }}
        >
          {single ? (
            <>
              <Form.Item name="orgCode" hidden>
                <Input />
              </Form.Item>
              <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96 } }}>
                <Descriptions.Item label="单位">{options[0].label}</Descriptions.Item>
              </Descriptions>
            </>
          ) : (
            <Form.Item name="orgCode" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
              <Select showSearch optionFilterProp="label" placeholder="请选择单位" options={options.map((o) => ({ ...o, title: o.label }))} />
            </Form.Item>
          )}
          <Form.Item
            name="year"
            label="年度"
            extra="档案的填表年度；同时列出上一年度的数字作对比"
            rules={[{ required: true, message: '请填写年度' }, { type: 'number', min: 2000, max: 2100, message: '年度应在2000至2100之间' }]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber precision={0} min={2000} max={2100} style={{ width: 140 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
