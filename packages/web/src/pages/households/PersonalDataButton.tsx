// 「个人信息副本」 on the detail page (PIPL 第45条): when the worker asks, the union that works the file
// downloads everything held about the household, with who processed it, to hand over. Audited.
import { Button, Tooltip } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { downloadFile } from '../../api/request';
import { useDownload } from '../../lib/useDownload';

export function PersonalDataButton({ id, workerNo }: { id: number; workerNo: string }) {
  const { busy, download } = useDownload();
  const onClick = () => download('正在导出个人信息副本…', () => downloadFile(`/api/households/${id}/personal-data.json`, `个人信息副本-${workerNo}.json`));
  return (
    <Tooltip title="职工本人申请查阅、复制其个人信息时使用：导出本户全部信息及处理记录（JSON），导出记入审计日志">
      <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={onClick} id="household-personal-data">
        个人信息副本
      </Button>
    </Tooltip>
  );
}
