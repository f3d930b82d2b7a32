// 帮扶责任人 (包干到户、责任到人): the responsible leader and cadre, stable once named; a change
// needs a reason and is kept in the history below. People are chosen by name from those the server
// says may be named for this file (PersonPicker).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Timeline, Typography } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { setResponsibility, type Responsibility, type UserRef } from '../../api/assistance';
import { errorMessage } from '../../api/request';
import { dateTimeText } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { PersonPicker } from './components/PersonPicker';

interface Props {
  householdId: number;
  data: Responsibility | undefined;
  error: unknown;
  reload: () => void;
  onSaved: (r: Responsibility) => void;
  canEdit: boolean;
}

interface Values {
  leaderUsername: string;
  cadreUsername: string;
  reason?: string;
}

const FIELDS = ['leaderUsername', 'cadreUsername', 'reason'];

function person(u: UserRef | null) {
  return u ? (
    <span>{u.displayName}</span>
  ) : (
    <Typography.Text type="secondary">未确定</Typography.Text>
  );
}

export default function ResponsibilityCard({ householdId, data, error, reload, onSaved, canEdit }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const { busy, error: unplaced, setError: setUnplaced, submit } = useFormSubmit(form, { fields: FIELDS });
  const leader = Form.useWatch('leaderUsername', form);
  const cadre = Form.useWatch('cadreUsername', form);
  const named = !!(data?.leader || data?.cadre);
  const changing =
    named && ((!!data?.leader && (leader ?? '').trim() !== data.leader.username) || (!!data?.cadre && (cadre ?? '').trim() !== data.cadre.username));

  async function save() {
    await submit(async (v) => {
      const r = await setResponsibility(householdId, {
        leaderUsername: v.leaderUsername.trim(),
        cadreUsername: v.cadreUsername.trim(),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      message.success(named ? '帮扶责任人已变更' : '帮扶责任人已确定');
      onSaved(r);
      setOpen(false);
    });
  }


  return (
    <Card
      className="assist-card"
      variant="borderless"
      title="帮扶责任人"
      id="household-responsibility"
      extra={
        canEdit && data ? (
          <Button
            id="responsibility-edit"
            icon={<UserSwitchOutlined />}
            onClick={() => {
              setUnplaced(null);
              // the form instance outlives the dialog: load the current people each time it opens
              form.setFieldsValue({ leaderUsername: data?.leader?.username ?? '', cadreUsername: data?.cadre?.username ?? '', reason: '' });
              setOpen(true);
            }}
          >
            {named ? '变更' : '确定责任人'}
          </Button>
        ) : null
      }
    >
      {error && !data ? (
        <Alert type="error" showIcon message="帮扶责任人加载失败" description={errorMessage(error)} action={<Button size="small" onClick={reload}>重试</Button>} />
      ) : (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered className="resp-desc">
            <Descriptions.Item label="责任领导">
              <span data-testid="responsibility-leader" data-username={data?.leader?.username ?? ''}>
                {data ? person(data.leader) : '…'}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="具体责任人">
              <span data-testid="responsibility-cadre" data-username={data?.cadre?.username ?? ''}>
                {data ? person(data.cadre) : '…'}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {data && data.history.length > 0 && (
            <div className="resp-history" data-testid="responsibility-history">
              <div className="plan-section-title">变更记录</div>
              <Timeline
                items={data.history.map((h, i) => ({
                  key: i,
                  color: h.oldLeader || h.oldCadre ? 'orange' : 'green',
                  children: (
                    <div>
                      <div>
                        <Typography.Text strong>{h.oldLeader || h.oldCadre ? '变更' : '确定'}</Typography.Text>
                        <Typography.Text type="secondary">
                          {' '}
                          · {h.changedBy ?? ''} · {dateTimeText(h.changedAt)}
                        </Typography.Text>
                      </div>
                      <div>
                        责任领导：{h.oldLeader && h.oldLeader !== h.newLeader ? `${h.oldLeader} → ` : ''}
                        {h.newLeader ?? '—'}；具体责任人：{h.oldCadre && h.oldCadre !== h.newCadre ? `${h.oldCadre} → ` : ''}
                        {h.newCadre ?? '—'}
                      </div>
                      {h.reason && <Typography.Text type="secondary">原因：{h.reason}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            </div>
          )}
        </>
      )}

      <Modal
        title={named ? '变更帮扶责任人' : '确定帮扶责任人'}
        open={open}
        onCancel={() => !busy && setOpen(false)}
        destroyOnHidden
        okText="确定"
        cancelText="取消"
        onOk={() => void save()}
        okButtonProps={{ id: 'responsibility-ok', loading: busy }}
      >
        <p className="modal-lead">
          {named ? '帮扶责任人确定后原则上保持不变；确需变更的，请写明原因，变更记录会保存在档案中。' : '为该户确定一名责任领导和一名具体责任人：输入姓名搜索，从列表中选择。'}
        </p>
        {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 12 }} />}
        <Form<Values>
          form={form}
          name="responsibility"
          layout="vertical"
          preserve={false}
          initialValues={{ leaderUsername: data?.leader?.username ?? '', cadreUsername: data?.cadre?.username ?? '', reason: '' }}
        >
          <Form.Item name="leaderUsername" label="责任领导" htmlFor="responsibility_leaderUsername" rules={[{ required: true, whitespace: true, message: '请选择责任领导' }]} extra="市总领导，或市总、县区、基层工会的负责人">
            <PersonPicker id="responsibility_leaderUsername" householdId={householdId} kind="leader" current={data?.leader} placeholder="输入姓名搜索，如 梁" autoFocus />
          </Form.Item>
          <Form.Item name="cadreUsername" label="具体责任人" htmlFor="responsibility_cadreUsername" rules={[{ required: true, whitespace: true, message: '请选择具体责任人' }]} extra="负责走访、记录帮扶的工作人员">
            <PersonPicker id="responsibility_cadreUsername" householdId={householdId} kind="cadre" current={data?.cadre} placeholder="输入姓名搜索" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="变更原因"
            rules={[{ required: changing, whitespace: true, message: '变更帮扶责任人须填写原因' }]}
            extra={changing ? undefined : '首次确定时可不填'}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder="例如：原责任人工作调动" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
