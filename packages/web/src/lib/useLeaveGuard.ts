import { useEffect, type RefObject } from 'react';
import { useBlocker } from 'react-router';
import { App } from 'antd';
import { useBeforeUnload } from './useBeforeUnload';

/**
 * Unsaved changes: ask before leaving the page (in-app navigation and closing the tab). `what` names
 * what is being edited (档案, 通报); `leaving` is set when the page itself navigates away after saving.
 */
export function useLeaveGuard(dirty: boolean, what: string, leaving?: RefObject<boolean>): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving?.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: '离开此页？',
      content: `${what}有尚未保存的修改，离开后这些修改将丢失。`,
      okText: '离开',
      cancelText: '留在本页',
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);
  useBeforeUnload(dirty);
}
