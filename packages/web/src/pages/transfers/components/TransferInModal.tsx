// 申请转入: a county or grassroots union finds a family that moved in by its worker number (the
// one it had, or has now) and the worker's identity number — both must match — then asks the side
// holding the file to hand it over, into the user's own region and, optionally, one of its units.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Grid, Input, Select, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { canTransferStatus, HOUSEHOLD_STATUS_LABELS } from '@bangfu/core';
import { lookupTransfer, requestTransfer, type TransferLookupResult } from '../../../api/transfers';
import { useTransferChanged } from '../../../api/queries/transfers';
import { errorMessage } from '../../../api/request';
import FieldFormModal from '../../../components/FieldFormModal';
import { ownRegionOf, ownUnitOf } from '../../../lib/access';
import { useSessionUser } from '../../../lib/session';
import { useOrgList } from '../../../lib/useOrgs';
import { useFormSubmit } from '../../../lib/useFormSubmit';
import { chosenPlaceText, requestedText } from '../transferText';
import { reasonRules, TRANSFER_REASON_MAX } from './TransferRequestModal';
import '../../assistance/assistance.css';
import '../transfers.css';

interface Values {
  workerNo: string;
  idNumber: string;
  toUnitId?: string;
  reason: string;
}

const FIELDS = ['workerNo', 'idNumber', 'toUnitId', 'reason'];

interface Props {
  open: boolean;
  onClose: () => void;
  /** after a request: the page shows 我方申请 */
  onDone?: () => void;
}

