// 其他条件: the filters a link brought (the progress table, the 工作台), each a tag to remove.
import { Button, Space, Tag } from 'antd';
import { linkFilterLabels } from '../linkFilterLabels';
import type { LinkFilterKey, ListState } from '../listQuery';

interface Props {
  state: ListState;
  orgName: (code: string) => string;
  onRemove: (patch: Partial<ListState>) => void;
}

export function LinkFilterTags({ state, orgName, onRemove }: Props) {
  const labels = linkFilterLabels(state, orgName);
  if (labels.length === 0) return null;
  const clear = (keys: LinkFilterKey[]) => onRemove({ ...Object.fromEntries(keys.map((k) => [k, undefined])), page: 1 } as Partial<ListState>);
  return (
    <div className="link-filter-tags" data-testid="link-filters">
      <span className="link-filter-tags-title">其他条件：</span>
      <Space size={[4, 4]} wrap>
        {labels.map((l) => (
          <Tag key={l.key} color="blue" closable onClose={() => clear([l.key])} data-filter={l.key} closeIcon={<span aria-label={`去掉条件 ${l.label}`}>×</span>}>
            {l.label}
          </Tag>
        ))}
        {labels.length > 1 && (
          <Button type="link" size="small" onClick={() => clear(labels.map((l) => l.key))} id="link-filters-clear">
            全部去掉
          </Button>
        )}
      </Space>
    </div>
  );
}
