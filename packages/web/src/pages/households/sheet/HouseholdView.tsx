// The stored file, read-only, in the same grid as the form; also what gets printed.
import type { ReactNode } from 'react';
import { CAUSES, MONEY_FIELDS, type HouseholdJson, type MemberField } from '@bangfu/core';
import { dateText, yesNo, yuanText } from '../../../lib/format';
import { MEMBER_KEYS } from '../formModel';
import type { ReviewLevel } from '../../../api/households';
import type { OpinionBox } from '../../../lib/opinions';
import { ReviewBoxes, SignatureRow } from './ReviewBoxes';
import { Sheet, SheetRows, SheetSection } from './Sheet';
import { CAUSE_ROWS, NEED_ROWS, WORKER_ROWS, causeLabel, memberLabel, type SheetKey } from './layout';

const MONEY = new Set<string>([...MONEY_FIELDS, 'perCapitaIncome']);

function Text({ children, className }: { children: ReactNode; className?: string }) {
  const empty = children === null || children === undefined || children === '';
  return empty ? <span className="sheet-text sheet-text-empty">—</span> : <span className={`sheet-text ${className ?? ''}`}>{children}</span>;
}

/** Member column widths for the read-only table: as a share of the sheet, so it fits A4. */
// 身份证号 gets room for its 18 digits in one line beside the 340 px identification panel at 1366 px
const VIEW_COL_WIDTHS: Record<MemberField, string> = {
  name: '8%',
  relation: '6.5%',
  gender: '5%',
  education: '7.5%',
  idNumber: '22%',
  health: '7.5%',
  disabilityGrade: '6%',
  annualIncome: '10%',
  occupation: '9%',
  unitOrSchool: '7.5%',
  skillLevel: '7%',
};

const NO_OPINIONS: Record<ReviewLevel, OpinionBox | null> = { unit: null, city: null };

export function HouseholdView({
  household: h,
  regionName,
  opinions = NO_OPINIONS,
}: {
  household: HouseholdJson;
  regionName: (code: string) => string;
  /** 四、工会审核意见: the latest opinion of each level (blank boxes when none) */
  opinions?: Record<ReviewLevel, OpinionBox | null>;
}) {
  function value(key: SheetKey): ReactNode {
    if (MONEY.has(key)) {
      const v = (h as unknown as Record<string, number>)[key];
      return <Text className="sheet-num">{v === null || v === undefined ? '' : `${yuanText(v)} 元`}</Text>;
    }
    switch (key) {
      case 'fillDate':
        return <Text>{dateText(h.fillDate)}</Text>;
      case 'regionCode':
        return (
          <Text>
            {`${regionName(h.regionCode)}（${h.regionCode}）`}
            {h.unitId && <span className="sheet-unit" data-testid="household-view-unit">{` · ${regionName(h.unitId)}（${h.unitId}）`}</span>}
          </Text>
        );
      case 'workerNo':
        return (
          <Text className="mono sheet-strong">
            <span id="household-view-workerNo">{h.workerNo}</span>
          </Text>
        );
      case 'idNumber':
        return <Text className="mono sheet-nowrap">{h.idNumber}</Text>;
      case 'householdSize':
        return <Text className="sheet-num">{`${h.householdSize} 人`}</Text>;
      case 'serviceYears':
        return <Text>{`${h.serviceYears} 年`}</Text>;
      case 'receivesDibao':
      case 'lostWorkCapacity':
      case 'rightsInfringed':
      case 'wantsToStartBusiness':
        return <Text>{yesNo(h[key])}</Text>;
      case 'causes':
        return (
          <div className="cause-boxes" aria-label="致困原因">
            {CAUSES.map((c) => {
              const on = h.causes.includes(c);
              return (
                <span key={c} className={on ? 'cause-box on' : 'cause-box'}>
                  <span aria-hidden="true">{on ? '☑' : '☐'}</span>
                  {causeLabel(c)}
                  {on && <span className="sr-only">（已选）</span>}
                </span>
              );
            })}
          </div>
        );
      default:
        return <Text>{(h as unknown as Record<string, string | null>)[key]}</Text>;
    }
  }

  const r = { value };
  return (
    <Sheet title="困难职工调查表">
      <SheetSection>一、职工及家庭成员基本情况</SheetSection>
      <SheetRows rows={WORKER_ROWS} r={r} />
      <div className="sheet-section sheet-subsection">
        <span className="sheet-subsection-title">家庭成员</span>
      </div>
      <div className="sheet-members sheet-members-view">
        <table>
          <colgroup>
            <col style={{ width: '4%' }} />
            {MEMBER_KEYS.map((k) => (
              <col key={k} style={{ width: VIEW_COL_WIDTHS[k] }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="sheet-members-index">序号</th>
              {MEMBER_KEYS.map((k) => (
                <th key={k} scope="col">
                  {memberLabel(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {h.members.length === 0 ? (
              <tr>
                <td colSpan={MEMBER_KEYS.length + 1} className="sheet-members-empty">
                  无家庭成员
                </td>
              </tr>
            ) : (
              h.members.map((m, i) => (
                <tr key={i}>
                  <td className="sheet-members-index">{i + 1}</td>
                  {MEMBER_KEYS.map((k) => (
                    <td key={k} className={`sheet-members-text${k === 'annualIncome' ? ' sheet-num sheet-nowrap' : ''}${k === 'idNumber' ? ' mono sheet-nowrap' : ''}`}>
                      {k === 'annualIncome' ? yuanText(m.annualIncome) : (m[k] as string | null) ?? ''}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <SheetSection>二、致困原因</SheetSection>
      <SheetRows rows={CAUSE_ROWS} r={r} />
      <SheetSection>三、困难职工帮扶需求及帮扶措施</SheetSection>
      <SheetRows rows={NEED_ROWS} r={r} />
      <SignatureRow />
      <ReviewBoxes boxes={opinions} />
    </Sheet>
  );
}
