// The 识别结果 panel beside the survey sheet: one result of core's identify(), computed live in
// the browser (form) or stored by the server (detail). Big verdict first, then the numbers that
// decide it, then core's own Chinese explanation.
import type { ReactNode } from 'react';
import { Card, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, EditOutlined, ExclamationCircleOutlined, QuestionCircleFilled } from '@ant-design/icons';
import {
  CONDITION_CODES,
  CONDITION_DESCRIPTIONS,
  CONDITION_LABELS,
  EXPENSE_REASON_LABELS,
  FLAG_LABELS,
  SPECIAL_REASON_LABELS,
  type ConditionCode,
  type IdentifyResult,
} from '@bangfu/core';
import { CategoryTag } from '../../components/Tags';
import { yuanText } from '../../lib/format';
import { INCOMPLETE_PROMPT, NO_LINE_PROMPT, eligibleText, explanationText, ratioPercentText, ratioTextPercent } from '../../lib/identification';
import { plainYuan } from '../policy/changeSet';
import './identification.css';

/** 条件二/三's description with the ratios in force (the core text says 130% / 50%). */
export function conditionDescription(c: ConditionCode, marginalRatio?: string, expenseRatio?: string): string {
  let d = CONDITION_DESCRIPTIONS[c];
  if (c === 'C2' && marginalRatio) d = d.replace('130%', ratioTextPercent(marginalRatio));
  if (c === 'C3' && expenseRatio) d = d.replace('50%', ratioTextPercent(expenseRatio));
  return d;
}

export function ExampleTag() {
  return (
    <Tooltip title="演示用示例标准，并非正式标准">
      <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="identification-example">
        示例标准
      </Tag>
    </Tooltip>
  );
}

