// 下载Excel of a submission: the workbook of exactly the files it froze.
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadSubmission, type Submission } from '../../../api/campaigns';
import { useDownload } from '../../../lib/useDownload';

export function SubmissionDownload({ submission }: { submission: Submission }) {
  const { busy, download } = useDownload();
  return (
    <Button
      type="link"
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      style={{ padding: 0 }}
      data-testid="submission-download"
      onClick={() => void download('正在生成上报数据…', () => downloadSubmission(submission), (name) => `${name} 已下载`)}
    >
      Excel
    </Button>
  );
}
