// 四、工会审核意见 of the paper form: two boxes, 职工所在单位工会意见 and 市总工会意见, each with the
// latest opinion of its level. On paper an empty box stays blank for a signature and a seal; an
// opinion from an earlier round of review shows on screen only, greyed. The paper also carries the
// worker's signature under 三 and the unit's stamp in its box, as the PDF does (print module).
import dayjs from 'dayjs';
import type { ReviewLevel } from '../../../api/households';
import { dateTimeText } from '../../../lib/format';
import { DECISION_LABELS, LEVEL_LABELS, type OpinionBox } from '../../../lib/opinions';
import { SheetSection } from './Sheet';

const SEAL_BLANK = '（盖章）　　　年　　月　　日';

function paperDate(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY年M月D日') : '';
}

/** 职工签字: printed only; the screen has nothing to sign. */
export function SignatureRow() {
  return (
    <div className="sheet-row sheet-signature print-only" data-testid="sheet-signature">
      <div className="sheet-label">职工签字</div>
      <div className="sheet-value">
        <span>本人承诺以上所填情况真实无误。</span>
        <span className="sheet-signature-blank">签字：　　　　　　　　　年　　月　　日</span>
      </div>
    </div>
  );
}

function Box({ level, box }: { level: ReviewLevel; box: OpinionBox | null }) {
  const o = box?.opinion;
  const current = !!box?.current;
  return (
    <div className="sheet-review-box" data-testid={`opinion-${level}`} data-decision={current && o ? o.decision : 'none'}>
      <div className="sheet-review-title">{LEVEL_LABELS[level]}</div>
      {o ? (
        <div className={current ? 'sheet-review-body' : 'sheet-review-body sheet-review-previous no-print'}>
          {!current && <div className="sheet-review-note">上一轮审核意见（档案已重新提交，本轮尚未审核）</div>}
          <div>
            <span className={`sheet-review-decision ${o.decision}`}>{DECISION_LABELS[o.decision]}</span>
            <span className="sheet-review-text">{o.opinion}</span>
          </div>
          <div className="sheet-review-meta">
            <span className="sheet-review-author">
              {o.authorName}（{o.orgName}）
            </span>
            <span className="sheet-review-at no-print">{dateTimeText(o.at)}</span>
            <span className="sheet-review-at print-only-inline">{paperDate(o.at)}</span>
          </div>
        </div>
      ) : (
        <div className="sheet-review-empty no-print">尚无意见</div>
      )}
      {level === 'unit' && <span className="sheet-review-stamp print-only-inline">单位盖章：</span>}
      {!current && <span className="sheet-review-sign print-only-inline">{SEAL_BLANK}</span>}
    </div>
  );
}

export function ReviewBoxes({ boxes }: { boxes: Record<ReviewLevel, OpinionBox | null> }) {
  return (
    <div className="sheet-review-part">
      <SheetSection>四、工会审核意见</SheetSection>
      <div className="sheet-review" id="household-opinions">
        <Box level="unit" box={boxes.unit} />
        <Box level="city" box={boxes.city} />
      </div>
    </div>
  );
}
