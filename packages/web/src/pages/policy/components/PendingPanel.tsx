// 待保存的修改 (city users, beside the table): the pending changes in words, the reason, the
// preview's numbers, 预览影响 and 保存并重新识别 (only after a fresh preview).
import { Alert, Button, Card, Form, Input, Tooltip, Typography } from 'antd';
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { changeText } from '../changeSet';
import type { PolicyEditorState } from '../hooks/usePolicyEditor';

const REASON_MAX = 500;

export function PendingPanel({ editor, regionName }: { editor: PolicyEditorState; regionName: (code: string) => string }) {
  const { count, items, otherErrors, reason, setReason, preview, previewFresh, previewing, saving } = editor;
  return (
    <Card size="small" variant="outlined" className="policy-pending" title={count ? `待保存的修改（${count} 项）` : '待保存的修改'} data-testid="policy-pending">
      {count === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          在低保标准表中修改每月标准、新增或删除标准、调整比例后，先「预览影响」查看哪些档案的识别结果会变化，再「保存并重新识别」。
        </Typography.Paragraph>
      ) : (
        <ul className="plain-list policy-pending-list">
          {items.map((c, i) => (
            <li key={i} className={'problem' in c && c.problem ? 'policy-pending-problem' : undefined}>
              {changeText(c, regionName)}
              {'unusual' in c && c.unusual && <div className="policy-field-warning">{c.unusual}</div>}
            </li>
          ))}
        </ul>
      )}
      {otherErrors.length > 0 && <Alert type="error" showIcon message={otherErrors.join('；')} style={{ marginBottom: 8 }} />}
      <Form layout="vertical" className="policy-reason-form">
        <Form.Item label="修改说明" htmlFor="policy-reason" style={{ marginBottom: 12 }} extra="例如：依据某市民政局某年某号文件调整">
          <Input.TextArea id="policy-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={REASON_MAX} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="说明调整依据（可不填）" disabled={!count} />
        </Form.Item>
      </Form>
      {previewFresh && preview && (
        <div className="policy-pending-impact" data-testid="policy-pending-impact">
          预览影响：涉及 {preview.data.files} 户，识别结果变化 <b>{preview.data.eligibilityChanged}</b> 户（新增符合 {preview.data.becomeEligible}，转为不符合 {preview.data.becomeIneligible}），建议类别变化 {preview.data.categoryChanged} 户。
        </div>
      )}
      <div className="policy-pending-actions">
        <Button id="policy-preview" block icon={<EyeOutlined />} onClick={() => void editor.runPreview()} loading={previewing} disabled={!count || saving}>
          预览影响
        </Button>
        <Tooltip title={count && !previewFresh ? '请先预览影响，确认后再保存' : undefined}>
          <Button id="policy-save" block type="primary" icon={<SaveOutlined />} onClick={() => void editor.save()} loading={saving} disabled={!count || !previewFresh}>
            保存并重新识别
          </Button>
        </Tooltip>
      </div>
      <div className="policy-pending-discard">
        <Button type="link" size="small" onClick={editor.discard} disabled={!count || saving} id="policy-discard">
          放弃全部修改
        </Button>
      </div>
    </Card>
  );
}
