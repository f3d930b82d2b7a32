import type { CSSProperties, ReactNode } from 'react';
import { pairsTemplate, sheetLabel, stackTemplate, type RowDef, type SheetKey } from './layout';
import './sheet.css';

export interface SheetRenderer {
  /** the content of the value cell */
  value: (key: SheetKey) => ReactNode;
  /** mark with * */
  required?: (key: SheetKey) => boolean;
  /** id of the control the label names (form mode) */
  controlId?: (key: SheetKey) => string | undefined;
}

function Label({ k, r }: { k: SheetKey; r: SheetRenderer }) {
  const id = r.controlId?.(k);
  const text = sheetLabel(k);
  return (
    <>
      {r.required?.(k) && (
        <span className="sheet-req" aria-hidden="true">
          *
        </span>
      )}
      {id ? <label htmlFor={id}>{text}</label> : <span>{text}</span>}
    </>
  );
}

export function SheetRows({ rows, r }: { rows: RowDef[]; r: SheetRenderer }) {
  return (
    <>
      {rows.map((row, i) =>
        row.kind === 'pairs' ? (
          <div key={i} className="sheet-row" style={{ gridTemplateColumns: pairsTemplate(row.cells) }}>
            {row.cells.map((c) => [
              <div key={`${c.key}-l`} className="sheet-label" data-field={c.key}>
                <Label k={c.key} r={r} />
              </div>,
              <div key={`${c.key}-v`} className="sheet-value" data-field={c.key}>
                {r.value(c.key)}
              </div>,
            ])}
          </div>
        ) : (
          // --sheet-cells: on a narrow screen the row turns into label/value pairs (sheet.css)
          <div key={i} className="sheet-row sheet-stack" style={{ gridTemplateColumns: stackTemplate(row.cells), '--sheet-cells': row.cells.length } as CSSProperties}>
            {row.cells.map((c) => (
              <div key={`${c.key}-l`} className="sheet-label sheet-label-top" data-field={c.key}>
                <Label k={c.key} r={r} />
              </div>
            ))}
            {row.cells.map((c) => (
              <div key={`${c.key}-v`} className="sheet-value" data-field={c.key}>
                {r.value(c.key)}
              </div>
            ))}
          </div>
        ),
      )}
    </>
  );
}

/** A full-width heading row: 一、职工及家庭成员基本情况 … */
export function SheetSection({ children, sub }: { children: ReactNode; sub?: boolean }) {
  return <div className={sub ? 'sheet-section sheet-subsection' : 'sheet-section'}>{children}</div>;
}

/** The bordered sheet with its title, as on paper. */
export function Sheet({ title, meta, children }: { title: ReactNode; meta?: ReactNode; children: ReactNode }) {
  return (
    <section className="sheet" aria-label={typeof title === 'string' ? title : undefined}>
      <header className="sheet-head">
        <h2 className="sheet-title">{title}</h2>
        {meta && <div className="sheet-meta">{meta}</div>}
      </header>
      <div className="sheet-grid">{children}</div>
    </section>
  );
}
