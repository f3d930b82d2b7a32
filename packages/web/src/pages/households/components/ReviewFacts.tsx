// What the reviewer decides on, inside the review dialog itself: the stored 识别结果 with its
// 建议类别 and explanation, and the file's 数据提示. A file that is 不符合 or 无法判定 is agreed to
// only with 我已核实 ticked.
import { Alert, Checkbox, Descriptions, Form } from 'antd';
import type { HouseholdFile } from '../../../api/households';
import { SuggestedCategory } from '../../../components/HouseholdColumns';
import { EligibleBadge } from '../../../components/Tags';
import { explanationText } from '../../../lib/identification';

const WARNINGS_SHOWN = 5;

/** true when agreeing to this file needs 我已核实 */
export const reviewNeedsCheck = (file: Pick<HouseholdFile, 'identification'>): boolean => file.identification?.eligible !== true;

export function ReviewFacts({ file, regionName }: { file: Pick<HouseholdFile, 'identification' | 'warnings'>; regionName?: (code: string) => string }) {
  const id = file.identification;
  const eligible = id ? id.eligible : null;
  return (
    <div data-testid="review-facts" className="review-facts">
      <Descriptions size="small" column={3} bordered layout="vertical">
        <Descriptions.Item label="识别结果">
          <span data-testid="review-facts-eligible">
            <EligibleBadge value={eligible} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="建议类别">
          <SuggestedCategory value={id?.category ?? null} eligible={eligible} />
        </Descriptions.Item>
        <Descriptions.Item label="数据提示">{file.warnings.length ? `${file.warnings.length} 项` : '无'}</Descriptions.Item>
      </Descriptions>
      <div className="review-facts-explanation" data-testid="review-facts-explanation">
        {id ? explanationText(id, regionName) : '该档案尚无识别结果。'}
      </div>
      {file.warnings.length > 0 && (
        <ul className="plain-list review-facts-warnings" data-testid="review-facts-warnings">
          {file.warnings.slice(0, WARNINGS_SHOWN).map((w) => (
            <li key={`${w.code}:${w.path}`}>{w.message}</li>
          ))}
          {file.warnings.length > WARNINGS_SHOWN && <li>等共 {file.warnings.length} 项，见档案详情</li>}
        </ul>
      )}
      {reviewNeedsCheck(file) && (
        <>
          <Alert
            type="warning"
            showIcon
            data-testid="review-facts-risk"
            style={{ marginTop: 8 }}
            message={eligible === false ? '识别结果为不符合' : '无法判定：缺少该地区该年度的低保标准'}
            description={eligible === false ? '同意前请核实家庭收入与困难情况；不符合的档案建档后会列入剔除建议。' : '请市总工会先配置低保标准，或核实后再同意。'}
          />
          <Form.Item
            name="acknowledged"
            valuePropName="checked"
            style={{ margin: '8px 0 0' }}
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('同意前请核实识别结果并勾选'))) }]}
          >
            <Checkbox id="review-ack">我已核实，仍同意</Checkbox>
          </Form.Item>
        </>
      )}
    </div>
  );
}
