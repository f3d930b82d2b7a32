// /admin/orgs — 组织机构 (admins): the tree 荆门市总工会 → 县（市、区）工会 → 基层工会; create a
// 基层工会, rename, move a 基层工会 to another region, 停用 / 启用, and import 基层工会 from Excel.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Popconfirm, Result, Row, Select, Skeleton, Space, Spin, Table, Tag, Tooltip, Tree, Typography, Upload } from 'antd';
import type { FormInstance, TreeDataNode } from 'antd';
import { ApartmentOutlined, EditOutlined, InboxOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, StopOutlined, SwapOutlined, CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { ORG_KIND_LABELS, XLSX_TYPE, createOrg, importOrgs, updateOrg, type ImportResult, type Org } from '../../api/orgs';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { buildOrgTree, branchCodes, type OrgNode } from '../../lib/orgTree';
import { useOrgList } from '../../lib/useOrgs';
import { importErrorLines } from './adminShared';
import './admin.css';

const NAME_RULES = [
  { required: true, whitespace: true, message: '请填写组织名称' },
  { min: 2, message: '组织名称至少2个字' },
  { max: 100, message: '组织名称不能超过100个字' },
];

const KIND_COLORS: Record<Org['kind'], string> = { city: 'geekblue', region: 'blue', unit: 'default' };

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
  const [newForm] = Form.useForm<{ name: string; parentCode: string }>();
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
    let v: { name: string; parentCode: string };
    try {
      v = await newForm.validateFields();
    } catch {
      return;
    }
    await act(() => createOrg({ name: v.name.trim(), parentCode: v.parentCode }), (o) => `已新建基层工会 ${o.name}（${o.code}）`, newForm);
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
          <Card variant="borderless" className="org-detail-card" title="组织详情" id="org-detail">
            {!selected ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="在左侧选择一个组织" />
            ) : (
              <>
                <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
                  <Descriptions.Item label="名称">{selected.name}</Descriptions.Item>
                  <Descriptions.Item label="代码">
                    <span className="mono">{selected.code}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label="类型">
                    <Tag color={KIND_COLORS[selected.kind]}>{ORG_KIND_LABELS[selected.kind]}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label="上级组织">{parent ? `${parent.name}（${parent.code}）` : '—'}</Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <span data-testid="org-detail-status">{selected.active ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>}</span>
                  </Descriptions.Item>
                  {selected.kind !== 'unit' && <Descriptions.Item label="基层工会">{unitCounts.get(selected.code) ?? 0} 个</Descriptions.Item>}
                </Descriptions>
                <Space wrap style={{ marginTop: 16 }}>
                  <Button
                    icon={<EditOutlined />}
                    id="org-rename"
                    onClick={() => {
                      renameForm.setFieldsValue({ name: selected.name });
                      setDialog('rename');
                    }}
                  >
                    重命名
                  </Button>
                  {selected.kind === 'unit' && (
                    <Button
                      icon={<SwapOutlined />}
                      id="org-move"
                      onClick={() => {
                        moveForm.setFieldsValue({ parentCode: undefined });
                        setDialog('move');
                      }}
                    >
                      调整到其他县（市、区）
                    </Button>
                  )}
                  {selected.kind === 'region' && selected.active && (
                    <Button icon={<PlusOutlined />} onClick={() => openNew(selected.code)} id="org-new-here">
                      在此新建基层工会
                    </Button>
                  )}
                  {selected.kind !== 'city' &&
                    (selected.active ? (
                      <Popconfirm
                        title={`停用 ${selected.name}？`}
                        description="停用后不能再在该组织下建档、新建用户或基层工会；已有档案和用户不受影响。"
                        okText="停用"
                        cancelText="取消"
                        okButtonProps={{ danger: true, id: 'org-toggle-ok' }}
                        onConfirm={() => toggle(selected)}
                      >
                        <Button danger icon={<StopOutlined />} id="org-toggle" loading={busy}>
                          停用
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button icon={<CheckCircleOutlined />} id="org-toggle" loading={busy} onClick={() => void toggle(selected)}>
                        启用
                      </Button>
                    ))}
                </Space>
                {selected.kind === 'unit' && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                    基层工会下有在册档案时不能调整到其他县（市、区）：档案的职工编号按地区编号。
                  </Typography.Paragraph>
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>

      <Modal
        title="新建基层工会"
        open={dialog === 'new'}
        okText="新建"
        cancelText="取消"
        okButtonProps={{ id: 'org-new-ok', loading: busy }}
        onOk={submitNew}
        onCancel={() => !busy && setDialog(null)}
        forceRender
      >
        <Form form={newForm} name="org_new" layout="vertical">
          <Form.Item name="parentCode" label="上级组织（县、市、区工会）" rules={[{ required: true, message: '请选择上级组织' }]}>
            <Select options={regionOptions} placeholder="请选择" showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="name" label="基层工会名称" rules={NAME_RULES} extra="代码由系统自动编号，如 H01-0001">
            <Input maxLength={100} placeholder="例如：京山市某某有限公司工会" autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`重命名 · ${selected?.name ?? ''}`}
        open={dialog === 'rename'}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ id: 'org-edit-ok', loading: busy }}
        onOk={submitRename}
        onCancel={() => !busy && setDialog(null)}
        forceRender
      >
        <Form form={renameForm} name="org_edit" layout="vertical">
          <Form.Item name="name" label="名称" rules={NAME_RULES}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`调整上级组织 · ${selected?.name ?? ''}`}
        open={dialog === 'move'}
        okText="调整"
        cancelText="取消"
        okButtonProps={{ id: 'org-move-ok', loading: busy }}
        onOk={submitMove}
        onCancel={() => !busy && setDialog(null)}
        forceRender
      >
        <p>当前上级：{parent ? `${parent.name}（${parent.code}）` : '—'}。基层工会的代码不变。</p>
        <Form form={moveForm} name="org_move" layout="vertical">
          <Form.Item name="parentCode" label="调整到" rules={[{ required: true, message: '请选择县（市、区）工会' }]}>
            <Select options={regionOptions.filter((r) => r.value !== selected?.parentCode)} placeholder="请选择" />
          </Form.Item>
        </Form>
      </Modal>

      <ImportDialog
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        onImported={() => reload()}
        regions={(orgs ?? []).filter((o) => o.kind === 'region' && o.active)}
      />
    </div>
  );
}

