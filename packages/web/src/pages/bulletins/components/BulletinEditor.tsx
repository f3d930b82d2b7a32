// 编辑 of a draft bulletin (the city union): its title, 主送机关 and each paragraph of the body, with
// paragraphs inserted, removed and moved. 保存 sends the version the edit began from (someone else's
// save meanwhile: 请刷新); 发布 from here saves first. The text is checked with core's schema before
// anything is sent; the server's field errors land beside their fields too. Leaving with unsaved
// changes asks first.
import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { isBulletinHeading } from '@bangfu/core';
import { updateBulletin, type Bulletin } from '../../../api/bulletins';
import { errorMessage, isApiError } from '../../../api/request';
import { replaceFieldErrors, toFormFieldErrors, type FormFieldError } from '../../../lib/fieldErrors';
import { useLeaveGuard } from '../../../lib/useLeaveGuard';
import { editBody, editProblems, editValuesOf, isDirty, type EditValues } from '../bulletinText';

const MAX_PARAGRAPHS = 40;
const FIELD_NAMES = ['title', 'recipients', 'paragraphs'];

interface Props {
  bulletin: Bulletin;
  /** saved: the page shows the document again */
  onSaved: (b: Bulletin) => void;
  onCancel: () => void;
  /** the page publishes the (saved) draft */
  onPublish: () => Promise<void>;
  /** 刷新 after a version conflict: the edits are dropped, the bulletin read again */
  onReload: () => void;
}

