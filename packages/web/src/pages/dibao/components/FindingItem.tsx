// One finding: what the list and the file disagree on (the kind as a tag, the server's detail), the
// file (职工编号 to open it, 姓名, 地区·单位, its status, what it declares), the people of the family
// on the list, the list's month; then 修改档案 and 核实处理 for a finding the user resolves, or who
// resolved it and why. On a desk the three parts sit side by side, on a phone one under the other.
import { Link } from 'react-router';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { AuditOutlined, EditOutlined } from '@ant-design/icons';
import { DIBAO_FINDING_LABELS, DIBAO_FINDING_SHORT } from '@bangfu/core';
import type { DibaoFinding } from '../../../api/dibao';
import { WorkerNoLink } from '../../../components/HouseholdColumns';
import { StatusTag } from '../../../components/Tags';
import { canEditListed, type Role } from '../../../lib/access';
import { yesNo } from '../../../lib/format';
import { KIND_COLORS, listedPersonText, listText, placeText, resolvedText } from '../dibaoText';

interface Props {
  f: DibaoFinding;
  role: Role;
  /** the page to come back to from the file */
  from: string;
  phone: boolean;
  onResolve: (f: DibaoFinding) => void;
}

export function FindingItem({ f, role, from, phone, onResolve }: Props) {
  const h = f.household;
  const open = f.status === 'open';
  // a file under review is locked: its edit page would refuse
  const editable = canEditListed(role, h.status);
  const size = phone ? 'large' : 'middle';
  return (
    <li className="dibao-finding" data-testid="dibao-finding-row" data-id={f.id} data-kind={f.kind} data-status={f.status} data-household-id={h.id}>
      <div className="dibao-finding-head">
        <Tooltip title={DIBAO_FINDING_LABELS[f.kind]}>
          <Tag color={KIND_COLORS[f.kind]} className="dibao-kind" data-testid="dibao-finding-kind">
            {DIBAO_FINDING_SHORT[f.kind]}
          </Tag>
        </Tooltip>
        <span className="dibao-detail" data-testid="dibao-finding-detail">
          {f.detail}
        </span>
        <Typography.Text type="secondary" className="dibao-list-month">
          名单 <span className="num">{listText(f.list)}</span>
        </Typography.Text>
      </div>
      <div className="dibao-finding-body">
        <div className="dibao-file">
          <div className="dibao-file-title">
            <WorkerNoLink id={h.id} workerNo={h.workerNo} from={from} />
            <span className="dibao-file-name">{h.name}</span>
            <StatusTag value={h.status} />
          </div>
          <div className="dibao-file-facts">
            <span>{placeText(h)}</span>
            <span>
              档案填：享受低保 <b data-testid="dibao-finding-declared">{yesNo(h.receivesDibao)}</b>
            </span>
          </div>
        </div>
        {/* nobody listed (申报低保未在册): the detail says so */}
        <div className="dibao-listed">
          {f.listed.length > 0 && (
            <>
              <div className="dibao-listed-title">名单上的家庭成员</div>
              <ul className="plain-list" data-testid="dibao-finding-listed">
                {f.listed.map((p, i) => (
                  <li key={i}>{listedPersonText(p)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="dibao-finding-foot">
          {open && f.canResolve ? (
            <Space size={8} wrap data-testid="dibao-finding-buttons">
              {editable ? (
                <Link to={`/households/${h.id}/edit`} state={{ from }} data-testid="dibao-edit-link">
                  <Button size={size} icon={<EditOutlined />} tabIndex={-1}>
                    修改档案
                  </Button>
                </Link>
              ) : (
                <Tooltip title="档案正在审核中，审核完成后才能修改">
                  <Button size={size} icon={<EditOutlined />} disabled data-testid="dibao-edit-link">
                    修改档案
                  </Button>
                </Tooltip>
              )}
              <Button size={size} type="primary" icon={<AuditOutlined />} data-testid="dibao-resolve-button" onClick={() => onResolve(f)}>
                核实处理
              </Button>
            </Space>
          ) : open ? (
            <Typography.Text type="secondary" data-testid="dibao-finding-status">
              待档案所属工会核实
            </Typography.Text>
          ) : (
            <div className="dibao-resolved">
              <span data-testid="dibao-finding-status">{resolvedText(f)}</span>
              {f.reason && <span className="dibao-reason">{f.reason}</span>}
            </div>
          )}
        </div>
      </div>
    </li>
  );
}