const EXAMPLE_ROWS = [
  { key: 1, row: 1, name: '名称', parentCode: '上级组织代码', header: true },
  { key: 2, row: 2, name: '京山市某某机械有限公司工会', parentCode: 'H01' },
  { key: 3, row: 3, name: '沙洋县某某纺织厂工会', parentCode: 'H02' },
  { key: 4, row: 4, name: '东宝区某某街道总工会', parentCode: 'H04' },
];

/** 「从 Excel 导入」: the two columns explained with an example; choosing a file imports it at once. */
function ImportDialog({ open, onClose, onImported, regions }: { open: boolean; onClose: () => void; onImported: () => void; regions: Org[] }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(ImportResult & { file: string }) | null>(null);
  const [errors, setErrors] = useState<{ file: string; lines: string[] } | null>(null);

  useEffect(() => {
    if (open) {
      setResult(null);
      setErrors(null);
    }
  }, [open]);

  async function upload(file: File) {
    setBusy(true);
    setResult(null);
    setErrors(null);
    try {
      const r = await importOrgs(file);
      setResult({ ...r, file: file.name });
      onImported();
    } catch (e) {
      setErrors({ file: file.name, lines: importErrorLines(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title="从 Excel 导入基层工会"
      open={open}
      onCancel={() => !busy && onClose()}
      footer={
        <Button onClick={onClose} disabled={busy} id="org-import-close">
          关闭
        </Button>
      }
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph>
        请上传 Excel 工作簿（.xlsx）：第一个工作表的第 1 行为表头，包含 <Typography.Text strong>名称</Typography.Text> 和{' '}
        <Typography.Text strong>上级组织代码</Typography.Text> 两列，从第 2 行起每行一个基层工会。上级组织代码为县（市、区）工会的代码。
        文件中任何一行有误时整个文件都不导入，请按提示修改后重新上传。
      </Typography.Paragraph>
      <Table
        className="org-import-example"
        size="small"
        pagination={false}
        bordered
        dataSource={EXAMPLE_ROWS}
        showHeader
        columns={[
          { title: '', dataIndex: 'row', width: 40, align: 'center', className: 'org-import-rownum' },
          { title: 'A', dataIndex: 'name', render: (v: string, r) => (r.header ? <strong>{v}</strong> : v) },
          { title: 'B', dataIndex: 'parentCode', width: 140, render: (v: string, r) => (r.header ? <strong>{v}</strong> : <span className="mono">{v}</span>) },
        ]}
      />
      <Typography.Paragraph type="secondary" className="org-import-codes">
        县（市、区）工会代码：{regions.map((r) => `${r.code} ${r.name}`).join('　')}
      </Typography.Paragraph>
      <Spin spinning={busy} tip="正在导入…">
        <Upload.Dragger
          id="org-import-file"
          accept={`.xlsx,${XLSX_TYPE}`}
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或将 .xlsx 文件拖到此处，选择后立即导入</p>
          <p className="ant-upload-hint">仅支持 .xlsx 格式，不超过 10MB</p>
        </Upload.Dragger>
      </Spin>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          icon={<ApartmentOutlined />}
          data-testid="org-import-result"
          message={`已从 ${result.file} 导入 ${result.created} 个基层工会`}
          description={result.codes.length ? `代码：${result.codes.join('、')}` : undefined}
        />
      )}
      {errors && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="org-import-errors"
          message={`${errors.file} 未导入，请修改以下问题后重新上传（共 ${errors.lines.length} 处）`}
          description={
            <ul className="plain-list org-import-error-list">
              {errors.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
