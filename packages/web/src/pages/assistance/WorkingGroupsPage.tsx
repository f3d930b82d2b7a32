// /working-groups — 工作组: seven groups, each led by a 市总领导 with 机关干部 as members and linked
// to one county union, with the county's progress this year; a group's name opens its page. The
// city union edits names, leaders and members; a leader or member finds their own group marked.
import { Link } from 'react-router';
import { Alert, Button, Space } from 'antd';
import { EditOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import type { WorkingGroup } from '../../api/assistance';
import { useLinkQuota, useWorkingGroups } from '../../api/queries/assistance';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import TableCard from '../../components/TableCard';
import { useAccess, useSessionUser } from '../../lib/session';
import { myGroupOf } from '../../lib/workingGroups';
import { groupColumns } from './groupColumns';
import { useGroupsEditor } from './hooks/useGroupsEditor';
import './assistance.css';

export default function WorkingGroupsPage() {
  const access = useAccess();
  const user = useSessionUser();
  const q = useWorkingGroups();
  const items = q.data?.items ?? [];
  const editor = useGroupsEditor(items);
  const { editing, busy } = editor;
  // the city's leaders and staff, for the pickers: read once the editor opens
  const people = useLinkQuota(editing);
  const mine = myGroupOf(items, user.username);
  const columns = groupColumns(items, { editor, people: people.data?.items ?? [], peopleLoading: people.isFetching, myGroup: mine?.group.regionCode ?? null });

  return (
    <div className="page">
      <PageHeader
        title="工作组"
        subTitle={q.data ? `${q.data.year} 年 · 市总领导带队、机关干部参加，分别联系七个县（市、区）工会` : undefined}
        extra={
          access.canEditGroups &&
          (editing ? (
            <Space>
              <Button onClick={editor.cancel} disabled={busy}>
                取消
              </Button>
              <Button id="groups-save" type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void editor.save()}>
                保存
              </Button>
            </Space>
          ) : (
            <Button id="groups-edit" icon={<EditOutlined />} onClick={editor.start} disabled={!q.data}>
              编辑
            </Button>
          ))
        }
      />
      {q.error != null && !q.data && <Alert type="error" showIcon message="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      {mine && !editing && (
        <Alert
          type="info"
          showIcon
          id="my-group"
          style={{ marginBottom: 12 }}
          message={`我的工作组：${mine.group.name}（${mine.as === 'leader' ? '带队领导' : '组员'}，联系${mine.group.regionName}）`}
          action={
            <Link to={`/working-groups/${mine.group.regionCode}`}>
              <Button size="small" type="primary" ghost>
                查看 <RightOutlined />
              </Button>
            </Link>
          }
        />
      )}
      {editing && people.error != null && <Alert type="error" showIcon message="市总领导和机关干部名单加载失败" description={errorMessage(people.error)} style={{ marginBottom: 12 }} />}
      {editor.formError && <Alert type="error" showIcon message={editor.formError} style={{ marginBottom: 12 }} />}
      <TableCard<WorkingGroup>
        id="groups-table"
        rowKey="regionCode"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={q.isFetching}
        scroll={{ x: 'max-content' }}
        rowClassName={(g) => (g.regionCode === mine?.group.regionCode ? 'group-row-mine' : '')}
        onRow={(g) => ({ 'data-region': g.regionCode }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
