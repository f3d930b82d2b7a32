import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { can, type Permission } from '../lib/access';
import { useSessionUser } from '../lib/session';

/** A page for some roles only: the others see 403 (the server refuses them anyway). */
export default function RequireAccess({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useSessionUser();
  const navigate = useNavigate();
  if (can(user.role, permission)) return <>{children}</>;
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title="没有权限访问此页面"
        subTitle="您的账号角色不能使用此功能，如有需要请联系系统管理员。"
        extra={
          <Button type="primary" onClick={() => navigate('/households')}>
            返回档案列表
          </Button>
        }
      />
    </div>
  );
}
