// One change of an account (停用 / 启用, 解锁, 重置密码, 修改姓名): the server's answer replaces
// the row; field errors go beside their fields, anything else into a message.
import { useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { updateUser, type UserItem, type UserPatch } from '../../../api/users';
import { useReplaceUser } from '../../../api/queries/users';
import { errorMessage, isApiError } from '../../../api/request';

/** Server field errors beside the fields they name; true when any was placed. */
export function placeErrors(form: FormInstance, e: unknown, fields: Set<string>): boolean {
  if (!isApiError(e)) return false;
  const placed = e.fieldErrors.filter((f) => fields.has(f.path));
  if (placed.length) form.setFields(placed.map((f) => ({ name: f.path, errors: [f.message] })));
  return placed.length > 0;
}

export function useUserPatch() {
  const { message } = App.useApp();
  const replace = useReplaceUser();
  /** which change is under way: 'reset', 'rename', `unlock-${id}`, `active-${id}` */
  const [busy, setBusy] = useState<string | null>(null);

  async function patch(u: UserItem, p: UserPatch, done: string, key: string, form?: FormInstance, fields?: Set<string>): Promise<boolean> {
    setBusy(key);
    try {
      const updated = await updateUser(u.id, p);
      replace(updated ?? { ...u, ...p });
      message.success(done);
      return true;
    } catch (e) {
      if (!(form && fields && placeErrors(form, e, fields))) message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { busy, patch };
}

export type UserPatcher = ReturnType<typeof useUserPatch>;
