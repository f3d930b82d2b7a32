// /reviews — 待我审核: the files waiting for this user's level of review (单位工会: 待单位审核;
// 市总工会: 待市总审核). Row selection with a batch footer (同意 / 退回 with one opinion), then the
// per-file results; 审核 on a row opens the file, where the single review is given.
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { CheckOutlined, RollbackOutlined, SearchOutlined } from '@ant-design/icons';
import { listHouseholds, reviewBatch, type HouseholdListItem, type ReviewDecision } from '../../api/households';
import PageHeader from '../../components/PageHeader';
import { BatchFooter, ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { BatchOutcomeAlert } from '../../components/list/BatchOutcome';
import { useBatchAction } from '../../components/list/useBatchAction';
import { useListPage } from '../../components/list/useListPage';
import { ownRegionOf, type ReviewQueue } from '../../lib/access';
import { notifyReviewsChanged } from '../../lib/events';
import { useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { REVIEW_CODEC, reviewApiQuery, summarizeBatch } from './reviewQuery';
import { reviewColumns } from './columns';
import { DECISION_TEXT, ReviewBatchModal, levelName, type ReviewBatchValues } from './components/ReviewBatchModal';
import '../households/household.css';
import './reviews.css';

export default function ReviewQueuePage() {
  const { reviewQueue } = useAccess();
  // the route is guarded by reviews.queue, so every visitor here has a queue
  return reviewQueue ? <Queue queue={reviewQueue} /> : null;
}

function Queue({ queue }: { queue: ReviewQueue }) {
  const user = useSessionUser();
  const ownRegion = ownRegionOf(user);
  const { regions, regionName } = useRegions(user);
  const location = useLocation();
  const list = useListPage({
    codec: REVIEW_CODEC,
    name: 'households',
    toQuery: (s) => reviewApiQuery(s, queue, ownRegion),
    fetch: listHouseholds,
    unit: '户',
  });
  const { state, update, data, loading } = list;
  const [q, setQ] = useState('');
  const [opinionForm] = Form.useForm<ReviewBatchValues>();
  const batch = useBatchAction<ReviewDecision, HouseholdListItem>({
    run: (decision, rows, opinion) =>
      reviewBatch(
        rows.map((x) => x.id),
        queue.level,
        decision,
        opinion ?? '',
      ).then((r) => summarizeBatch(r, rows)),
    success: (o) => `已${DECISION_TEXT[o.decision]} ${o.done} 户`,
    partial: (o) => `已${DECISION_TEXT[o.decision]} ${o.done} 户，${o.failures.length} 户未能审核`,
    invalidate: [['households']],
    onDone: notifyReviewsChanged,
  });

  useEffect(() => setQ(state.q ?? ''), [state.q]);

  async function submit() {
    if (!batch.pending || batch.submitting) return;
    let opinion: string;
    try {
      opinion = (await opinionForm.validateFields()).opinion.trim();
    } catch {
      return;
    }
    if (await batch.submit(opinion)) list.clearSelection();
  }

  const from = location.pathname + location.search;
  const search = () => update({ q: q.trim() || undefined, page: 1 });

  return (
    <div className="page">
      <PageHeader
        title="待我审核"
        tags={<Tag color="processing">{queue.level === 'unit' ? '单位工会审核' : '市总工会审核'}</Tag>}
        subTitle={
          queue.level === 'unit'
            ? '作为职工所在单位工会签署意见：同意后报市总工会审核，退回后由填报人修改重新提交'
            : '作为市总工会签署意见：同意后档案建档，退回后由填报人修改重新提交'
        }
      />

      <Card variant="borderless" className="table-card">
        <ListToolbar title={queue.status === 'submitted' ? '待单位审核' : '待市总审核'} total={data?.total} totalTestId="review-total">
          <Space>
            <Select
              id="reviewFilter_regionCode"
              allowClear
              placeholder="全部地区"
              style={{ width: 180 }}
              options={regions}
              value={ownRegion ?? state.regionCode}
              disabled={!!ownRegion}
              onChange={(v) => update({ regionCode: v || undefined, page: 1 })}
              aria-label="地区"
            />
            <Input
              id="reviewFilter_q"
              allowClear
              placeholder="姓名 / 职工编号 / 身份证号"
              style={{ width: 220 }}
              value={q}
              maxLength={40}
              onChange={(e) => setQ(e.target.value)}
              onPressEnter={search}
              suffix={<SearchOutlined onClick={search} />}
            />
            <ReloadButton onClick={list.reload} />
          </Space>
        </ListToolbar>

        <BatchOutcomeAlert
          outcome={batch.outcome}
          testId="review-results"
          onClose={batch.clearOutcome}
          title={(o) => (o.failures.length ? `已${DECISION_TEXT[o.decision]} ${o.done} 户，${o.failures.length} 户未能审核` : `已${DECISION_TEXT[o.decision]} ${o.done} 户`)}
          next={(o) =>
            o.decision === 'agree'
              ? queue.level === 'unit'
                ? '这些档案已报市总工会审核。'
                : '这些档案已建档，纳入困难职工数据库。'
              : '这些档案已退回填报单位，修改后重新提交。'
          }
        />
        <LoadError error={list.error} title="待审核档案加载失败" onRetry={list.reload} />

        <Table<HouseholdListItem>
          id="review-table"
          rowKey="id"
          columns={reviewColumns(from, regionName)}
          {...list.tableProps}
          onChange={list.onPageChange}
          rowSelection={list.rowSelection((r) => r.id)}
          locale={{ emptyText: loading ? '正在加载…' : `没有等待${levelName(queue)}审核的档案` }}
        />
      </Card>

      <BatchFooter count={list.selected.length} unit="户" testId="review-footer" countTestId="review-selected" onClear={list.clearSelection}>
        <Button id="review-batch-return" danger icon={<RollbackOutlined />} onClick={() => batch.open('return', list.selected)}>
          退回
        </Button>
        <Button id="review-batch-agree" type="primary" icon={<CheckOutlined />} onClick={() => batch.open('agree', list.selected)}>
          同意
        </Button>
      </BatchFooter>

      <ReviewBatchModal
        queue={queue}
        pending={batch.pending}
        form={opinionForm}
        submitting={batch.submitting}
        submitError={batch.submitError}
        regionName={regionName}
        onOk={() => void submit()}
        onCancel={batch.cancel}
        onDrop={batch.drop}
      />
    </div>
  );
}
