// One way for every 导出 / 打印 button: a loading note while the server builds the file, the
// file saved under the server's name, and the server's Chinese message when it refuses.
import { useState } from 'react';
import { App } from 'antd';
import { errorMessage } from '../api/request';

export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  /** `fetchFile` downloads and resolves to the saved file's name. */
  async function download(loading: string, fetchFile: () => Promise<string | void>, done?: (name: string) => string): Promise<void> {
    setBusy(true);
    const hide = message.loading(loading, 0);
    try {
      const name = await fetchFile();
      if (done) message.success(done(name ?? ''));
    } catch (e) {
      message.error(`下载失败：${errorMessage(e)}`);
    } finally {
      hide();
      setBusy(false);
    }
  }
  return { busy, download };
}
