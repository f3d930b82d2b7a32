// 转移 on the file's page: the region the family moved to, optionally a grassroots union there
// (none: the county union keeps the file itself), and why. A user who may file on both sides (the
// city union, a county union between its own units) moves the file at once; otherwise the
// receiving side agrees. The server decides and its message is shown.
import { useEffect, useMemo } from 'react';
import { Alert, App, Form, Grid, Input, Select, Typography } from 'antd';
import type { HouseholdFile } from '../../../api/households';
import { requestTransfer } from '../../../api/transfers';
import { useTransferChanged } from '../../../api/queries/transfers';
import FieldFormModal from '../../../components/FieldFormModal';
import { canFileAt } from '../../../lib/access';
import { useSessionUser } from '../../../lib/session';
import { useOrgList } from '../../../lib/useOrgs';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { chosenPlaceText, requestedText } from '../transferText';
import '../../assistance/assistance.css';
import '../transfers.css';

const FIELDS = ['toRegionCode', 'toUnitId', 'reason'];
export const TRANSFER_REASON_MIN = 2;
export const TRANSFER_REASON_MAX = 200;

interface Values {
  toRegionCode?: string;
  toUnitId?: string;
  reason: string;
}

interface Props {
  file: Pick<HouseholdFile, 'id' | 'workerNo' | 'name' | 'regionCode' | 'unitId'>;
  open: boolean;
  onClose: () => void;
}

/** The reason's rules, shared with 申请转入. */
export const reasonRules = [
  { required: true, whitespace: true, message: '请填写转移原因' },
  { min: TRANSFER_REASON_MIN, message: `转移原因至少${TRANSFER_REASON_MIN}个字` },
  { max: TRANSFER_REASON_MAX, message: `转移原因不能超过${TRANSFER_REASON_MAX}个字` },
];

export function TransferRequestModal({ file, open, onClose }: Props) {
  const user = useSessionUser();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  const { orgs } = useOrgList();
  const changed = useTransferChanged();
  const { busy, error: unplaced, setError, submit } = useFormSubmit(form, { fields: FIELDS });
  const region = Form.useWatch('toRegionCode', form);
  const unit = Form.useWatch('toUnitId', form);

  useEffect(() => {
    if (open) setError(null);
  }, [open, setError]);

  const names = useMemo(() => new Map((orgs ?? []).map((o) => [o.code, o.name])), [orgs]);
  const nameOf = (code: string | null | undefined) => (code ? names.get(code) ?? code : '');
  const regions = useMemo(() => (orgs ?? []).filter((o) => o.kind === 'region' && o.active).map((o) => ({ value: o.code, label: o.name })), [orgs]);
  const units = useMemo(
    () => (region && orgs ? orgs.filter((o) => o.kind === 'unit' && o.active && o.parentCode === region).map((o) => ({ value: o.code, label: o.name })) : []),
    [orgs, region],
  );
  const here = chosenPlaceText(nameOf(file.regionCode), file.unitId ? nameOf(file.unitId) : null);
  const destination = region ? chosenPlaceText(nameOf(region), unit ? nameOf(unit) : null) : '';
  const atOnce = !!region && canFileAt(user, region, unit ?? null);
  const same = !!region && region === file.regionCode && (unit ?? null) === (file.unitId ?? null);

  async function save() {
    await submit(async (v) => {
      const to = chosenPlaceText(nameOf(v.toRegionCode), v.toUnitId ? nameOf(v.toUnitId) : null);
      const r = await requestTransfer(file.id, { toRegionCode: v.toRegionCode!, toUnitId: v.toUnitId ?? null, reason: v.reason.trim() });
      changed(file.id);
      onClose();
      message.success(requestedText(r, file.workerNo, to));
    });
  }

  const size = phone ? 'large' : 'middle';
  return (
    <FieldFormModal
      title={`档案转移 · ${file.workerNo} ${file.name}`}
      open={open}
      busy={busy}
      phone={phone}
      className="transfer-modal"
      okId="transfer-ok"
      okText={atOnce ? '确认转移' : '提交转移申请'}
      onOk={() => void save()}
      onClose={onClose}
    >
      <p className="transfer-lead" data-testid="transfer-here">
        档案现在 <Typography.Text strong>{here}</Typography.Text>。家庭迁往其他县（市、区）或基层工会时办理转移，档案、历史和帮扶记录随档案一起转移；转到其他地区后由该地区重新编号，原编号仍可查到该档案。
      </p>
      <Form<Values>
        form={form}
        name="transfer"
        layout="vertical"
        preserve={false}
        size={size}
        requiredMark
        onValuesChange={(c) => {
          // a unit belongs to one region: a new region clears it
          if ('toRegionCode' in c) form.setFieldsValue({ toUnitId: undefined });
        }}
      >
        {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 12 }} />}
        <Form.Item name="toRegionCode" label="转入地区" rules={[{ required: true, message: '请选择转入地区' }]}>
          <Select showSearch optionFilterProp="label" placeholder="请选择县（市、区）" options={regions} loading={!orgs} />
        </Form.Item>
        <Form.Item
          name="toUnitId"
          label="转入基层工会"
          extra={region ? (units.length ? '不选：由县（市、区）工会直接管理该档案' : '该地区暂无基层工会，由县（市、区）工会直接管理该档案') : '请先选择转入地区'}
        >
          <Select allowClear showSearch optionFilterProp="label" placeholder="县（市、区）工会直接管理" options={units} disabled={!region || units.length === 0} />
        </Form.Item>
        <Form.Item name="reason" label="转移原因" rules={reasonRules}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={TRANSFER_REASON_MAX} showCount placeholder="例如：职工随配偶迁居掇刀区，已在当地就业" />
        </Form.Item>
      </Form>
      {region && (
        <Alert
          type={same ? 'warning' : 'info'}
          showIcon
          data-testid="transfer-who-decides"
          message={same ? '转入地区和单位与档案当前所在相同' : atOnce ? `您可直接办理：确认后档案立即转至${destination}` : `提交后由转入方（${destination}）的工会同意后转移`}
        />
      )}
    </FieldFormModal>
  );
}
