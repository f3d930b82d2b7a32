// /admin/orgs — 组织机构 (admins): the tree 荆门市总工会 → 县（市、区）工会 → 基层工会; create a
// 基层工会, rename, move a 基层工会 to another region, 停用 / 启用, and import 基层工会 from Excel.
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, Result, Row, Skeleton, Space, Tag, Tooltip, Tree, Typography } from 'antd';
import type { FormInstance, TreeDataNode } from 'antd';
import { PlusOutlined, ReloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { createOrg, updateOrg, type Org } from '../../api/orgs';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { buildOrgTree, branchCodes, type OrgNode } from '../../lib/orgTree';
import { useOrgList } from '../../lib/useOrgs';
import { OrgImportModal } from './components/OrgImportModal';
import { MoveOrgModal, NewOrgModal, RenameOrgModal } from './components/OrgFormModal';
import { OrgDetail } from './components/OrgDetail';
import './admin.css';



type Dialog = 'new' | 'rename' | 'move' | 'import' | null;

export default function OrgsPage() {
  const { orgs, error, reload } = useOrgList();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  /** branches the user closed; everything else is open, new branches included */
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [newForm] = Form.useForm<{ name: string; parentCode: string; largeEnterprise?: boolean }>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [moveForm] = Form.useForm<{ parentCode: string }>();

  const tree = useMemo(() => (orgs ? buildOrgTree(orgs, search) : []), [orgs, search]);
  const all = useMemo(() => (orgs ? buildOrgTree(orgs) : []), [orgs]);
  const byCode = useMemo(() => new Map((orgs ?? []).map((o) => [o.code, o])), [orgs]);
  const unitCounts = useMemo(() => {
    const m = new Map<string, number>();
    const walk = (n: OrgNode) => {
      m.set(n.org.code, n.unitCount);
      n.children.forEach(walk);
    };
    all.forEach(walk);
    return m;
  }, [all]);
  const regionOptions = useMemo(
    () => (orgs ?? []).filter((o) => o.kind === 'region' && o.active).map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` })),
    [orgs],
  );
  const selected = selectedCode ? byCode.get(selectedCode) ?? null : null;

  // Everything open unless closed; a search opens what it found.
  const expandedKeys = search.trim() ? branchCodes(tree) : branchCodes(tree).filter((c) => !collapsed.includes(c));

  const treeData: TreeDataNode[] = useMemo(() => {
    const toNode = (n: OrgNode): TreeDataNode => ({
      key: n.org.code,
      title: (
        <span className={n.org.active ? 'org-node' : 'org-node org-node-inactive'} data-code={n.org.code}>
          <span className="org-node-name">{n.org.name}</span>
          <span className="org-node-code">{n.org.code}</span>
          {n.org.kind !== 'unit' && n.unitCount > 0 && <span className="org-node-count">{n.unitCount} 个基层工会</span>}
          {n.org.kind === 'unit' && n.org.largeEnterprise && <Tag color="blue">大中型</Tag>}
          {!n.org.active && <Tag>已停用</Tag>}
        </span>
      ),
      children: n.children.map(toNode),
    });
    return tree.map(toNode);
  }, [tree]);

  async function act(fn: () => Promise<Org>, done: (o: Org) => string, form?: FormInstance) {
    setBusy(true);
    try {
      const o = await fn();
      message.success(done(o));
      setDialog(null);
      setSelectedCode(o.code);
      // show it: open the branch it is in
      setCollapsed((c) => c.filter((x) => x !== o.parentCode && x !== byCode.get(o.parentCode ?? '')?.parentCode));
      reload();
    } catch (e) {
      const placed = form && isApiError(e) ? e.fieldErrors.filter((f) => f.path === 'name' || f.path === 'parentCode') : [];
      if (form && placed.length) form.setFields(placed.map((f) => ({ name: f.path, errors: [f.message] })));
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function submitNew() {
    let v: { name: string; parentCode: string; largeEnterprise?: boolean };
    try {
      v = await newForm.validateFields();
    } catch {
      return;
    }
    await act(() => createOrg({ name: v.name.trim(), parentCode: v.parentCode, ...(v.largeEnterprise ? { largeEnterprise: true } : {}) }), (o) => `已新建基层工会 ${o.name}（${o.code}）`, newForm);
  }

  async function submitRename() {
    if (!selected) return;
    let v: { name: string };
    try {
      v = await renameForm.validateFields();
    } catch {
      return;
    }
    await act(() => updateOrg(selected.code, { name: v.name.trim() }), (o) => `已更名为 ${o.name}`, renameForm);
  }

  async function submitMove() {
    if (!selected) return;
    let v: { parentCode: string };
    try {
      v = await moveForm.validateFields();
    } catch {
      return;
    }
    await act(() => updateOrg(selected.code, { parentCode: v.parentCode }), (o) => `${o.name} 已调整到 ${byCode.get(o.parentCode ?? '')?.name ?? o.parentCode}`, moveForm);
  }

  const setLargeEnterprise = (o: Org, on: boolean) =>
    act(() => updateOrg(o.code, { largeEnterprise: on }), (x) => `${x.name} 已${x.largeEnterprise ? '标记为' : '取消'}大中型企事业单位`);

  const toggle = (o: Org) => act(() => updateOrg(o.code, { active: !o.active }), (x) => `${x.name} 已${x.active ? '启用' : '停用'}`);

  function openNew(parentCode?: string) {
    newForm.resetFields();
    if (parentCode) newForm.setFieldsValue({ parentCode });
    setDialog('new');
  }

  if (error && !orgs)
    return (
      <Result
        status="error"
        title="组织机构加载失败"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={reload}>
            重试
          </Button>
        }
      />
    );

  const parent = selected?.parentCode ? byCode.get(selected.parentCode) : undefined;

  return (
    <div className="page">
      <PageHeader title="组织机构" subTitle="荆门市总工会 → 县（市、区）工会 → 基层工会；基层工会代码由系统按地区编号，如 H01-0001" />
      <Row gutter={12} align="top">
        <Col xs={24} lg={14}>
          <Card variant="borderless" className="table-card org-tree-card">
            <div className="table-toolbar">
              <div className="table-toolbar-title">
                组织机构
                {orgs && (
                  <Typography.Text type="secondary" className="table-total">
                    基层工会 {orgs.filter((o) => o.kind === 'unit').length} 个
                  </Typography.Text>
                )}
              </div>
              <Space>
                <Input
                  allowClear
                  prefix={<SearchOutlined />}
                  placeholder="名称或代码"
                  style={{ width: 180 }}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  id="org-search"
                />
                <Tooltip title="刷新">
                  <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
                </Tooltip>
                <Button icon={<UploadOutlined />} id="org-import" onClick={() => setDialog('import')}>
                  从 Excel 导入
                </Button>
                <Button type="primary" icon={<PlusOutlined />} id="org-new" onClick={() => openNew(selected?.kind === 'region' ? selected.code : selected?.kind === 'unit' ? selected.parentCode ?? undefined : undefined)}>
                  新建基层工会
                </Button>
              </Space>
            </div>
            {!orgs ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : treeData.length === 0 ? (
              <Empty description="没有匹配的组织" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <div id="org-tree">
                <Tree
                  className="org-tree"
                  showLine
                  blockNode
                  treeData={treeData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => {
                    const open = new Set(keys.map(String));
                    if (!search.trim()) setCollapsed(branchCodes(all).filter((c) => !open.has(c)));
                  }}
                  selectedKeys={selectedCode ? [selectedCode] : []}
                  onSelect={(keys) => setSelectedCode(keys.length ? String(keys[0]) : null)}
                  height={orgs.length > 300 ? 640 : undefined}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <OrgDetail
            selected={selected}
            parent={parent}
            unitCounts={unitCounts}
            busy={busy}
            onRename={() => {
              renameForm.setFieldsValue({ name: selected?.name });
              setDialog('rename');
            }}
            onMove={() => {
              moveForm.setFieldsValue({ parentCode: undefined });
              setDialog('move');
            }}
            onNewHere={openNew}
            onToggle={toggle}
            onLargeEnterprise={setLargeEnterprise}
          />
        </Col>
      </Row>

      <NewOrgModal open={dialog === 'new'} busy={busy} form={newForm} regionOptions={regionOptions} onOk={submitNew} onCancel={() => setDialog(null)} />
      <RenameOrgModal open={dialog === 'rename'} busy={busy} form={renameForm} orgName={selected?.name ?? ''} onOk={submitRename} onCancel={() => setDialog(null)} />
      <MoveOrgModal
        open={dialog === 'move'}
        busy={busy}
        form={moveForm}
        orgName={selected?.name ?? ''}
        parentText={parent ? `${parent.name}（${parent.code}）` : '—'}
        targets={regionOptions.filter((r) => r.value !== selected?.parentCode)}
        onOk={submitMove}
        onCancel={() => setDialog(null)}
      />

      <OrgImportModal
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        onImported={() => reload()}
        regions={(orgs ?? []).filter((o) => o.kind === 'region' && o.active)}
      />
    </div>
  );
}
