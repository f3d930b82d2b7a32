// Editing the working groups in place (the city union): each group's name, its 带队市总领导 and its
// 机关干部 (one group each: choosing a member moves them), the server's errors beside their
// fields, and 保存 of all groups at once.
import { useState } from 'react';
import { App } from 'antd';
import { saveWorkingGroups, type WorkingGroup } from '../../../api/assistance';
import { assistanceKeys, useInvalidateGroupHouseholds, useSetData } from '../../../api/queries/assistance';
import { errorMessage, isApiError } from '../../../api/request';
import { draftOf, groupFieldErrors, groupsPayload, withMembers, type GroupErrors, type GroupsDraft } from '../../../lib/workingGroups';

export function useGroupsEditor(groups: WorkingGroup[]) {
  const { message } = App.useApp();
  const setData = useSetData();
  const invalidateHouseholds = useInvalidateGroupHouseholds();
  const [draft, setDraft] = useState<GroupsDraft | null>(null);
  const [errors, setErrors] = useState<GroupErrors['byGroup']>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function start() {
    setDraft(draftOf(groups));
    setErrors({});
    setFormError(null);
  }

  function cancel() {
    setDraft(null);
    setErrors({});
    setFormError(null);
  }

  function patch(code: string, p: { name?: string; leaderUsername?: string }) {
    setDraft((d) => d && { ...d, [code]: { ...d[code], ...p } });
    setErrors((es) => ({ ...es, [code]: { ...es[code], ...Object.fromEntries(Object.keys(p).map((k) => [k, undefined])) } }));
  }

  /** The group's members now; those taken from another group leave it (its member errors go too). */
  function setMembers(code: string, usernames: string[]) {
    if (!draft) return;
    const next = withMembers(draft, code, usernames);
    setDraft(next);
    setErrors((es) => {
      const out = { ...es };
      for (const c of Object.keys(next)) if (next[c] !== draft[c] && out[c]) out[c] = { ...out[c], memberUsernames: undefined };
      return out;
    });
  }

  async function save() {
    if (!draft) return;
    const body = groupsPayload(groups, draft);
    setBusy(true);
    setFormError(null);
    try {
      setData(assistanceKeys.groups, await saveWorkingGroups(body));
      invalidateHouseholds();
      message.success('工作组已保存');
      setDraft(null);
      setErrors({});
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const { byGroup, other } = groupFieldErrors(e.fieldErrors, body);
        setErrors(byGroup);
        setFormError(other.length ? other.join('；') : '请按提示修改');
      } else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return { draft, editing: draft !== null, errors, formError, busy, start, cancel, patch, setMembers, save };
}

export type GroupsEditor = ReturnType<typeof useGroupsEditor>;
