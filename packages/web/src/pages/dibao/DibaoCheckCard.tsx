// 民政名单核实 beside a file's 识别结果: what the region's current civil-affairs 低保 list says of the
// family (a tag: green when it agrees that the family receives 低保, orange when the two disagree),
// the list's month, the family's people on it, and the findings still open with a link to 核对结果.
// Only for the roles that see the lists; a file the check does not cover (403/404) shows nothing.
import { Link } from 'react-router';
import { Button, Card, Tag, Typography } from 'antd';
import { DIBAO_FINDING_SHORT, DIBAO_FINDING_STATUS_LABELS } from '@bangfu/core';
import { useHouseholdDibaoCheck } from '../../api/queries/dibao';
import { useAccess } from '../../lib/session';
import { dateText } from '../../lib/format';
import { dibaoFindingsHref } from './dibaoQuery';
import { CHECK_COLORS, KIND_COLORS, listedPersonText } from './dibaoText';
import './dibao.css';

export function DibaoCheckCard({ householdId }: { householdId: string | number }) {
  const access = useAccess();
  const check = useHouseholdDibaoCheck(householdId, access.canViewDibao);
  const c = check.data;
  if (!access.canViewDibao || c === null) return null;
  if (check.error && !c)
    return (
      <Card className="dibao-check no-print" size="small" variant="borderless" data-testid="dibao-check" data-state="error">
        <Typography.Text type="secondary">民政名单核实加载失败 </Typography.Text>
        <Button type="link" size="small" onClick={() => void check.refetch()}>
          重试
        </Button>
      </Card>
    );
  if (!c) return null;
  const open = c.findings.filter((f) => f.status === 'open');
  const color = CHECK_COLORS[c.state];
  return (
    <Card className="dibao-check no-print" size="small" variant="borderless" title="民政低保名单" data-testid="dibao-check" data-state={c.state}>
      <Tag color={color || undefined} bordered={c.state !== 'noList'} className="dibao-check-tag" data-testid="dibao-check-label">
        {c.label}
      </Tag>
      {c.list && (
        <div className="dibao-check-line" data-testid="dibao-check-list">
          名单月份 <span className="num">{c.list.month}</span>（{c.list.regionName}，{dateText(c.list.importedAt)} 导入）
        </div>
      )}
      {c.listed.length > 0 && (
        <div className="dibao-check-line" data-testid="dibao-check-listed">
          名单上：{c.listed.map(listedPersonText).join('；')}
        </div>
      )}
      {open.length > 0 && (
        <ul className="plain-list dibao-check-findings">
          {open.map((f) => (
            <li key={f.id} data-testid="dibao-check-finding" data-kind={f.kind}>
              <Tag color={KIND_COLORS[f.kind]}>{DIBAO_FINDING_SHORT[f.kind]}</Tag>
              <Link to={dibaoFindingsHref({ kind: f.kind, listId: f.list.id })} data-testid="dibao-check-finding-link">
                {DIBAO_FINDING_STATUS_LABELS.open}{access.canResolveDibao ? '，前往处理' : '，查看'}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
