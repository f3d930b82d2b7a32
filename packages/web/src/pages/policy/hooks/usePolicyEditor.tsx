// The policy editor's state: the pending change set and its errors (the browser's and the
// server's), the what-if preview of exactly these changes, and the save with the version read.
// A conflict (someone saved meanwhile) reloads the policy and keeps the edits.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App } from 'antd';
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

function SaveQuestion({ preview: p, version, unusual }: { preview: PolicyPreview; version: number; unusual: string[] }) {
  return (
    <div data-testid="policy-save-question">
      <p>
        保存为第 {version} 版后，系统将在后台重新识别受影响的 <b>{p.files.toLocaleString('zh-CN')}</b> 户档案：识别结果变化 <b>{p.eligibilityChanged.toLocaleString('zh-CN')}</b> 户（新增符合{' '}
        {p.becomeEligible.toLocaleString('zh-CN')}，转为不符合 {p.becomeIneligible.toLocaleString('zh-CN')}），建议类别变化 {p.categoryChanged.toLocaleString('zh-CN')} 户。
      </p>
      {p.becomeIneligible > 0 && <p>转为不符合的已建档档案将列入剔除建议，由市总工会逐户确认。</p>}
      {unusual.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message="请核实以下标准"
          description={
            <ul className="plain-list">
              {unusual.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          }
        />
      )}
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

  /** The question before saving: how many files will be re-identified, and the amounts to check. */
  function confirmSave(p: PolicyPreview): Promise<boolean> {
    const unusual = items.flatMap((c) => ('unusual' in c && c.unusual ? [c.unusual] : []));
    return new Promise((resolve) => {
      modal.confirm({
        title: '保存并重新识别？',
        width: 520,
        okText: '确认保存',
        cancelText: '再想想',
        okButtonProps: { id: 'policy-save-confirm' },
        content: <SaveQuestion preview={p} version={policy.version + 1} unusual={unusual} />,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  }

  async function save() {
    if (!built.ok || !previewFresh || !preview || saving.isPending) return;
    if (!(await confirmSave(preview.data))) return;
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
