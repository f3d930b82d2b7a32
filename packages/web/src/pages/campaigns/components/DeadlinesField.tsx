// 截止事项 in the campaign form: kind (数据上报 / 材料报送), label and day; an existing deadline keeps
// its id (hidden), so its submissions stay with it. A 材料报送 row also says how many 调研报告 each
// county union and each unit owes.
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEADLINE_KIND_LABELS, DEADLINE_KINDS, DEFAULT_REPORTS_OWED } from '@bangfu/core';
import { newDeadline } from '../campaignForm';

const KIND_OPTIONS = DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }));

export function DeadlinesField() {
  return (
    <Form.List name="deadlines">
      {(fields, { add, remove }) => (
        <div className="campaign-rows" id="campaign-deadlines">
          {fields.map((f, i) => (
            <Row key={f.key} gutter={[12, 0]} align="top" className="campaign-row" data-row={i}>
              <Form.Item name={[f.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Col xs={11} sm={5}>
                <Form.Item name={[f.name, 'kind']} label="类型" rules={[{ required: true, message: '请选择类型' }]}>
                  <Select options={KIND_OPTIONS} />
                </Form.Item>
              </Col>
              <Col xs={13} sm={10}>
                <Form.Item name={[f.name, 'label']} label={`截止事项 ${i + 1}`} rules={[{ required: true, whitespace: true, message: '请填写截止事项' }]}>
                  <Input maxLength={40} placeholder="如：第一次数据上报" />
                </Form.Item>
              </Col>
              <Col xs={22} sm={7}>
                <Form.Item name={[f.name, 'dueDate']} label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={2} sm={2} className="campaign-row-remove">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`删除截止事项 ${i + 1}`} disabled={fields.length <= 1} />
              </Col>
              <Form.Item noStyle dependencies={[['deadlines', f.name, 'kind']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['deadlines', f.name, 'kind']) === 'report' && (
                    <Col xs={24} sm={{ span: 19, offset: 5 }} className="campaign-row-reports">
                      <Space size={[16, 0]} wrap align="start">
                        <Form.Item name={[f.name, 'reportsPerRegion']} label="县区应交篇数" rules={[{ required: true, message: '请填写篇数' }]} initialValue={DEFAULT_REPORTS_OWED.region}>
                          <InputNumber min={1} max={5} precision={0} suffix="篇" style={{ width: 100 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'reportsPerUnit']} label="单位应交篇数" rules={[{ required: true, message: '请填写篇数' }]} initialValue={DEFAULT_REPORTS_OWED.unit}>
                          <InputNumber min={1} max={5} precision={0} suffix="篇" style={{ width: 100 }} />
                        </Form.Item>
                      </Space>
                    </Col>
                  )
                }
              </Form.Item>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newDeadline())} id="campaign-deadline-add" disabled={fields.length >= 10}>
            添加截止事项
          </Button>
        </div>
      )}
    </Form.List>
  );
}