function Verdict({ eligible, category, noLine }: { eligible: boolean | null; category: string | null; noLine: boolean }) {
  const kind = eligible === true ? 'yes' : eligible === false ? 'no' : 'unknown';
  const icon = eligible === true ? <CheckCircleFilled /> : eligible === false ? <CloseCircleFilled /> : <QuestionCircleFilled />;
  return (
    <div className={`id-verdict id-verdict-${kind}`} role="status" aria-live="polite">
      <span className="id-verdict-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="id-verdict-body">
        <div className="id-verdict-text" data-testid="identification-eligible">
          {eligibleText(eligible)}
        </div>
        <div className="id-verdict-sub">
          {noLine ? NO_LINE_PROMPT : eligible ? `建议困难类别：${category ?? '—'}` : '三项条件均不符合'}
        </div>
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="id-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const none = <Typography.Text type="secondary">无</Typography.Text>;

/** The income-to-line ratio on a bar with the 100% and 130% marks. */
function RatioMeter({ ratio, marginalRatio }: { ratio: number; marginalRatio: string }) {
  const m = Number(marginalRatio) || 1.3;
  const scale = Math.max(m * 1.5, 1.5);
  const pos = (x: number) => `${Math.min(100, (x / scale) * 100)}%`;
  const zone = ratio < 1 ? 'c1' : ratio <= m ? 'c2' : 'over';
  return (
    <div className="id-meter" aria-hidden="true">
      <div className={`id-meter-fill id-meter-${zone}`} style={{ width: pos(ratio) }} />
      <div className="id-meter-mark" style={{ left: pos(1) }} title="100%" />
      <div className="id-meter-mark" style={{ left: pos(m) }} title={ratioTextPercent(marginalRatio)} />
      <span className="id-meter-label" style={{ left: pos(1) }}>
        100%
      </span>
      <span className="id-meter-label" style={{ left: pos(m) }}>
        {ratioTextPercent(marginalRatio)}
      </span>
    </div>
  );
}

export interface IdentificationViewProps {
  result: IdentifyResult;
  /** the declared 困难类别; null when not chosen yet */
  declaredCategory: string | null;
  isExample?: boolean;
  /** shown above the verdict (e.g. "outdated") */
  notice?: ReactNode;
  /** the basis line at the bottom */
  footer?: ReactNode;
  /** next to the no-line prompt, e.g. a link to the 低保标准 page */
  noLineAction?: ReactNode;
  /** names the region in core's no-line sentence, which only knows its code */
  regionName?: (code: string) => string;
}


/** The panel for one result. */
export function IdentificationView({ result: r, declaredCategory, isExample, notice, footer, noLineAction, regionName }: IdentificationViewProps) {
  const noLine = r.flags.includes('noLine');
  const mismatch = r.flags.includes('categoryMismatch');
  return (
    <PanelCard extra={isExample && !noLine ? <ExampleTag /> : undefined}>
      {notice}
      <Verdict eligible={r.eligible} category={r.category} noLine={noLine} />
      {noLine && noLineAction && <div className="id-noline-action">{noLineAction}</div>}
      <dl className="id-facts">
        <Fact label="满足条件">
          <span className="id-conditions" data-testid="identification-conditions">
            {CONDITION_CODES.map((c) => {
              const met = r.conditions.includes(c);
              return (
                <Tooltip key={c} title={`${conditionDescription(c, r.policy.marginalRatio, r.policy.expenseRatio)}${noLine ? '' : met ? '（满足）' : '（不满足）'}`}>
                  <Tag
                    color={met ? 'success' : undefined}
                    icon={met ? <CheckCircleFilled /> : undefined}
                    className={met ? 'id-cond id-cond-met' : 'id-cond id-cond-unmet'}
                    data-condition={c}
                    data-met={met ? 'true' : 'false'}
                    tabIndex={0}
                  >
                    {CONDITION_LABELS[c]}
                  </Tag>
                </Tooltip>
              );
            })}
          </span>
        </Fact>
        <Fact label="建议类别">
          <span data-testid="identification-category">{r.category ? <CategoryTag value={r.category} /> : noLine ? '—' : '无'}</span>
        </Fact>
        <Fact label="申报类别">
          {declaredCategory ? <CategoryTag value={declaredCategory} /> : <Typography.Text type="secondary">未选择</Typography.Text>}
          {mismatch && (
            <Tooltip title={FLAG_LABELS.categoryMismatch}>
              <ExclamationCircleOutlined className="id-mismatch-icon" aria-label={FLAG_LABELS.categoryMismatch} />
            </Tooltip>
          )}
        </Fact>
        <Fact label="家庭年人均收入">
          <span className="num" data-testid="identification-per-capita">
            {yuanText(r.perCapitaIncome)} 元
          </span>
        </Fact>
        <Fact label="年低保标准">
          {r.annualLine === null ? (
            <Typography.Text type="warning">未配置</Typography.Text>
          ) : (
            <span className="num" data-testid="identification-line">
              {yuanText(r.annualLine)} 元<span className="id-muted">（每月 {plainYuan(r.policy.monthlyLine)} 元）</span>
            </span>
          )}
        </Fact>
        <Fact label="收入/标准">
          {r.ratio === null ? (
            '—'
          ) : (
            <div className="id-ratio">
              <span className="num" data-testid="identification-ratio">
                {ratioPercentText(r.ratio)}
              </span>
              <RatioMeter ratio={r.ratio} marginalRatio={r.policy.marginalRatio} />
            </div>
          )}
        </Fact>
        <Fact label="特殊困难">
          {r.specialReasons.length
            ? r.specialReasons.map((s) => (
                <Tag key={s} className="id-reason">
                  {SPECIAL_REASON_LABELS[s] ?? s}
                </Tag>
              ))
            : none}
        </Fact>
        <Fact label="支出原因">
          {r.expenseReasons.length
            ? r.expenseReasons.map((s) => (
                <Tag key={s} className="id-reason">
                  {EXPENSE_REASON_LABELS[s] ?? s}
                </Tag>
              ))
            : none}
        </Fact>
        {r.flags.length > 0 && (
          <Fact label="提示">
            <span data-testid="identification-flags">
              {r.flags.map((f) => (
                <Tag key={f} color="warning" icon={<ExclamationCircleOutlined />} className="id-flag" data-flag={f}>
                  {FLAG_LABELS[f] ?? f}
                </Tag>
              ))}
            </span>
          </Fact>
        )}
      </dl>
      <div className="id-explanation" data-testid="identification-explanation">
        <div className="id-explanation-title">识别说明</div>
        {explanationText(r, regionName)}
      </div>
      {footer && <div className="id-footer">{footer}</div>}
    </PanelCard>
  );
}

export function PanelCard({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Card className="id-panel" size="small" variant="borderless" title="识别结果" extra={extra} data-testid="identification-panel">
      {children}
    </Card>
  );
}

/** Not enough typed yet to decide anything. */
export function IncompletePanel({ missing }: { missing: string[] }) {
  return (
    <PanelCard>
      <div className="id-incomplete" data-testid="identification-incomplete">
        <EditOutlined className="id-incomplete-icon" aria-hidden="true" />
        <div>{INCOMPLETE_PROMPT}</div>
        {missing.length > 0 && missing.length < 4 && <div className="id-muted">尚缺：{missing.join('、')}</div>}
      </div>
      <div className="id-hint">填写后将按本地区该年度的低保标准自动识别，结果仅供参考，以保存后系统识别为准。</div>
    </PanelCard>
  );
}
