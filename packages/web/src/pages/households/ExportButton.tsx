// 导出Excel on the household list: the list as filtered now (every page) as a workbook in the
// import template's layout; identity numbers masked as the list shows them.
import { Button, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportHouseholds } from '../../api/exchange';
import type { Query } from '../../api/request';
import { useDownload } from '../../lib/useDownload';

export default function ExportButton({ filters }: { filters: Query }) {
  const { busy, download } = useDownload();
  const onExport = () => download('正在导出，请稍候…', () => exportHouseholds(filters), (name) => `已导出 ${name}`);
  return (
    <Tooltip title="导出当前筛选条件下的全部档案（状态为“全部”时导出在册档案，不含已剔除、已脱困）">
      <Button icon={<DownloadOutlined />} id="household-export" loading={busy} onClick={onExport}>
        导出Excel
      </Button>
    </Tooltip>
  );
}
