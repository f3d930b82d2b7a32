// /dibao — 民政低保核对: checking what the files declare (是否享受低保) against the civil-affairs
// bureau's monthly list of 低保 recipients. Three tabs, the URL's (?tab=): 核对结果 (the findings to
// work on, with their filters in the URL too), 导入名单 (the city union and the county unions) and
// 名单记录 (the lists imported). An import's counts open 核对结果 of that kind and list.
import { useSearchParams } from 'react-router';
import { Card } from 'antd';
import type { DibaoFindingKind } from '@bangfu/core';
import PageHeader from '../../components/PageHeader';
import { useAccess } from '../../lib/session';
import { useNarrowerThan } from '../../lib/useNarrow';
import { DEFAULT_DIBAO_PAGE_SIZE, readDibaoState, writeDibaoState, type DibaoTab } from './dibaoQuery';
import { FindingsTab } from './components/FindingsTab';
import { ImportTab } from './components/ImportTab';
import { ListsTab } from './components/ListsTab';
import './dibao.css';

const TAB_LABELS: Record<DibaoTab, string> = { findings: '核对结果', import: '导入名单', lists: '名单记录' };

export default function DibaoPage() {
  const access = useAccess();
  const phone = useNarrowerThan('md');
  const [params, setParams] = useSearchParams();
  const asked = readDibaoState(params).tab;
  const tabs: DibaoTab[] = access.canImportDibao ? ['findings', 'import', 'lists'] : ['findings', 'lists'];
  const tab = tabs.includes(asked) ? asked : 'findings';

  const toTab = (t: DibaoTab) => setParams(writeDibaoState({ tab: t, status: 'open', page: 1, pageSize: DEFAULT_DIBAO_PAGE_SIZE }));
  const showFindings = ({ kind, listId }: { kind?: DibaoFindingKind; listId: number }) =>
    setParams(writeDibaoState({ tab: 'findings', status: 'open', kind, listId, page: 1, pageSize: DEFAULT_DIBAO_PAGE_SIZE }));

  return (
    <div className="page dibao-page">
      <PageHeader title="民政低保核对" subTitle={phone ? undefined : '将档案填报的“是否享受低保”与民政部门的低保名单逐户核对，核实不一致的情况'} />
      <Card
        variant="borderless"
        className="table-card"
        id="dibao-tabs"
        activeTabKey={tab}
        tabProps={phone ? { size: 'small', tabBarGutter: 20 } : undefined}
        onTabChange={(k) => toTab(k as DibaoTab)}
        tabList={tabs.map((t) => ({ key: t, tab: <span data-testid={`dibao-tab-${t}`}>{TAB_LABELS[t]}</span> }))}
      >
        {tab === 'findings' && <FindingsTab phone={phone} />}
        {tab === 'import' && <ImportTab phone={phone} onShowFindings={showFindings} />}
        {tab === 'lists' && <ListsTab />}
      </Card>
    </div>
  );
}