export function BulletinEditor({ bulletin, onSaved, onCancel, onPublish, onReload }: Props) {
  const [form] = Form.useForm<EditValues>();
  const saved = useMemo(() => editValuesOf(bulletin), [bulletin]);
  // the version the edit began from: a save by someone else meanwhile is a conflict, not overwritten
  const [version] = useState(bulletin.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const shown = useRef<FormFieldError[]>([]);
  const values = Form.useWatch([], form) as Partial<EditValues> | undefined;
  const dirty = isDirty(saved, values);
  const paragraphs = values?.paragraphs ?? saved.paragraphs;
  useLeaveGuard(dirty && !busy, '通报');

  function showErrors(next: FormFieldError[]) {
    form.setFields(replaceFieldErrors(shown.current, next) as Parameters<typeof form.setFields>[0]);
    shown.current = next;
  }

  /** The saved bulletin, or null (the reason is on the form). */
  async function save(): Promise<Bulletin | null> {
    const v = form.getFieldsValue(true) as EditValues;
    const problems = editProblems(v, version);
    showErrors(problems);
    if (problems.length) return null;
    setBusy(true);
    setError(null);
    try {
      return await updateBulletin(bulletin.id, editBody(v, version));
    } catch (e) {
      if (isApiError(e, 'VERSION_CONFLICT') || isApiError(e, 'BULLETIN_PUBLISHED')) setConflict(true);
      else if (isApiError(e) && e.fieldErrors.length) {
        const mapped = toFormFieldErrors(e.fieldErrors, (n) => FIELD_NAMES.includes(String(n[0])));
        showErrors(mapped.fields);
        if (mapped.unplaced.length) setError(mapped.unplaced.map((x) => x.message).join('；'));
      } else setError(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function onSave() {
    const b = await save();
    if (b) onSaved(b);
  }

  async function onSaveAndPublish() {
    if (dirty && !(await save())) return;
    await onPublish();
  }

  return (
    <Card variant="borderless" className="bulletin-section bulletin-editor" id="bulletin-editor" title="编辑通报">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="以“一、”“二、”等开头、不超过30字的段落排为小标题（黑体）。附件中的排名表等数据按起草时的统计固定，不能修改。"
      />
      {conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="bulletin-conflict"
          message="通报已被他人修改或已发布，本次修改未保存"
          description="请刷新页面，看到最新内容后再修改。"
          action={<Button onClick={onReload}>刷新</Button>}
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} data-testid="bulletin-save-error" />}
      <Form<EditValues> form={form} name="bulletin" layout="vertical" initialValues={saved} onValuesChange={() => setError(null)}>
        <Form.Item name="title" label="标题" required>
          <Input maxLength={60} showCount />
        </Form.Item>
        <Form.Item name="recipients" label="主送机关" required>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} showCount />
        </Form.Item>
        <Form.List name="paragraphs">
          {(fields, { add, remove, move }, { errors }) => (
            <div className="bulletin-edit-paragraphs" id="bulletin-paragraphs">
              <div className="bulletin-edit-label">
                <span className="bulletin-edit-required">正文</span>
                <Typography.Text type="secondary">共 {fields.length} 段，最多 {MAX_PARAGRAPHS} 段</Typography.Text>
              </div>
              {fields.map((field, i) => {
                const heading = isBulletinHeading((paragraphs[i] ?? '').trim());
                return (
                  <div key={field.key} className="bulletin-edit-para" data-index={i} data-testid="bulletin-edit-paragraph">
                    <div className="bulletin-edit-para-head">
                      <Space size={6}>
                        <Typography.Text type="secondary">第 {i + 1} 段</Typography.Text>
                        {heading && (
                          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                            小标题
                          </Tag>
                        )}
                      </Space>
                      <Space size={0} className="bulletin-edit-para-tools">
                        <Tooltip title="上移">
                          <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" data-action="up" disabled={i === 0} onClick={() => move(i, i - 1)} />
                        </Tooltip>
                        <Tooltip title="下移">
                          <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" data-action="down" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                        </Tooltip>
                        <Tooltip title="在下方插入一段">
                          <Button type="text" size="small" icon={<PlusOutlined />} aria-label="在下方插入一段" data-action="insert" disabled={fields.length >= MAX_PARAGRAPHS} onClick={() => add('', i + 1)} />
                        </Tooltip>
                        <Tooltip title="删除本段">
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除本段" data-action="remove" disabled={fields.length <= 1} onClick={() => remove(i)} />
                        </Tooltip>
                      </Space>
                    </div>
                    <Form.Item name={[field.name]} style={{ marginBottom: 0 }}>
                      <Input.TextArea autoSize={{ minRows: heading ? 1 : 2, maxRows: 16 }} maxLength={2000} className={heading ? 'bulletin-edit-heading' : undefined} />
                    </Form.Item>
                  </div>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} id="bulletin-paragraph-add" disabled={fields.length >= MAX_PARAGRAPHS} onClick={() => add('')}>
                在末尾添加一段
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
      <div className="bulletin-edit-actions">
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} id="bulletin-save" loading={busy} disabled={!dirty || conflict} onClick={() => void onSave()}>
            保存
          </Button>
          <Popconfirm
            title="发布通报"
            description={dirty ? '将先保存修改再发布。发布后不能再修改，所有单位都能看到。' : '发布后不能再修改，所有单位都能看到。'}
            okText="发布"
            cancelText="取消"
            okButtonProps={{ id: 'bulletin-publish-ok' }}
            onConfirm={onSaveAndPublish}
          >
            <Button icon={<SendOutlined />} id="bulletin-publish" disabled={busy || conflict}>
              {dirty ? '保存并发布' : '发布'}
            </Button>
          </Popconfirm>
          {dirty ? (
            <Popconfirm title="放弃修改？" description="尚未保存的修改将丢失。" okText="放弃" cancelText="继续编辑" okButtonProps={{ danger: true, id: 'bulletin-discard-ok' }} onConfirm={onCancel}>
              <Button id="bulletin-edit-cancel" disabled={busy}>
                取消
              </Button>
            </Popconfirm>
          ) : (
            <Button id="bulletin-edit-cancel" disabled={busy} onClick={onCancel}>
              取消
            </Button>
          )}
          <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="bulletin-dirty">
            {dirty ? '有尚未保存的修改' : '没有修改'}
          </Typography.Text>
        </Space>
      </div>
    </Card>
  );
}
