// 导出Excel on the household list: the list as filtered now (every page) as a workbook in the
// import template's layout; identity numbers masked as the list shows them.
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportHouseholds } from '../../api/exchange';
import { errorMessage } from '../../api/request';
import type { Query } from '../../api/request';

export default function ExportButton({ filters }: { filters: Query }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function onExport() {
    setBusy(true);
    const hide = message.loading('正在导出，请稍候…', 0);
    try {
      const name = await exportHouseholds(filters);
      message.success(`已导出 ${name}`);
    } catch (e) {
      message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      hide();
      setBusy(false);
    }
  }

  return (
    <Button icon={<DownloadOutlined />} id="household-export" loading={busy} onClick={onExport}>
      导出Excel
    </Button>
  );
}
