// 停用 an organization or an account: the same confirmation, with what deactivating means there.
import type { ReactNode } from 'react';
import { Popconfirm } from 'antd';

interface Props {
  /** what is deactivated, as the question names it */
  name: string;
  /** what deactivating it means */
  description: ReactNode;
  okId?: string;
  onConfirm: () => unknown;
  /** the 停用 button */
  children: ReactNode;
}

export default function DeactivateConfirm({ name, description, okId, onConfirm, children }: Props) {
  return (
    <Popconfirm title={`停用 ${name}？`} description={description} okText="停用" cancelText="取消" okButtonProps={{ danger: true, id: okId }} onConfirm={onConfirm}>
      {children}
    </Popconfirm>
  );
}
