// /exchange/import[/:id] — 数据导入: 上传文件 → 检查结果 → 导入完成. The import id is in the URL so a
// reload (or a click in 最近导入) shows the same import in the same state.
import { useParams, useNavigate } from 'react-router';
import { Alert, Button, Card, Result, Skeleton, Steps } from 'antd';
import type { ImportView } from '../../api/exchange';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import ImportUploadStep from './ImportUploadStep';
import ImportProgress from './ImportProgress';
import ImportCheckStep from './ImportCheckStep';
import ImportDoneStep, { ImportResult } from './ImportDoneStep';
import RecentImports from './RecentImports';
import { isImportBusy, stepOf } from './importModel';
import { useImportView, useReplaceImport } from '../../api/queries/exchange';
import './exchange.css';

function parseId(v: string | undefined): number | null {
  return v && /^\d+$/.test(v) ? Number(v) : null;
}

function StepBody({ view, onChange, onAgain }: { view: ImportView; onChange: (v: ImportView) => void; onAgain: () => void }) {
  switch (view.status) {
    case 'analyzing':
    case 'committing':
      return <ImportProgress view={view} />;
    case 'analyzed':
      return <ImportCheckStep key={view.id} view={view} onChange={onChange} />;
    case 'committed':
      return <ImportDoneStep view={view} onAgain={onAgain} />;
    case 'cancelled':
      return (
        <Result
          status="info"
          className="import-cancelled"
          title="已取消本次导入"
          subTitle={`${view.fileName}：未写入任何档案`}
          extra={
            <Button type="primary" onClick={onAgain}>
              重新上传
            </Button>
          }
        />
      );
    case 'failed':
      return (
        <>
          <Alert
            type="error"
            showIcon
            id="import-file-error"
            message={!view.analyzedAt ? `${view.fileName} 不能导入` : view.result ? `${view.fileName} 导入中断` : `${view.fileName} 导入失败，没有写入任何数据`}
            description={view.fileError ?? '处理文件时出错，没有写入任何数据。请稍后重试，如持续出现请联系系统管理员。'}
            action={
              <Button type="primary" onClick={onAgain}>
                重新上传
              </Button>
            }
          />
          {/* a commit stopped midway: its batches before the stop are written */}
          {view.result && (view.result.created + view.result.updated + view.result.stale > 0) && (
            <Card size="small" title="中断前已写入" className="import-partial">
              <ImportResult view={view} />
            </Card>
          )}
        </>
      );
  }
}

export default function ImportPage() {
  const params = useParams();
  const navigate = useNavigate();
  const id = parseId(params.id);
  const { data: view, error } = useImportView(id, isImportBusy);
  const replace = useReplaceImport();
  const step = stepOf(id === null ? null : view ?? null);
  const again = () => navigate('/exchange/import');

  function onStarted(v: ImportView) {
    replace(v);
    navigate(`/exchange/import/${v.id}`);
  }

  return (
    <div className="page">
      <PageHeader title="数据导入" subTitle="从 Excel 批量新建或更新困难职工档案" />
      <Card variant="borderless" className="import-card">
        <Steps
          className="import-steps"
          current={step.current}
          status={step.status}
          items={[{ title: '上传文件' }, { title: '检查结果' }, { title: '导入完成' }]}
        />
        <div className="import-body" data-testid="import-body" data-status={id === null ? 'new' : (view?.status ?? 'loading')}>
          {id === null ? (
            <ImportUploadStep onStarted={onStarted} />
          ) : view ? (
            <StepBody view={view} onChange={replace} onAgain={again} />
          ) : error != null ? (
            <Alert
              type="error"
              showIcon
              message={isApiError(error) && error.status === 404 ? '该导入记录不存在' : '导入记录读取失败'}
              description={errorMessage(error)}
              action={<Button onClick={again}>重新上传</Button>}
            />
          ) : (
            <Skeleton active paragraph={{ rows: 3 }} />
          )}
        </div>
      </Card>
      <RecentImports currentId={id} refreshKey={`${id ?? ''}|${view?.status ?? ''}`} />
    </div>
  );
}
