// Editing a household's plan in place: the rows with their errors (each beside its cell), adding
// from the catalog (recommended measures marked), removing, and 保存计划.
import { useMemo, useState } from 'react';
import { App } from 'antd';
import { savePlan, type Measure, type Plan } from '../../../api/assistance';
import { errorMessage, isApiError } from '../../../api/request';
import { initialPlanRows, planPayload, type PlanRow } from '../../../lib/assistance';

export type RowErrors = Record<number, Partial<Record<'measure' | 'targetDate' | 'status' | 'outcome', string>>>;

function rowErrorsOf(errors: { path: string; message: string }[]): { rows: RowErrors; other: string[] } {
  const rows: RowErrors = {};
  const other: string[] = [];
  for (const e of errors) {
    const m = /^items\[(\d+)\]\.(measure|targetDate|status|outcome)$/.exec(e.path);
    if (m) (rows[Number(m[1])] ??= {})[m[2] as 'measure'] = e.message;
    else other.push(e.message);
  }
  return { rows, other };
}

export function usePlanEditor(householdId: number, plan: Plan | undefined, catalog: Measure[], onSaved: (p: Plan) => void) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<PlanRow[] | null>(null);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = rows !== null;

  const catalogByCode = useMemo(() => new Map(catalog.map((m) => [m.code, m])), [catalog]);
  const recommended = useMemo(() => new Map((plan?.recommendations ?? []).map((r) => [r.measure, r.reason])), [plan]);
  const planned = useMemo(() => new Set((plan?.items ?? []).map((i) => i.measure)), [plan]);

  function startEdit() {
    if (!plan) return;
    setRows(initialPlanRows(plan));
    setRowErrors({});
    setFormError(null);
  }

  function patch(i: number, p: Partial<PlanRow>) {
    setRows((rs) => rs && rs.map((r, j) => (j === i ? { ...r, ...p } : r)));
    setRowErrors((es) => {
      if (!es[i]) return es;
      const next = { ...es, [i]: { ...es[i] } };
      for (const k of Object.keys(p)) delete next[i][k as 'measure'];
      return next;
    });
  }

  function addMeasure(code: string) {
    const m = catalogByCode.get(code);
    if (!m || !rows || rows.some((r) => r.measure === code)) return;
    setRows([...rows, { measure: code, name: m.name, category: m.category, recommended: recommended.has(code), reason: recommended.get(code) ?? null, targetDate: null, status: 'planned', outcome: null }]);
  }

  function removeRow(i: number) {
    setRows((rs) => rs && rs.filter((_, j) => j !== i));
    setRowErrors({});
  }

  async function save() {
    if (!rows) return;
    setBusy(true);
    setFormError(null);
    try {
      const saved = await savePlan(householdId, planPayload(rows));
      message.success('帮扶计划已保存');
      onSaved(saved);
      setRows(null);
      setRowErrors({});
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const { rows: re, other } = rowErrorsOf(e.fieldErrors);
        setRowErrors(re);
        setFormError(other.length ? other.join('；') : '帮扶计划有误，请按各行提示修改');
      } else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const inRows = new Set((rows ?? []).map((r) => r.measure));
  const addOptions = [...new Set(catalog.filter((m) => m.active && !inRows.has(m.code)).map((m) => m.category))].map((cat) => ({
    label: cat,
    title: cat,
    options: catalog
      .filter((m) => m.active && !inRows.has(m.code) && m.category === cat)
      .map((m) => ({ value: m.code, label: `${m.name}${recommended.has(m.code) ? '（推荐）' : ''}` })),
  }));

  return { rows, editing, rowErrors, formError, busy, recommended, planned, addOptions, startEdit, patch, addMeasure, removeRow, save, cancel: () => setRows(null) };
}

export type PlanEditor = ReturnType<typeof usePlanEditor>;
