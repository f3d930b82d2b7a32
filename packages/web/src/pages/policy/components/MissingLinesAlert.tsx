// 缺少低保标准: the region × year pairs that have files (or are the current year) but no line, so
// that their files are 无法判定. City users add them to the table in one click and type the amounts.
import { Alert, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MissingLine } from '../../../api/policy';

interface Props {
  items: MissingLine[];
  currentYear: number;
  canEdit: boolean;
  /** the pairs already added in the pending changes are not offered again */
  pending: (regionCode: string, year: number) => boolean;
  onAdd: (items: MissingLine[]) => void;
}

export function missingLineText(m: MissingLine, currentYear: number): string {
  const files = m.liveFiles > 0 ? `${m.liveFiles.toLocaleString('zh-CN')} 户档案` : m.year === currentYear ? '本年度' : '';
  return `${m.year}年 ${m.regionName}${files ? `（${files}）` : ''}`;
}

export function MissingLinesAlert({ items, currentYear, canEdit, pending, onAdd }: Props) {
  if (!items.length) return null;
  const open = items.filter((m) => !pending(m.regionCode, m.year));
  const files = items.reduce((n, m) => n + m.liveFiles, 0);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="policy-missing-lines"
      style={{ marginBottom: 12 }}
      message={`${items.length} 个地区年度尚未配置低保标准${files ? `，涉及 ${files.toLocaleString('zh-CN')} 户档案` : ''}：其识别结果为「无法判定」`}
      description={
        <>
          <ul className="plain-list policy-missing-list">
            {/* every pair is named (the list scrolls): a cut list hid the old years with files */}
            {items.map((m) => (
              <li key={`${m.regionCode}_${m.year}`} data-testid={`policy-missing-${m.regionCode}_${m.year}`}>
                {missingLineText(m, currentYear)}
              </li>
            ))}
          </ul>
          {canEdit ? (
            open.length > 0 && (
              <Button size="small" id="policy-add-missing" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => onAdd(open)}>
                补录这 {open.length} 项标准
              </Button>
            )
          ) : (
            <div style={{ marginTop: 4 }}>请联系市总工会补录标准。</div>
          )}
        </>
      }
    />
  );
}
