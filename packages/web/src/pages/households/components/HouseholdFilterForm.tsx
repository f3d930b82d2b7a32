// The household list's filters: 地区, 困难类别, 状态, 关键词, and behind 「更多条件」 the
// identification filters. The form follows the URL (Back, a pasted link); 查询 writes it back.
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { CATEGORIES, CONDITION_CODES, CONDITION_DESCRIPTIONS, CONDITION_LABELS, FLAG_LABELS, HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS, IDENTIFY_FLAGS, type ConditionCode, type IdentifyFlag } from '@bangfu/core';
import type { EligibleFilter } from '../../../api/households';
import { useNarrowerThan } from '../../../lib/useNarrow';
import type { RegionOption } from '../../../lib/useOrgs';
import { hasIdentificationFilter, type ListState, type StatusFilter } from '../listQuery';

export interface FilterValues {
  regionCode?: string;
  category?: string;
  status: StatusFilter;
  q?: string;
  eligible?: EligibleFilter;
  condition?: ConditionCode;
  suggestedCategory?: string;
  flag?: IdentifyFlag;
}

const ELIGIBLE_OPTIONS: { value: EligibleFilter; label: string }[] = [
  { value: 'true', label: '符合' },
  { value: 'false', label: '不符合' },
  { value: 'unknown', label: '无法判定' },
];
const CONDITION_OPTIONS = CONDITION_CODES.map((c) => ({ value: c, label: `${CONDITION_LABELS[c]}（${CONDITION_DESCRIPTIONS[c]}）`, short: CONDITION_LABELS[c] }));
const SUGGESTED_OPTIONS = [...CATEGORIES.map((c) => ({ value: c as string, label: c as string })), { value: 'none', label: '无（不符合或无法判定）' }];
const FLAG_OPTIONS = IDENTIFY_FLAGS.map((f) => ({ value: f, label: FLAG_LABELS[f] }));
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...HOUSEHOLD_STATUSES.flatMap((s) => [
    { value: s as StatusFilter, label: HOUSEHOLD_STATUS_LABELS[s] },
    // the drafts a reviewer sent back, right under 草稿: what a filer has to do first
    ...(s === 'draft' ? [{ value: 'returned' as const, label: '已退回（待修改）' }] : []),
  ]),
];

/** The URL's state as the form's values (the own region shown, not sent). */
function toValues(state: ListState, ownRegion: string | null): FilterValues {
  return {
    regionCode: ownRegion ?? state.regionCode,
    category: state.category,
    status: state.status,
    q: state.q ?? '',
    eligible: state.eligible,
    condition: state.condition,
    suggestedCategory: state.suggestedCategory,
    flag: state.flag,
  };
}

/** The form's values as the list's state, back to page 1. */
function toPatch(v: FilterValues, ownRegion: string | null): Partial<ListState> {
  return {
    regionCode: ownRegion ? undefined : v.regionCode || undefined,
    category: v.category || undefined,
    status: v.status,
    q: v.q?.trim() || undefined,
    eligible: v.eligible || undefined,
    condition: v.condition || undefined,
    suggestedCategory: v.suggestedCategory || undefined,
    flag: v.flag || undefined,
    page: 1,
  };
}

interface Props {
  state: ListState;
  ownRegion: string | null;
  regions: RegionOption[];
  onSearch: (patch: Partial<ListState>) => void;
  onReset: () => void;
}

function Field({ span, label, name, children }: { span: { md?: number; xl: number }; label: string; name: keyof FilterValues; children: React.ReactNode }) {
  return (
    <Col xs={24} md={span.md ?? 12} xl={span.xl}>
      <Form.Item label={label} name={name} style={{ marginBottom: 0 }}>
        {children}
      </Form.Item>
    </Col>
  );
}

