// The policy editor's state: the pending change set and its errors (the browser's and the
// server's), the what-if preview of exactly these changes, and the save with the version read.
// A conflict (someone saved meanwhile) reloads the policy and keeps the edits.
import { useEffect, useMemo, useRef, useState } from 'react';
import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { previewPolicy, savePolicy, type Policy, type PolicyPreview } from '../../../api/policy';
import { errorMessage, isApiError } from '../../../api/request';
import { useBeforeUnload } from '../../../lib/useBeforeUnload';
import { EMPTY_CHANGES, pendingChangeItems, pendingCount, pruneChangeSet, serverErrorsToKeys, toRequestBody, validateChangeSet, type ChangeErrors, type ChangeSet } from '../changeSet';

function ConflictContent({ currentVersion }: { currentVersion?: number }) {
  return (
    <div>
      <p>在您编辑期间，其他人保存了新的低保标准{currentVersion ? `（现为第 ${currentVersion} 版）` : ''}，您的修改尚未保存。</p>
      <p style={{ marginBottom: 0 }}>已为您加载最新标准，您的修改仍然保留，请核对后重新预览影响再保存。</p>
    </div>
  );
}

export function usePolicyEditor(policy: Policy, reloadPolicy: () => void) {
  const { message, modal } = App.useApp();
  const [changes, setChanges] = useState<ChangeSet>(EMPTY_CHANGES);
  const [serverErrors, setServerErrors] = useState<ChangeErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ key: string; data: PolicyPreview } | null>(null);
  const [reason, setReason] = useState('');
  const [jobId, setJobId] = useState<number | null>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const previewing = useMutation({ mutationFn: (body: Parameters<typeof previewPolicy>[0]) => previewPolicy(body) });
  const saving = useMutation({ mutationFn: (body: Parameters<typeof savePolicy>[0]) => savePolicy(body) });

  // A reloaded policy (after a save or a conflict): keep only the edits that still change something.
  useEffect(() => {
    setChanges((cs) => pruneChangeSet(cs, policy));
  }, [policy]);

  // Unsaved edits: ask before closing the tab.
  const count = pendingCount(changes);
  useBeforeUnload(count > 0);

  const clientErrors = useMemo(() => validateChangeSet(changes), [changes]);
  const errors: ChangeErrors = { ...serverErrors, ...clientErrors };
  const built = useMemo(() => toRequestBody(changes), [changes]);
  const bodyKey = built.ok ? JSON.stringify(built.request.body) : null;
  const previewFresh = !!preview && preview.key === bodyKey && preview.data.currentVersion === policy.version;
  const items = useMemo(() => pendingChangeItems(changes, policy), [changes, policy]);

  function edit(next: ChangeSet, touched?: string) {
    setChanges(next);
    if (touched && serverErrors[touched]) {
      const rest = { ...serverErrors };
      delete rest[touched];
      setServerErrors(rest);
    }
  }

  function clear() {
    setChanges(EMPTY_CHANGES);
    setServerErrors({});
    setOtherErrors([]);
    setPreview(null);
  }

  /** The policy changed on the server since it was read: reload, keep the edits, ask for a new preview. */
  function conflict(currentVersion?: number) {
    setPreview(null);
    modal.warning({ title: '低保标准已被他人修改', content: <ConflictContent currentVersion={currentVersion} />, okText: '知道了' });
    reloadPolicy();
  }

  function applyServerErrors(e: unknown, lineKeys: string[]): boolean {
    if (!isApiError(e) || e.fieldErrors.length === 0) return false;
    const mapped = serverErrorsToKeys(e.fieldErrors, lineKeys);
    setServerErrors(mapped.byKey);
    setOtherErrors(mapped.other);
    message.error(e.message);
    return true;
  }

  async function runPreview() {
    if (!built.ok) {
      message.error('有填写不正确的标准或比例，请按提示修改');
      return;
    }
    if (!count) return;
    const { body, lineKeys } = built.request;
    setOtherErrors([]);
    try {
      const data = await previewing.mutateAsync(body);
      setServerErrors({});
      setPreview({ key: JSON.stringify(body), data });
      if (data.currentVersion !== policy.version) conflict(data.currentVersion);
      else window.setTimeout(() => previewRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    } catch (e) {
      if (!applyServerErrors(e, lineKeys)) message.error(errorMessage(e));
    }
  }

  async function save() {
    if (!built.ok || !previewFresh || saving.isPending) return;
    const { body, lineKeys } = built.request;
    try {
      const r = await saving.mutateAsync({ ...body, reason: reason.trim() || undefined, expectedVersion: policy.version });
      message.success(r.jobId ? `已保存为第 ${r.version} 版，正在重新识别受影响的档案` : `已保存为第 ${r.version} 版`);
      clear();
      setReason('');
      setJobId(r.jobId);
      reloadPolicy();
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (e) {
      if (isApiError(e, 'VERSION_CONFLICT')) conflict(typeof e.body?.currentVersion === 'number' ? e.body.currentVersion : undefined);
      else if (isApiError(e, 'NO_CHANGE')) {
        message.info(e.message);
        clear();
      } else if (!applyServerErrors(e, lineKeys)) message.error(errorMessage(e));
    }
  }

  return {
    changes,
    edit,
    errors,
    otherErrors,
    count,
    items,
    preview,
    previewFresh,
    previewRef,
    previewing: previewing.isPending,
    saving: saving.isPending,
    reason,
    setReason,
    jobId,
    closeJob: () => setJobId(null),
    runPreview,
    save,
    discard: clear,
  };
}

export type PolicyEditorState = ReturnType<typeof usePolicyEditor>;
