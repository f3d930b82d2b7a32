// 行动阶段 in the campaign form: a list of (name, start, end), added and removed freely.
import { Button, Col, DatePicker, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';

export function PhasesField() {
  return (
    <Form.List name="phases">
      {(fields, { add, remove }) => (
        <div className="campaign-rows" id="campaign-phases">
          {fields.map((f, i) => (
            <Row key={f.key} gutter={[12, 0]} align="top" className="campaign-row" data-row={i}>
              <Col xs={24} sm={8}>
                <Form.Item name={[f.name, 'name']} label={`阶段 ${i + 1}`} rules={[{ required: true, whitespace: true, message: '请填写阶段名称' }]}>
                  <Input maxLength={20} placeholder="如：摸底建档" />
                </Form.Item>
              </Col>
              <Col xs={11} sm={7}>
                <Form.Item name={[f.name, 'startDate']} label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={11} sm={7}>
                <Form.Item name={[f.name, 'endDate']} label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={2} sm={2} className="campaign-row-remove">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`删除阶段 ${i + 1}`} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', startDate: null, endDate: null })} id="campaign-phase-add" disabled={fields.length >= 10}>
            添加阶段
          </Button>
        </div>
      )}
    </Form.List>
  );
}
