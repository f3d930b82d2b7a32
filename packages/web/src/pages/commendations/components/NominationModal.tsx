// 新增推荐 / 推荐表彰: a unit (先进单位) or a person (先进个人) for the year, the title (the usual one
// unless changed), the reason. From the ranking it comes filled in: the unit fixed, its rank and
// total as the reason, source 'ranking'. The server's field errors land beside their fields.
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { COMMENDATION_DEFAULT_TITLES, COMMENDATION_KIND_LABELS, COMMENDATION_KINDS, type CommendationKind } from '@bangfu/core';
import { proposeCommendation, type Commendation } from '../../../api/commendations';
import { ownRegionOf } from '../../../lib/access';
import { useSessionUser } from '../../../lib/session';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { useOrgList } from '../../../lib/useOrgs';
import { nominableOrgs } from '../commendationText';
import { PersonSelect } from './PersonSelect';

/** A nomination from the ranking: what is fixed and what the reason starts as. */
export interface NominationPreset {
  orgCode: string;
  orgName: string;
  reason: string;
}

interface Values {
  kind: CommendationKind;
  orgCode?: string;
  username?: string;
  title: string;
  reason?: string;
}

interface Props {
  open: boolean;
  year: number;
  preset?: NominationPreset | null;
  onDone: (c: Commendation) => void;
  onCancel: () => void;
}

const FIELDS = ['kind', 'orgCode', 'username', 'title', 'reason'] as const;

export function NominationModal({ open, year, preset, onDone, onCancel }: Props) {
  const user = useSessionUser();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, submit } = useFormSubmit(form, { fields: FIELDS });
  const { orgs } = useOrgList();
  const kind = Form.useWatch('kind', form) ?? 'org';

  function onValuesChange(changed: Partial<Values>) {
    setError(null);
    // the usual title follows the kind unless one was typed
    if (changed.kind) {
      const title = form.getFieldValue('title') as string | undefined;
      if (!title || Object.values(COMMENDATION_DEFAULT_TITLES).includes(title)) form.setFieldsValue({ title: COMMENDATION_DEFAULT_TITLES[changed.kind] });
    }
  }

  function onOk() {
    void submit(async (v) => {
      const subject = v.kind === 'org' ? { orgCode: preset?.orgCode ?? v.orgCode } : { username: v.username };
      onDone(await proposeCommendation({ year, kind: v.kind, ...subject, title: v.title.trim(), reason: v.reason!.trim(), source: preset ? 'ranking' : 'manual' }));
    });
  }

  return (
    <Modal
      title={preset ? '推荐表彰' : '新增推荐'}
      open={open}
      okText="推荐"
      cancelText="取消"
      okButtonProps={{ id: 'nomination-ok', loading: busy }}
      onOk={onOk}
      onCancel={() => !busy && onCancel()}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{year} 年度表彰推荐，报市总工会审批。</Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} data-testid="nomination-error" />}
      <Form<Values>
        form={form}
        name="nomination"
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'org', orgCode: preset?.orgCode, title: COMMENDATION_DEFAULT_TITLES.org, reason: preset?.reason }}
        onValuesChange={onValuesChange}
      >
        <Form.Item name="kind" label="类别">
          <Radio.Group disabled={!!preset} options={COMMENDATION_KINDS.map((k) => ({ value: k, label: COMMENDATION_KIND_LABELS[k] }))} optionType="button" />
        </Form.Item>
        {kind === 'org' ? (
          <Form.Item name="orgCode" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            {preset ? (
              <Select disabled options={[{ value: preset.orgCode, label: preset.orgName }]} />
            ) : (
              <Select showSearch optionFilterProp="label" placeholder="请选择单位" loading={!orgs} options={orgs ? nominableOrgs(orgs, ownRegionOf(user)) : []} />
            )}
          </Form.Item>
        ) : (
          <Form.Item name="username" label="个人" rules={[{ required: true, message: '请选择个人' }]} extra="本年度有帮扶记录的干部，按帮扶记录次数排列">
            <PersonSelect year={year} />
          </Form.Item>
        )}
        <Form.Item name="title" label="荣誉称号" rules={[{ required: true, whitespace: true, min: 2, message: '请填写荣誉称号' }]}>
          <Input maxLength={40} showCount />
        </Form.Item>
        <Form.Item name="reason" label="推荐理由" rules={[{ required: true, whitespace: true, min: 2, message: '请填写推荐理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={500} showCount placeholder="主要事迹：建档、帮扶、解决实际问题等方面的成效" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
