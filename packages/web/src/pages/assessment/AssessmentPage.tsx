// /assessment — 考核: a year's ranking of the county unions (or of the large units) by the rubric's
// weighted indicators plus the city union's adjustments. A score shows its value and the numbers
// behind it on hover; a row opens its details. The city union adjusts (加减分), nominates from the
// ranking (推荐表彰), edits the rubric (考核细则); everyone of the city reads, and exports.
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, LockOutlined, ProfileOutlined } from '@ant-design/icons';
import { ASSESSMENT_LEVEL_LABELS, ASSESSMENT_LEVELS, type AssessmentLevel } from '@bangfu/core';
import { downloadAssessment, finalizeAssessment, type AssessmentItem } from '../../api/assessment';
import { errorMessage } from '../../api/request';
import { dateTimeText } from '../../lib/format';
import { useAssessment, useInvalidateAssessment, useInvalidateCommendations, useRubric } from '../../api/queries/assessment';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import PageHeader from '../../components/PageHeader';
import { YearSelect } from '../../components/YearSelect';
import { useParamsUpdate } from '../../lib/useParamsUpdate';
import { currentYearInChina } from '../../lib/assistance';
import { useAccess, useSessionUser } from '../../lib/session';
import { useDownload } from '../../lib/useDownload';
import { NominationModal, type NominationPreset } from '../commendations/components/NominationModal';
import { assessmentColumns } from './assessmentColumns';
import { byRank, rankingReason } from './assessmentText';
import { AdjustmentModal } from './components/AdjustmentModal';
import { AssessmentDrawer } from './components/AssessmentDrawer';
import { RubricModal } from './components/RubricModal';
import { useRubricSaved } from './useRubricSaved';
import './assessment.css';

const isLevel = (v: string | null): v is AssessmentLevel => (ASSESSMENT_LEVELS as readonly string[]).includes(v ?? '');