export function HouseholdFilterForm({ state, ownRegion, regions, onSearch, onReset }: Props) {
  const [form] = Form.useForm<FilterValues>();
  const [moreOpen, setMoreOpen] = useState(false);
  const phone = useNarrowerThan('md');

  // The filter form follows the URL (Back, a pasted link).
  useEffect(() => {
    form.setFieldsValue(toValues(state, ownRegion));
  }, [form, state, ownRegion]);

  // A link with identification filters opens the 「更多条件」 row.
  const moreActive = hasIdentificationFilter(state);
  useEffect(() => {
    if (moreActive) setMoreOpen(true);
  }, [moreActive]);

  const actions = (
    <Col xs={24} xl={3} className="filter-actions">
      <Space>
        <Button onClick={onReset} id="householdFilter_reset">
          重置
        </Button>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} id="householdFilter_submit">
          查询
        </Button>
      </Space>
    </Col>
  );

  return (
    <Card className="filter-card" variant="borderless">
      <Form<FilterValues> form={form} name="householdFilter" layout="horizontal" onFinish={(v) => onSearch(toPatch(v, ownRegion))} initialValues={{ status: 'all' }} labelCol={{ flex: '76px' }}>
        <Row gutter={[24, 12]}>
          <Field span={{ xl: 5 }} label="地区" name="regionCode">
            <Select allowClear placeholder="全部地区" options={regions} disabled={!!ownRegion} />
          </Field>
          <Field span={{ xl: 5 }} label="困难类别" name="category">
            <Select allowClear placeholder="全部类别" options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Field>
          {/* wide enough for 已退回（待修改） at 1366 px */}
          <Field span={{ xl: 5 }} label="状态" name="status">
            <Select options={STATUS_OPTIONS} popupMatchSelectWidth={false} />
          </Field>
          <Field span={{ xl: 6 }} label="关键词" name="q">
            <Input allowClear placeholder="姓名 / 职工编号 / 身份证号" maxLength={40} />
          </Field>
          {!phone && actions}
        </Row>
        <div className="filter-more-toggle">
          <Button type="link" size="small" id="householdFilter_more" aria-expanded={moreOpen} aria-controls="householdFilter_moreRow" onClick={() => setMoreOpen(!moreOpen)}>
            {moreOpen ? '收起' : '更多条件'}
            {moreOpen ? <UpOutlined /> : <DownOutlined />}
            {!moreOpen && moreActive && <Badge status="processing" style={{ marginInlineStart: 4 }} />}
          </Button>
        </div>
        <Row gutter={[24, 12]} id="householdFilter_moreRow" hidden={!moreOpen} className="filter-more-row">
          <Field span={{ xl: 6 }} label="识别结果" name="eligible">
            <Select allowClear placeholder="全部" options={ELIGIBLE_OPTIONS} />
          </Field>
          <Field span={{ xl: 5 }} label="满足条件" name="condition">
            <Select
              allowClear
              placeholder="全部"
              options={CONDITION_OPTIONS}
              optionRender={(o) => (
                <div>
                  <div>{o.data.short}</div>
                  <div className="option-desc">{CONDITION_DESCRIPTIONS[o.value as ConditionCode]}</div>
                </div>
              )}
              labelRender={(o) => CONDITION_LABELS[o.value as ConditionCode] ?? o.label}
              popupMatchSelectWidth={360}
            />
          </Field>
          <Field span={{ xl: 4 }} label="建议类别" name="suggestedCategory">
            <Select allowClear placeholder="全部" options={SUGGESTED_OPTIONS} popupMatchSelectWidth={200} />
          </Field>
          <Field span={{ xl: 6 }} label="识别提示" name="flag">
            <Select allowClear placeholder="全部" options={FLAG_OPTIONS} popupMatchSelectWidth={260} />
          </Field>
        </Row>
        {/* on a phone 查询 comes after every condition, the extra ones included */}
        {phone && <Row className="filter-actions-row">{actions}</Row>}
      </Form>
    </Card>
  );
}
