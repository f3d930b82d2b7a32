// The audit log's filters: 操作 (a prefix), 用户名, 对象 and 日期. The form follows the URL.
import { useEffect } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditQuery } from '../../../api/audit';
import { AUDIT_ENTITY_LABELS, actionOptions } from '../../../lib/auditLabels';

interface FilterValues {
  action?: string;
  username?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null];
}

const ACTION_OPTIONS = actionOptions();
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

function toValues(query: AuditQuery): FilterValues {
  return {
    action: query.action,
    username: query.username ?? '',
    entity: query.entity,
    entityId: query.entityId ?? '',
    range: query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : undefined,
  };
}

function toQuery(v: FilterValues, pageSize: number): AuditQuery {
  const [from, to] = v.range ?? [null, null];
  return {
    action: v.action?.trim() || undefined,
    username: v.username?.trim() || undefined,
    entity: v.entity || undefined,
    entityId: v.entityId?.trim() || undefined,
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
    page: 1,
    pageSize,
  };
}

export function AuditFilterForm({ query, onSearch, onReset }: { query: AuditQuery; onSearch: (q: AuditQuery) => void; onReset: () => void }) {
  const [form] = Form.useForm<FilterValues>();
  // the form follows the URL (Back, a pasted link)
  useEffect(() => {
    form.setFieldsValue(toValues(query));
  }, [form, query]);

  return (
    <Card className="filter-card" variant="borderless">
      <Form<FilterValues> form={form} name="auditFilter" onFinish={(v) => onSearch(toQuery(v, query.pageSize))} labelCol={{ flex: '56px' }}>
        <Row gutter={[24, 12]}>
          <Col xs={24} md={12} xl={5}>
            <Form.Item label="操作" name="action" style={{ marginBottom: 0 }}>
              {/* chosen by its Chinese name; the code (household.update …) is what the API filters by */}
              <Select
                showSearch
                allowClear
                options={ACTION_OPTIONS}
                optionFilterProp="label"
                placeholder="全部操作"
                popupMatchSelectWidth={260}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item label="用户名" name="username" style={{ marginBottom: 0 }}>
              <Input allowClear placeholder="用户名" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label="对象" style={{ marginBottom: 0 }}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="entity" noStyle>
                  <Select allowClear placeholder="类型" options={ENTITY_OPTIONS} style={{ width: '45%' }} />
                </Form.Item>
                <Form.Item name="entityId" noStyle>
                  <Input allowClear placeholder="编号" maxLength={64} style={{ width: '55%' }} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label="日期" name="range" style={{ marginBottom: 0 }}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} xl={3} className="filter-actions">
            <Space>
              <Button id="auditFilter_reset" onClick={onReset}>
                重置
              </Button>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} id="auditFilter_submit">
                查询
              </Button>
            </Space>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
