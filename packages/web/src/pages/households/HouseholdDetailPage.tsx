// /households/:id — the file, read-only, laid out as the paper form (full identity number here),
// its data-quality warnings, 剔除, and the version history. Prints cleanly on A4.
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Modal, Result, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { getPolicy } from '../../api/policy';
import { labelOfPath } from '@bangfu/core';
import { getHousehold, getHouseholdHistory, removeHousehold } from '../../api/households';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { CategoryTag, StatusBadge } from '../../components/Tags';
import { dateTimeText } from '../../lib/format';
import { fromOf } from '../../lib/navigation';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { useRequest } from '../../lib/useRequest';
import { HistoryTimeline } from './HistoryTimeline';
import { HouseholdView } from './sheet/HouseholdView';
import { StoredIdentificationPanel } from '../identification/StoredIdentificationPanel';
import './household.css';

const REASON_MAX = 200;

export default function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const user = useSessionUser();
  const { regionName } = useRegions(user);
  const navigate = useNavigate();
  const location = useLocation();
  const from = fromOf(location.state);
  const { message } = App.useApp();
  const file = useRequest((signal) => getHousehold(id, signal), id);
  const history = useRequest((signal) => getHouseholdHistory(id, signal), id);
  // only to mark a result computed from an example line (示例标准)
  const policy = useRequest((signal) => getPolicy(signal), 'policy');
  const [removeOpen, setRemoveOpen] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeForm] = Form.useForm<{ reason: string }>();

  const h = file.data;

  if (file.error && !h)
    return (
      <Result
        status={isApiError(file.error, 'NOT_FOUND') ? '404' : isApiError(file.error, 'FORBIDDEN') ? '403' : 'error'}
        title={isApiError(file.error, 'NOT_FOUND') ? '档案不存在' : '档案加载失败'}
        subTitle={errorMessage(file.error)}
        extra={
          <Space>
            <Button onClick={() => navigate(from ?? '/households')}>返回档案列表</Button>
            {!isApiError(file.error, 'NOT_FOUND') && (
              <Button type="primary" onClick={file.reload}>
                重试
              </Button>
            )}
          </Space>
        }
      />
    );
  if (!h)
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 14 }} />
      </div>
    );

  async function confirmRemove() {
    let reason: string;
    try {
      reason = (await removeForm.validateFields()).reason.trim();
    } catch {
      return;
    }
    setRemoving(true);
    try {
      const updated = await removeHousehold(h!.id, reason);
      file.setData(updated);
      history.reload();
      setRemoveOpen(false);
      removeForm.resetFields();
      message.success(`档案 ${updated.workerNo} 已剔除`);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) removeForm.setFields([{ name: 'reason', errors: e.fieldErrors.map((f) => f.message) }]);
      else message.error(errorMessage(e));
    } finally {
      setRemoving(false);
    }
  }

  const active = h.status === 'active';

  return (
    <div className="page household-detail">
      <PageHeader
        title={`${h.workerNo} ${h.name}`}
        tags={
          <Space size={8}>
            <StatusBadge value={h.status} />
            <CategoryTag value={h.category} />
          </Space>
        }
        subTitle={`第 ${h.version} 版 · 更新于 ${dateTimeText(h.updatedAt)}`}
        onBack={() => navigate(from ?? '/households')}
        extra={
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} id="household-print">
              打印
            </Button>
            {active && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setRemoveOpen(true)} id="household-remove">
                剔除
              </Button>
            )}
            {active && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/households/${h.id}/edit`, { state: { from } })} id="household-edit">
                编辑
              </Button>
            )}
          </Space>
        }
      />

      {!active && (
        <Alert
          className="no-print"
          type="info"
          showIcon
          message="该档案已从困难职工数据库中剔除"
          description={h.removalReason ? `剔除原因：${h.removalReason}` : undefined}
          style={{ marginBottom: 12 }}
          data-testid="household-removed"
        />
      )}
      {active && h.identification?.eligible === false && (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          message="剔除建议：经精准识别，该户三项条件均不符合"
          description="系统已将该户列入剔除建议（识别说明见右侧），请核实后在「剔除建议」中确认剔除或不予剔除。"
          action={
            <Link to={`/removal-proposals?regionCode=${encodeURIComponent(h.regionCode)}`} id="household-proposal-link">
              <Button size="small" danger>
                前往处理
              </Button>
            </Link>
          }
          style={{ marginBottom: 12 }}
          data-testid="household-removal-proposal"
        />
      )}
      {h.warnings.length > 0 && (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          message={`数据提示（${h.warnings.length} 项，不影响保存，请核对）`}
          style={{ marginBottom: 12 }}
          data-testid="household-warnings"
          description={
            <ul className="plain-list">
              {h.warnings.map((w, i) => (
                <li key={i} data-code={w.code}>
                  <Typography.Text strong>{labelOfPath(w.path)}</Typography.Text>：{w.message}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <div className="hh-layout">
        <div className="hh-main">
          <HouseholdView household={h} regionName={regionName} />
        </div>
        <aside className="hh-aside no-print" aria-label="精准识别结果">
          <StoredIdentificationPanel file={h} policy={policy.data} regionName={regionName} />
        </aside>
      </div>

      <Card
        className="history-card no-print"
        title="版本历史"
        variant="borderless"
        id="household-history"
        extra={<Button type="text" icon={<ReloadOutlined />} onClick={history.reload} aria-label="刷新版本历史" />}
      >
        {history.error ? (
          <Alert type="error" showIcon message="版本历史加载失败" description={errorMessage(history.error)} action={<Button onClick={history.reload}>重试</Button>} />
        ) : history.loading && !history.data ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <HistoryTimeline items={history.data?.items ?? []} regionName={regionName} />
        )}
      </Card>

      <Modal
        title={`剔除档案 ${h.workerNo} ${h.name}`}
        open={removeOpen}
        okText="确认剔除"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: removing, id: 'remove-confirm' }}
        onOk={confirmRemove}
        onCancel={() => setRemoveOpen(false)}
        destroyOnHidden
      >
        <p>剔除后该户不再计入困难职工数据库，档案与版本历史仍会保留。</p>
        <Form form={removeForm} name="remove" layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="剔除原因"
            rules={[{ required: true, whitespace: true, message: '请填写剔除原因' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={REASON_MAX} showCount placeholder="例如：家庭收入已超过标准，经复核不再符合帮扶条件" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
