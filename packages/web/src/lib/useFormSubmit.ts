// 保存 of a small form (a dialog, a settings card): the form checked first, then `run`; the
// server's field errors beside their fields, the rest (or any other failure) as one message.
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { errorMessage, isApiError } from '../api/request';
import { toFormFieldErrors } from './fieldErrors';

interface Options {
  /** the top-level fields the form has (others' errors join the message); all when absent */
  fields?: readonly string[];
  /** the message when every field error found its field */
  placedMessage?: string | null;
  /** which field names the form has, when `fields` cannot say (nested lists: ['items', 1, 'weight']) */
  placeable?: (name: (string | number)[]) => boolean;
}

export function useFormSubmit<V>(form: FormInstance<V>, { fields, placedMessage = null, placeable }: Options = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(run: (values: V) => Promise<void>): Promise<void> {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await run(v);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const mapped = toFormFieldErrors(e.fieldErrors, placeable ?? (fields ? (n) => n.length === 1 && fields.includes(String(n[0])) : undefined));
        form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
        setError(mapped.unplaced.length ? mapped.unplaced.map((x) => x.message).join('；') : placedMessage);
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, submit };
}
