// /measures — 帮扶措施目录 (the catalog plans draw on) and 帮扶设置 (走访间隔、脱困回访安排、困难程度
// 评分权重、分批分数线). The city union edits both; the steering group reads them.
import { useSearchParams } from 'react-router';
import { Card, Tabs } from 'antd';
import PageHeader from '../../components/PageHeader';
import { MeasureCatalog } from './components/MeasureCatalog';
import { AssistanceSettingsForm } from './components/AssistanceSettingsForm';
import './assistance.css';

export default function MeasuresPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'settings' ? 'settings' : 'catalog';
  return (
    <div className="page">
      <PageHeader title="帮扶措施目录" subTitle="因户施策的措施目录与常态帮扶设置" />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'settings' ? { tab: 'settings' } : {}, { replace: true })}
          items={[
            { key: 'catalog', label: '措施目录', children: <MeasureCatalog /> },
            { key: 'settings', label: '帮扶设置', children: <AssistanceSettingsForm /> },
          ]}
        />
      </Card>
    </div>
  );
}