export default function AssessmentPage() {
  const user = useSessionUser();
  const access = useAccess();
  const { message } = App.useApp();
  const [params, update] = useParamsUpdate();
  const thisYear = currentYearInChina();
  const year = Number(params.get('year')) || thisYear;
  const l = params.get('level');
  // a grassroots union is assessed among the large units
  const level: AssessmentLevel = isLevel(l) ? l : user.role === 'unit' ? 'unit' : 'region';
  const q = useAssessment(year, level);
  const [rubricOpen, setRubricOpen] = useState(false);
  const [detail, setDetail] = useState<string | null>(null);
  const rubric = useRubric(year, rubricOpen || detail !== null);
  const [adjusting, setAdjusting] = useState<AssessmentItem | null>(null);
  const [nominating, setNominating] = useState<NominationPreset | null>(null);
  const invalidate = useInvalidateAssessment();
  const invalidateCommendations = useInvalidateCommendations();
  const rubricSaved = useRubricSaved(year);
  const { busy: downloading, download } = useDownload();
  const shown = q.data && q.data.year === year && q.data.level === level ? q.data : undefined;
  const items = byRank(shown?.items ?? []);
  const reload = () => void q.refetch();
  // the city union nominates from the ranking; a county union (its own row only) nominates on 表彰
  const nominatesFromRanking = access.canEditAssessment && access.canProposeCommendations;
  // a finalized (定稿) result is read as kept: no more adjustments or rubric changes
  const finalized = shown?.finalized ?? null;
  const [finalizing, setFinalizing] = useState(false);
  async function finalize() {
    setFinalizing(true);
    try {
      await finalizeAssessment(year, level);
      message.success(`${year} 年度${ASSESSMENT_LEVEL_LABELS[level]}考核结果已定稿`);
      invalidate();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setFinalizing(false);
    }
  }


  const columns = assessmentColumns({
    items,
    onDetail: (i) => setDetail(i.orgCode),
    onAdjust: access.canEditAssessment && !finalized ? setAdjusting : undefined,
    onNominate: nominatesFromRanking ? (i) => setNominating({ orgCode: i.orgCode, orgName: i.orgName, reason: rankingReason(year, level, i.rank!, i.total!) }) : undefined,
  });

  return (
    <div className="page">
      <PageHeader
        title="考核"
        subTitle={shown ? `${year} 年度 · 统计截至 ${shown.asOf} · 超过 ${shown.overdueDays} 天未走访为超期 · 每户每年解决实际问题目标 ${shown.target} 个` : '结合年底创先争优考核，按考核细则从帮扶数据计算'}
      />
      <Card
        variant="borderless"
        className="table-card"
        tabList={ASSESSMENT_LEVELS.map((k) => ({ key: k, tab: ASSESSMENT_LEVEL_LABELS[k] }))}
        activeTabKey={level}
        onTabChange={(k) => update({ level: k })}
        id="assessment-levels"
      >
        <ListToolbar
          title={
            <Space>
              <YearSelect id="assessment-year" value={year} onChange={(v) => update({ year: String(v) })} ariaLabel="考核年度" />
              <span>考核排名</span>
              {finalized && (
                <Tag icon={<LockOutlined />} color="blue" id="assessment-finalized">
                  已定稿（{finalized.by}，{dateTimeText(finalized.at)}）
                </Tag>
              )}
            </Space>
          }
          total={shown ? items.length : undefined}
          unit="个单位"
        >
          <Space wrap>
            <ReloadButton onClick={reload} />
            <Button icon={<ProfileOutlined />} id="assessment-rubric" onClick={() => setRubricOpen(true)}>
              考核细则
            </Button>
            {access.canEditAssessment && shown && !finalized && year <= thisYear && (
              <Popconfirm
                title={`将 ${year} 年度${ASSESSMENT_LEVEL_LABELS[level]}的考核结果定稿？`}
                description="定稿后按当前结果保存，之后的数据变化不再影响排名，也不能再加减分或修改考核细则。"
                okText="定稿"
                cancelText="取消"
                onConfirm={() => void finalize()}
              >
                <Button icon={<LockOutlined />} id="assessment-finalize" loading={finalizing}>
                  定稿
                </Button>
              </Popconfirm>
            )}
            <Button icon={<DownloadOutlined />} id="assessment-export" loading={downloading} onClick={() => void download('正在生成考核结果表…', () => downloadAssessment(year, level), (n) => `已导出 ${n}`)}>
              导出Excel
            </Button>
          </Space>
        </ListToolbar>
        {shown && shown.campaigns.length > 0 && (
          <Typography.Paragraph type="secondary" className="assessment-sources">
            数据来源：{shown.campaigns.map((c, i) => (
              <span key={c.id}>
                {i > 0 && '、'}
                <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
              </span>
            ))}
          </Typography.Paragraph>
        )}
        <LoadError error={q.error} title="考核结果加载失败" onRetry={reload} />
        <Table<AssessmentItem>
          id="assessment-table"
          className="assessment-table"
          rowKey="orgCode"
          size="small"
          loading={q.isFetching}
          dataSource={items}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: q.isFetching ? '正在加载…' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year} 年度暂无${ASSESSMENT_LEVEL_LABELS[level]}的考核结果`} /> }}
          onRow={(i) =>
            ({ 'data-org': i.orgCode, 'data-rank': i.rank ?? '', 'data-total': i.total ?? '', onClick: () => setDetail(i.orgCode), className: 'assessment-row' }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Card>

      <AssessmentDrawer item={items.find((i) => i.orgCode === detail) ?? null} year={year} rubric={rubric.data} onClose={() => setDetail(null)} />
      <RubricModal
        open={rubricOpen}
        year={year}
        rubric={rubric.data}
        loadError={rubric.error}
        editable={access.canEditAssessment && !finalized}
        onReload={() => void rubric.refetch()}
        onClose={() => setRubricOpen(false)}
        onSaved={(r) => {
          rubricSaved(r);
          setRubricOpen(false);
          message.success('考核细则已保存，考核结果按新细则重新计算');
        }}
      />
      {access.canEditAssessment && (
        <AdjustmentModal
          item={adjusting}
          year={year}
          onCancel={() => setAdjusting(null)}
          onDone={(a) => {
            message.success(`${adjusting?.orgName ?? ''} 已${a.points > 0 ? '加' : '减'} ${Math.abs(a.points)} 分`);
            setAdjusting(null);
            invalidate();
          }}
        />
      )}
      {nominatesFromRanking && (
        <NominationModal
          open={nominating !== null}
          year={year}
          preset={nominating}
          onCancel={() => setNominating(null)}
          onDone={() => {
            setNominating(null);
            invalidateCommendations();
            message.success(
              <span>
                已推荐，待市总工会审批。<Link to={`/commendations?year=${year}`}>查看表彰推荐</Link>
              </span>,
            );
          }}
        />
      )}
    </div>
  );
}
