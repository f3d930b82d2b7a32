// /bulletins/:id — one 通报, laid out as the official document (BulletinSheet) with its 附件, and
// 下载PDF / 下载Word. The city union edits a draft (BulletinEditor) and publishes it; the city's
// people see who has read a published one (BulletinReadsCard). Opening a published bulletin as anyone
// but the city union records the reading (the server does, on GET).
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Popconfirm, Result, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, FilePdfOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { BULLETIN_STATUS_LABELS } from '@bangfu/core';
import { downloadBulletin, publishBulletin, type Bulletin } from '../../api/bulletins';
import { usePutBulletin, useBulletin } from '../../api/queries/bulletins';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { notifyBulletinsChanged } from '../../lib/events';
import { useAccess } from '../../lib/session';
import { useDownload } from '../../lib/useDownload';
import { BULLETIN_STATUS_COLORS, chinaTimeText } from './bulletinText';
import { BulletinEditor } from './components/BulletinEditor';
import { BulletinReadsCard } from './components/BulletinReadsCard';
import { BulletinAttachment, BulletinSheet } from './components/BulletinSheet';
import './bulletins.css';

function DownloadButtons({ b }: { b: Bulletin }) {
  const pdf = useDownload();
  const docx = useDownload();
  return (
    <>
      <Button icon={<FilePdfOutlined />} id="bulletin-pdf" loading={pdf.busy} onClick={() => void pdf.download('正在生成PDF…', () => downloadBulletin(b, 'pdf'), (n) => `${n} 已下载`)}>
        下载PDF
      </Button>
      <Button icon={<FileWordOutlined />} id="bulletin-docx" loading={docx.busy} onClick={() => void docx.download('正在生成Word…', () => downloadBulletin(b, 'docx'), (n) => `${n} 已下载`)}>
        下载Word
      </Button>
    </>
  );
}

export default function BulletinPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const access = useAccess();
  const q = useBulletin(id);
  const put = usePutBulletin();
  const [editing, setEditing] = useState(false);
  const b = q.data;
  // the server recorded this reading: the menu's 未读 count goes down
  const justRead = b && b.status === 'published' && !access.canIssueBulletins ? b.id : null;
  useEffect(() => {
    if (justRead !== null) notifyBulletinsChanged();
  }, [justRead]);

  async function publish() {
    if (!b) return;
    try {
      const p = await publishBulletin(b.id);
      put(p);
      setEditing(false);
      message.success(`已发布${p.number ? `，发文字号${p.number}` : ''}；各单位均可阅读`);
    } catch (e) {
      message.error(errorMessage(e));
      if (isApiError(e, 'BULLETIN_PUBLISHED')) void q.refetch();
    }
  }

  if (q.error && !b)
    return (
      <Result
        status={isApiError(q.error, 'NOT_FOUND') ? '404' : isApiError(q.error, 'FORBIDDEN') ? '403' : 'error'}
        title={isApiError(q.error, 'NOT_FOUND') ? '通报不存在或尚未发布' : '通报加载失败'}
        subTitle={errorMessage(q.error)}
        extra={<Button onClick={() => navigate('/bulletins')}>返回通报</Button>}
      />
    );
  if (!b)
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 14 }} />
      </div>
    );

  const draft = b.status === 'draft';
  const edits = draft && access.canIssueBulletins;

  return (
    <div className="page bulletin-page" id="bulletin-page" data-status={b.status} data-bulletin-id={b.id}>
      <PageHeader
        title={b.number ?? '通报'}
        tags={
          <Tag color={BULLETIN_STATUS_COLORS[b.status]} id="bulletin-status" data-status={b.status}>
            {BULLETIN_STATUS_LABELS[b.status]}
          </Tag>
        }
        subTitle={`${b.campaignName} · 统计截至 ${b.asOf}${b.publishedAt ? ` · 发布于 ${chinaTimeText(b.publishedAt)}` : ''}`}
        onBack={() => navigate('/bulletins')}
        extra={
          <Space wrap className="bulletin-actions">
            <DownloadButtons b={b} />
            {edits && !editing && (
              <>
                <Button icon={<EditOutlined />} id="bulletin-edit" onClick={() => setEditing(true)}>
                  编辑
                </Button>
                <Popconfirm
                  title="发布通报"
                  description="发布后不能再修改，所有单位都能看到。"
                  okText="发布"
                  cancelText="取消"
                  okButtonProps={{ id: 'bulletin-publish-ok' }}
                  onConfirm={publish}
                >
                  <Button type="primary" icon={<SendOutlined />} id="bulletin-publish">
                    发布
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        }
      />
      {draft && (
        <Alert
          type="warning"
          showIcon
          className="bulletin-section no-print"
          data-testid="bulletin-draft-note"
          message={`草稿：仅市总工会可见。由${b.createdBy}起草，最后修改于 ${chinaTimeText(b.updatedAt)}。发布后各单位均可阅读，不能再修改。`}
        />
      )}
      {editing && edits ? (
        <BulletinEditor
          bulletin={b}
          onSaved={(s) => {
            put(s);
            setEditing(false);
            message.success('通报已保存');
          }}
          onCancel={() => setEditing(false)}
          onPublish={publish}
          onReload={() => {
            setEditing(false);
            void q.refetch();
          }}
        />
      ) : (
        <Card variant="borderless" className="bulletin-section bulletin-desk">
          <BulletinSheet b={b} />
        </Card>
      )}
      <Card variant="borderless" className="bulletin-section bulletin-desk">
        <BulletinAttachment b={b} />
      </Card>
      {b.status === 'published' && b.reads && <BulletinReadsCard rows={b.rows} reads={b.reads} />}
    </div>
  );
}
