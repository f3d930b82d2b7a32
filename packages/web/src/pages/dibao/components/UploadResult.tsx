// What an import found: the rows read and left out (the latter open their list), the people of the
// list who are in a live file and their households, and the findings of each kind, each opening
// 核对结果 filtered by that kind and this list.
import { Alert, Button, Card, Col, Row, Statistic } from 'antd';
import { DIBAO_FINDING_KINDS, DIBAO_FINDING_LABELS, DIBAO_FINDING_SHORT, type DibaoFindingKind } from '@bangfu/core';
import type { DibaoList } from '../../../api/dibao';
import { listText } from '../dibaoText';

interface Props {
  list: DibaoList;
  onShowFindings: (filters: { kind?: DibaoFindingKind; listId: number }) => void;
  onShowErrors: (list: DibaoList) => void;
  onAgain: () => void;
}

export function UploadResult({ list: l, onShowFindings, onShowErrors, onAgain }: Props) {
  const found = l.findings.declaredNotListed + l.findings.listedNotDeclared + l.findings.listedAboveLine;
  return (
    <div className="dibao-result" data-testid="dibao-result" data-list-id={l.id}>
      <Alert
        type="success"
        showIcon
        message={`已导入 ${listText(l)} 民政低保名单`}
        description={`${l.fileName}${l.source ? `（${l.source}）` : ''}：${found ? `发现 ${found} 条需要核实的情况，请逐户核实处理。` : '与档案填报的“是否享受低保”一致，没有需要核实的情况。'}`}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={[12, 12]} className="dibao-result-stats">
        <Col xs={12} md={6}>
          <Statistic title="读取行数" value={l.rows} data-testid="dibao-result-rows" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="跳过的错误行"
            value={l.badRows}
            valueRender={(node) =>
              l.badRows > 0 ? (
                <Button type="link" danger className="dibao-stat-link" data-testid="dibao-result-bad-rows" onClick={() => onShowErrors(l)}>
                  {node}
                </Button>
              ) : (
                <span data-testid="dibao-result-bad-rows">{node}</span>
              )
            }
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="匹配到的人" value={l.matchedPersons} data-testid="dibao-result-persons" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="涉及户数" value={l.matchedHouseholds} data-testid="dibao-result-households" />
        </Col>
      </Row>
      <Row gutter={[12, 12]} className="dibao-result-kinds">
        {DIBAO_FINDING_KINDS.map((k) => (
          <Col xs={24} md={8} key={k}>
            <Card
              size="small"
              hoverable
              className="dibao-result-kind"
              data-testid={`dibao-result-${k}`}
              data-count={l.findings[k]}
              role="link"
              tabIndex={0}
              title={DIBAO_FINDING_SHORT[k]}
              onClick={() => onShowFindings({ kind: k, listId: l.id })}
              onKeyDown={(e) => e.key === 'Enter' && onShowFindings({ kind: k, listId: l.id })}
            >
              <Statistic value={l.findings[k]} suffix="条" />
              <div className="dibao-result-kind-label">{DIBAO_FINDING_LABELS[k]}</div>
            </Card>
          </Col>
        ))}
      </Row>
      <div className="dibao-result-actions">
        <Button type="primary" data-testid="dibao-result-findings" onClick={() => onShowFindings({ listId: l.id })}>
          查看核对结果
        </Button>
        <Button onClick={onAgain} data-testid="dibao-result-again">
          继续导入其他名单
        </Button>
      </div>
    </div>
  );
}
