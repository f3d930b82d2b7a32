// The bulletin on screen as the documents lay it out (GB/T 9704, as the server's PDF and Word): a
// white A4-like sheet with the red 版头, the 发文字号 and the red rule, the title, 主送机关, the body
// with its 一、 headings in bold, 落款 and 成文日期 on the right; then the 附件 sheet: the ranking table
// and whom the bulletin praises and urges on.
import { Table, Tag, Typography } from 'antd';
import { isBulletinHeading } from '@bangfu/core';
import type { Bulletin, BulletinRow } from '../../../api/bulletins';
import {
  attachmentTitle, BULLETIN_ISSUER_TEXT, issueDateText, numberText, pctText, reportsText, SUBMISSION_COLORS, SUBMISSION_TEXT,
} from '../bulletinText';

type Text = Pick<Bulletin, 'number' | 'title' | 'recipients' | 'paragraphs' | 'publishedAt' | 'updatedAt' | 'status'>;

/** The first page: 版头, title, 主送机关, body, 落款. */
export function BulletinSheet({ b }: { b: Text }) {
  return (
    <div className="bulletin-paper" id="bulletin-sheet" data-status={b.status}>
      <div className="bulletin-issuer" data-testid="bulletin-issuer">
        {BULLETIN_ISSUER_TEXT}
      </div>
      <div className={b.number ? 'bulletin-number' : 'bulletin-number bulletin-number-pending'} id="bulletin-number">
        {numberText(b)}
      </div>
      <div className="bulletin-rule" aria-hidden />
      <h2 className="bulletin-doc-title" id="bulletin-doc-title">
        {b.title}
      </h2>
      <p className="bulletin-recipients" id="bulletin-recipients">
        {b.recipients}
      </p>
      <div id="bulletin-body">
        {b.paragraphs.map((p, i) => (
          <p key={i} className={isBulletinHeading(p) ? 'bulletin-para bulletin-heading' : 'bulletin-para'} data-testid="bulletin-paragraph">
            {p}
          </p>
        ))}
      </div>
      <div className="bulletin-signature" id="bulletin-signature">
        <div>{BULLETIN_ISSUER_TEXT}</div>
        <div>{issueDateText(b)}</div>
      </div>
    </div>
  );
}

const columns = [
  { title: '排名', dataIndex: 'rank', key: 'rank', align: 'center' as const, render: (v: number | null) => v ?? '—' },
  { title: '单位', dataIndex: 'orgName', key: 'org', render: (v: string) => <span className="cell-wrap bulletin-org">{v}</span> },
  { title: '档案数', dataIndex: 'total', key: 'total', align: 'right' as const },
  { title: '已建档', dataIndex: 'filed', key: 'filed', align: 'right' as const },
  { title: '建档率', dataIndex: 'filedRate', key: 'filedRate', align: 'right' as const, render: pctText },
  { title: '覆盖率', dataIndex: 'coverage', key: 'coverage', align: 'right' as const, render: pctText },
  {
    title: '数据上报',
    dataIndex: 'submission',
    key: 'submission',
    align: 'center' as const,
    render: (v: BulletinRow['submission']) =>
      SUBMISSION_COLORS[v] ? (
        <Tag color={SUBMISSION_COLORS[v]} style={{ marginInlineEnd: 0 }}>
          {SUBMISSION_TEXT[v]}
        </Tag>
      ) : (
        SUBMISSION_TEXT[v]
      ),
  },
  { title: '调研报告', key: 'reports', align: 'center' as const, render: (_: unknown, r: BulletinRow) => <span title="已报送/应报送（篇）">{reportsText(r)}</span> },
  { title: '帮扶覆盖', dataIndex: 'assistedShare', key: 'assisted', align: 'right' as const, render: pctText },
];

/** The 附件 sheet: the organizations in the order of their rank, then 表扬 and 督促. */
export function BulletinAttachment({ b }: { b: Pick<Bulletin, 'asOf' | 'rows' | 'praised' | 'late'> }) {
  return (
    <div className="bulletin-paper bulletin-paper-attachment" id="bulletin-attachment">
      <div className="bulletin-attachment-label">附件</div>
      <div className="bulletin-attachment-title">{attachmentTitle(b.asOf)}</div>
      <Table<BulletinRow>
        id="bulletin-rows"
        className="bulletin-rows"
        size="small"
        bordered
        rowKey="orgCode"
        dataSource={b.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有统计的单位' }}
        columns={columns}
        onRow={(r) => ({ 'data-org': r.orgCode, 'data-rank': r.rank ?? '' }) as React.HTMLAttributes<HTMLElement>}
      />
      <Typography.Paragraph type="secondary" className="bulletin-note">
        建档率 = 已建档 ÷ 档案数；覆盖率 = 档案数 ÷ 原困难职工数据库户数；调研报告为已报送/应报送篇数；帮扶覆盖 = 统计截至日所在年度有帮扶记录的已建档户 ÷ 全部已建档户（仅县（市、区））。
      </Typography.Paragraph>
      <div className="bulletin-lists">
        <div id="bulletin-praised">
          <div className="bulletin-list-head">表扬</div>
          {b.praised.length ? (
            <ul>
              {b.praised.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">本期没有予以表扬的单位</Typography.Text>
          )}
        </div>
        <div id="bulletin-late">
          <div className="bulletin-list-head">督促</div>
          {b.late.length ? (
            <ul>
              {b.late.map((l) => (
                <li key={l.orgName}>
                  {l.orgName}：<Typography.Text type="danger">{l.reason}</Typography.Text>
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">各单位均按时上报，没有逾期情况</Typography.Text>
          )}
        </div>
      </div>
    </div>
  );
}
