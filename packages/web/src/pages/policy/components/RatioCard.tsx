// 识别比例: the two ratios of identification, each an input for city users with its percent and
// what it means.
import { Button, Card, Col, Input, Row, Tag, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import type { Policy } from '../../../api/policy';
import { ratioTextPercent } from '../../../lib/identification';
import { RATIO_LABELS, setRatio, type ChangeErrors, type ChangeSet, type RatioKey } from '../changeSet';

const RATIO_HELP: Record<RatioKey, (pct: string) => string> = {
  marginalRatio: (pct) => `条件二：家庭年人均收入在低保标准的 100%–${pct} 之间，且有特殊困难`,
  expenseRatio: (pct) => `条件三：医疗、学费或意外支出超过家庭年度总收入的 ${pct}`,
};

interface Props {
  policy: Policy;
  changes: ChangeSet;
  errors: ChangeErrors;
  canEdit: boolean;
  edit: (next: ChangeSet, touched?: string) => void;
}

function Ratio({ k, policy, changes, errors, canEdit, edit }: Props & { k: RatioKey }) {
  const value = changes[k] ?? policy[k];
  const changed = changes[k] !== undefined;
  const err = errors[k];
  return (
    <div className="policy-ratio">
      <div className="policy-ratio-label">
        <label htmlFor={canEdit ? `policy_${k}` : undefined}>{RATIO_LABELS[k]}</label>
        {changed && <Tag color="blue">已修改</Tag>}
      </div>
      {canEdit ? (
        <div className="policy-ratio-edit">
          <Input
            id={`policy_${k}`}
            value={value}
            status={err ? 'error' : undefined}
            inputMode="decimal"
            autoComplete="off"
            maxLength={10}
            style={{ width: 120 }}
            className={changed ? 'is-changed' : undefined}
            aria-invalid={err ? true : undefined}
            onChange={(e) => edit(setRatio(changes, policy, k, e.target.value), k)}
          />
          <span className="policy-ratio-pct" data-testid={`policy-${k}-percent`}>
            = {err ? '—' : ratioTextPercent(value)}
          </span>
          {changed && (
            <>
              <Typography.Text type="secondary">原 {policy[k]}</Typography.Text>
              <Button type="link" size="small" className="link-button" icon={<UndoOutlined />} onClick={() => edit({ ...changes, [k]: undefined }, k)}>
                撤销
              </Button>
            </>
          )}
        </div>
      ) : (
        <div className="policy-ratio-value" data-testid={`policy-${k}`}>
          {policy[k]}
          <span className="policy-ratio-pct">（{ratioTextPercent(policy[k])}）</span>
        </div>
      )}
      {err ? <div className="policy-field-error" role="alert">{err}</div> : <div className="policy-ratio-help">{RATIO_HELP[k](ratioTextPercent(value))}</div>}
    </div>
  );
}

export function RatioCard(props: Props) {
  return (
    <Card size="small" className="policy-ratios" title="识别比例" variant="outlined">
      <Row gutter={[24, 12]}>
        {(['marginalRatio', 'expenseRatio'] as const).map((k) => (
          <Col key={k} xs={24} lg={12}>
            <Ratio {...props} k={k} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
