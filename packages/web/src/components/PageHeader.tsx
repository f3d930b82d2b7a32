import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';

interface Props {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  onBack?: () => void;
  tags?: ReactNode;
}

/** The title bar of a page, as in Ant Design Pro: back arrow, title, tags, actions on the right. */
export default function PageHeader({ title, subTitle, extra, onBack, tags }: Props) {
  return (
    <div className="page-header">
      <div className="page-header-main">
        {onBack && <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回" className="no-print" />}
        <h1 className="page-title">{title}</h1>
        {tags}
        {subTitle && <span className="page-subtitle">{subTitle}</span>}
      </div>
      {extra && <div className="page-header-extra no-print">{extra}</div>}
    </div>
  );
}
