// 阅读情况 of a published bulletin, for the city's people: the organizations whose people opened it
// (how many, and when the first did, in China's time), and the organizations of its table none of
// whose people has yet.
import { Card, Space, Table, Tag, Typography } from 'antd';
import type { BulletinRead, BulletinRow } from '../../../api/bulletins';
import { chinaTimeText, readSummary } from '../bulletinText';

export function BulletinReadsCard({ rows, reads }: { rows: BulletinRow[]; reads: BulletinRead[] }) {
  const s = readSummary(rows, reads);
  return (
    <Card
      variant="borderless"
      className="table-card bulletin-section no-print"
      id="bulletin-reads"
      title={
        <span>
          阅读情况
          <Typography.Text type="secondary" className="table-total" data-testid="bulletin-read-tally">
            应阅单位 {rows.length} 个，已阅 {s.readOfRows} 个，未阅 {s.unread.length} 个
          </Typography.Text>
        </span>
      }
    >
      <Table<BulletinRead>
        id="bulletin-read-table"
        size="small"
        rowKey="orgCode"
        dataSource={s.read}
        pagination={s.read.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚无单位阅读' }}
        columns={[
          { title: '单位', dataIndex: 'orgName', key: 'org', render: (v: string) => <span className="cell-wrap bulletin-org">{v}</span> },
          { title: '阅读人数', dataIndex: 'readers', key: 'readers', align: 'right', render: (v: number) => `${v} 人` },
          { title: '首次阅读时间', dataIndex: 'firstReadAt', key: 'at', className: 'nowrap-cell', render: (v: string) => chinaTimeText(v) },
        ]}
        onRow={(r) => ({ 'data-org': r.orgCode, 'data-readers': r.readers }) as React.HTMLAttributes<HTMLElement>}
      />
      <div className="bulletin-unread-orgs" data-testid="bulletin-unread-orgs">
        <Typography.Text strong>未阅单位：</Typography.Text>
        {s.unread.length ? (
          <Space size={[4, 4]} wrap>
            {s.unread.map((o) => (
              <Tag key={o.orgCode} data-org={o.orgCode} style={{ marginInlineEnd: 0 }}>
                {o.orgName}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="success">无，均已阅读</Typography.Text>
        )}
      </div>
    </Card>
  );
}
