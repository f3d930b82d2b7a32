// 上报单位: the regions and units that must submit, chosen in a tree (a region and its units are
// chosen each on their own), with the default (the eight regions and the 大中型企事业单位) a click away.
import { useMemo } from 'react';
import { Button, Space, TreeSelect, Typography } from 'antd';
import type { Org } from '../../../api/orgs';
import { defaultRequiredOrgs, orgCodeOf, requiredOrgTree, type OrgValue } from '../campaignForm';

interface Props {
  orgs: readonly Org[];
  value?: OrgValue[];
  onChange?: (v: OrgValue[]) => void;
  id?: string;
}

export function RequiredOrgsSelect({ orgs, value = [], onChange, id }: Props) {
  const codes = value.map(orgCodeOf);
  const chosen = codes.join(',');
  const tree = useMemo(() => requiredOrgTree(orgs, chosen ? chosen.split(',') : []), [orgs, chosen]);
  const names = useMemo(() => new Map(orgs.map((o) => [o.code, o.name])), [orgs]);
  const useDefault = () => onChange?.(defaultRequiredOrgs(orgs).map((c) => ({ value: c, label: names.get(c) ?? c })));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      <TreeSelect
        id={id}
        treeData={tree}
        value={value.map((v) => (typeof v === 'string' ? { value: v, label: names.get(v) ?? v } : v))}
        onChange={(v: OrgValue[]) => onChange?.(v)}
        treeCheckable
        treeCheckStrictly
        showCheckedStrategy={TreeSelect.SHOW_ALL}
        showSearch
        treeNodeFilterProp="title"
        maxTagCount="responsive"
        placeholder="选择县（市、区）工会和大中型企事业单位"
        style={{ width: '100%' }}
        listHeight={360}
        allowClear
      />
      <Space size={8} wrap>
        <Typography.Text type="secondary">已选 {codes.length} 个单位</Typography.Text>
        <Button type="link" size="small" onClick={useDefault} style={{ padding: 0 }} id="campaign-orgs-default">
          恢复默认（全部县市区和大中型企事业单位）
        </Button>
      </Space>
    </Space>
  );
}