export function TransferInModal({ open, onClose, onDone }: Props) {
  const user = useSessionUser();
  const ownRegion = ownRegionOf(user) ?? '';
  const ownUnit = ownUnitOf(user);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().sm;
  const { orgs } = useOrgList();
  const changed = useTransferChanged();
  const { busy, error: unplaced, setError, submit } = useFormSubmit(form, { fields: FIELDS });
  const [found, setFound] = useState<TransferLookupResult | null>(null);
  const [looking, setLooking] = useState(false);

  useEffect(() => {
    if (open) {
      setFound(null);
      setError(null);
    }
  }, [open, setError]);

  const names = useMemo(() => new Map((orgs ?? []).map((o) => [o.code, o.name])), [orgs]);
  const nameOf = (code: string | null | undefined) => (code ? names.get(code) ?? code : '');
  const units = ownUnit
    ? [{ value: ownUnit, label: nameOf(ownUnit) || user.orgName }]
    : (orgs ?? []).filter((o) => o.kind === 'unit' && o.active && o.parentCode === ownRegion).map((o) => ({ value: o.code, label: o.name }));

  async function lookup() {
    let v: Pick<Values, 'workerNo' | 'idNumber'>;
    try {
      v = await form.validateFields(['workerNo', 'idNumber']);
    } catch {
      return;
    }
    setLooking(true);
    setError(null);
    try {
      setFound(await lookupTransfer({ workerNo: v.workerNo.trim().toUpperCase(), idNumber: v.idNumber.trim().toUpperCase() }));
    } catch (e) {
      setFound(null);
      setError(errorMessage(e));
    } finally {
      setLooking(false);
    }
  }

  async function save() {
    if (!found) return void lookup();
    await submit(async (v) => {
      const toUnitId = ownUnit ?? v.toUnitId ?? null;
      const r = await requestTransfer(found.householdId, { toRegionCode: ownRegion, toUnitId, reason: v.reason.trim(), idNumber: v.idNumber.trim().toUpperCase() });
      changed(found.householdId);
      onClose();
      message.success(requestedText(r, found.workerNo, chosenPlaceText(nameOf(ownRegion), toUnitId ? nameOf(toUnitId) : null), 'to'));
      onDone?.();
    });
  }

  const transferable = found ? canTransferStatus(found.status) : true;
  const here = found && found.regionCode === ownRegion && !ownUnit;
  const size = phone ? 'large' : 'middle';
  return (
    <FieldFormModal
      title="申请转入"
      open={open}
      busy={busy || looking}
      phone={phone}
      className="transfer-in-modal"
      okId={found ? 'transfer-in-ok' : 'transfer-in-lookup'}
      okText={found ? '提交转入申请' : '查找档案'}
      onOk={() => void save()}
      onClose={onClose}
    >
      <p className="transfer-lead">
        困难职工家庭迁入本{ownUnit ? '单位' : '地区'}时，凭其原职工编号和职工本人身份证号查找档案，申请由原所在工会转来；对方同意后档案转入，由本地区重新编号。
      </p>
      <Form<Values>
        form={form}
        name="transferIn"
        layout="vertical"
        preserve={false}
        size={size}
        requiredMark
        initialValues={ownUnit ? { toUnitId: ownUnit } : undefined}
        onValuesChange={(c) => {
          // another number or identity: find again
          if (('workerNo' in c || 'idNumber' in c) && found) setFound(null);
        }}
      >
        {unplaced && <Alert type="error" showIcon message={unplaced} style={{ marginBottom: 12 }} data-testid="transfer-in-error" />}
        <div className="transfer-in-keys">
          <Form.Item
            name="workerNo"
            label="原职工编号"
            normalize={(v: string) => v?.toUpperCase()}
            rules={[{ required: true, whitespace: true, message: '请填写职工编号' }, { pattern: /^\s*[A-Za-z]\d{7}\s*$/, message: '职工编号应为1个字母加7位数字，如 H0100001' }]}
          >
            <Input placeholder="如 H0100012" maxLength={10} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label="职工身份证号"
            normalize={(v: string) => v?.toUpperCase()}
            rules={[{ required: true, whitespace: true, message: '请填写职工身份证号' }, { min: 15, max: 18, message: '请填写完整的身份证号' }]}
          >
            <Input placeholder="18位身份证号" maxLength={18} autoComplete="off" />
          </Form.Item>
        </div>
        {found && (
          <Button icon={<SearchOutlined />} onClick={() => void lookup()} loading={looking} style={{ marginBottom: 12 }} id="transfer-in-relookup">
            重新查找
          </Button>
        )}
        {found && (
          <Descriptions size="small" column={1} bordered className="transfer-facts" data-testid="transfer-in-found" style={{ marginBottom: 12 }}>
            <Descriptions.Item label="职工编号">
              <span className="num">{found.workerNo}</span>
            </Descriptions.Item>
            <Descriptions.Item label="姓名">{found.name}</Descriptions.Item>
            <Descriptions.Item label="现所在">{chosenPlaceText(found.regionName, found.unitName)}</Descriptions.Item>
            <Descriptions.Item label="档案状态">{HOUSEHOLD_STATUS_LABELS[found.status] ?? found.status}</Descriptions.Item>
          </Descriptions>
        )}
        {found && !transferable && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`该档案${HOUSEHOLD_STATUS_LABELS[found.status] ?? ''}，暂不能转移`} description="正在审核中的档案须等审核完成；已剔除的档案须先重新纳入。" />
        )}
        {found && here && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="该档案已在本地区" description="本地区内调整基层工会，请在档案页点「转移」办理。" />
        )}
        {found && (
          <>
            <Form.Item name="toUnitId" label="转入基层工会" extra={ownUnit ? undefined : '不选：由本县（市、区）工会直接管理该档案'}>
              <Select
                allowClear={!ownUnit}
                disabled={!!ownUnit || units.length === 0}
                showSearch
                optionFilterProp="label"
                placeholder={`${nameOf(ownRegion) || '本地区'}工会直接管理`}
                options={units}
              />
            </Form.Item>
            <Form.Item name="reason" label="转移原因" rules={reasonRules}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={TRANSFER_REASON_MAX} showCount placeholder="例如：该职工已随家庭迁居本地区，在当地企业就业" />
            </Form.Item>
          </>
        )}
        {!found && (
          <Typography.Text type="secondary">
            查找只显示姓氏和所在地区，用于核对是否为同一家庭。
          </Typography.Text>
        )}
      </Form>
    </FieldFormModal>
  );
}
