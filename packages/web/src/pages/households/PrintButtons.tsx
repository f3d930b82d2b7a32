// 「打印调查表（PDF）」 on the detail page and 「批量打印」 on the list: the server lays out the paper
// survey form (调查表) as an A4 PDF; a refusal (no font on the server, too many files) shows the
// server's Chinese message.
import { Button, Tooltip } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { HouseholdListQuery } from '../../api/households';
import { downloadFile } from '../../api/request';
import { useDownload } from '../../lib/useDownload';

export function PrintPdfButton({ id, workerNo }: { id: number; workerNo: string }) {
  const { busy, download } = useDownload();
  const onClick = () => download('正在生成调查表…', () => downloadFile(`/api/households/${id}/print.pdf`, `调查表-${workerNo}.pdf`));
  return (
    <Button icon={<FilePdfOutlined />} loading={busy} onClick={onClick} id="household-print-pdf">
      打印调查表（PDF）
    </Button>
  );
}

/** The forms of every file the list's current filters select (not just the page shown). */
export function BatchPrintButton({ filters, total }: { filters: Omit<HouseholdListQuery, 'page' | 'pageSize' | 'sort'>; total: number | undefined }) {
  const { busy, download } = useDownload();
  const onClick = () =>
    download(`正在生成${total ? ` ${total} 户的` : ''}调查表，请稍候…`, () => downloadFile('/api/households/print.pdf', '调查表-批量.pdf', { query: { ...filters } }));
  return (
    <Tooltip title="按当前筛选条件打印全部档案的调查表（PDF，一次最多2000户）">
      <Button icon={<FilePdfOutlined />} loading={busy} disabled={total === 0} onClick={onClick} id="household-batch-print">
        批量打印
      </Button>
    </Tooltip>
  );
}
