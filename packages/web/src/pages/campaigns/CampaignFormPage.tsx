// /campaigns/new and /campaigns/:id/edit — 新建 / 修改专项行动 (the city union): name, year, dates,
// the phases, the deadlines and the organizations that must submit. Checked with core's schema
// first; the server's field errors land beside their fields.
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Result, Row, Skeleton, Space } from 'antd';
import { todayInChina, type FieldError } from '@bangfu/core';
import { createCampaign, updateCampaign } from '../../api/campaigns';
import { useCampaign, useInvalidateCampaign } from '../../api/queries/campaigns';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { toFormFieldErrors } from '../../lib/fieldErrors';
import { useOrgList } from '../../lib/useOrgs';
import { checkCampaign, defaultRequiredOrgs, emptyValues, isCampaignField, toCampaignInput, valuesFromCampaign, type CampaignFormValues } from './campaignForm';
import { DeadlinesField } from './components/DeadlinesField';
import { PhasesField } from './components/PhasesField';
import { RequiredOrgsSelect } from './components/RequiredOrgsSelect';
import './campaigns.css';

export default function CampaignFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignFormValues>();
  const existing = useCampaign(id ?? '', editing);
  const { orgs, error: orgError } = useOrgList();
  const invalidate = useInvalidateCampaign();
  const [saving, setSaving] = useState(false);
  const [unplaced, setUnplaced] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const campaign = editing ? existing.data : undefined;

  // the form starts once what it shows has arrived (the campaign, or the organizations' default)
  useEffect(() => {
    if (ready) return;
    if (editing && campaign) form.setFieldsValue(valuesFromCampaign(campaign));
    else if (!editing && orgs) form.setFieldsValue(emptyValues(Number(todayInChina().slice(0, 4)), defaultRequiredOrgs(orgs)));
    else return;
    setReady(true);
  }, [editing, campaign, orgs, form, ready]);

  function showErrors(errors: FieldError[]) {
    const values = form.getFieldsValue(true) as CampaignFormValues;
    const mapped = toFormFieldErrors(errors, (n) => isCampaignField(n, values));
    form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
    setUnplaced(mapped.unplaced.length ? mapped.unplaced.map((e) => e.message).join('；') : '请按提示修改后再保存');
  }

  async function onSave() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const input = toCampaignInput(form.getFieldsValue(true) as CampaignFormValues);
    const problems = checkCampaign(input);
    if (problems.length) return showErrors(problems);
    setSaving(true);
    setUnplaced(null);
    try {
      const saved = editing && campaign ? await updateCampaign(campaign.id, input, campaign.version) : await createCampaign(input);
      invalidate(saved.id);
      message.success(editing ? '专项行动已保存' : `已新建专项行动“${saved.name}”`);
      navigate(`/campaigns/${saved.id}`, { replace: !editing });
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) showErrors(e.fieldErrors);
      else if (isApiError(e, 'VERSION_CONFLICT')) setUnplaced('该专项行动已被他人修改，请刷新页面后重新修改');
      else setUnplaced(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const back = () => navigate(editing ? `/campaigns/${id}` : '/campaigns');
  const loadError = editing ? existing.error : orgError;
  if (loadError && !ready)
    return <Result status={isApiError(loadError, 'NOT_FOUND') ? '404' : 'error'} title="专项行动加载失败" subTitle={errorMessage(loadError)} extra={<Button onClick={back}>返回</Button>} />;

  return (
    <div className="page campaign-form-page">
      <PageHeader title={editing ? `修改专项行动${campaign ? ` · ${campaign.name}` : ''}` : '新建专项行动'} onBack={back} />
      <Card variant="borderless">
        {!ready ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Form<CampaignFormValues> form={form} name="campaign" layout="vertical" onValuesChange={() => setUnplaced(null)} scrollToFirstError>
            {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 16 }} data-testid="campaign-form-error" />}
            <Row gutter={[16, 0]}>
              <Col xs={24} lg={12}>
                <Form.Item name="name" label="行动名称" rules={[{ required: true, whitespace: true, message: '请填写行动名称' }]}>
                  <Input maxLength={60} placeholder="如：2026年困难职工建档立卡专项行动" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8} lg={4}>
                <Form.Item name="year" label="档案年度（填表年度）" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8} lg={4}>
                <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8} lg={4}>
                <Form.Item name="endDate" label="结束日期" rules={[{ required: true, message: '请选择结束日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Divider orientation="left" orientationMargin={0}>行动阶段</Divider>
            <PhasesField />
            <Divider orientation="left" orientationMargin={0}>截止事项</Divider>
            <DeadlinesField />
            <Divider orientation="left" orientationMargin={0}>上报单位</Divider>
            <Form.Item name="requiredOrgCodes" label="须按期上报的单位" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个上报单位' }]} extra="默认为全部县（市、区）工会和大中型企事业单位工会；各单位按截止事项上报本单位档案数据。">
              <RequiredOrgsSelect orgs={orgs ?? []} />
            </Form.Item>
            <Space className="campaign-form-actions">
              <Button onClick={back}>取消</Button>
              <Button type="primary" onClick={() => void onSave()} loading={saving} id="campaign-save">
                保存
              </Button>
            </Space>
          </Form>
        )}
      </Card>
    </div>
  );
}
