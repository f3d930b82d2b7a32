import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { App, Badge, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { AccountBookOutlined, AuditOutlined, FileAddOutlined, LogoutOutlined, SolutionOutlined, UnorderedListOutlined, UserDeleteOutlined, UserOutlined } from '@ant-design/icons';
import { logout } from '../../api/session';
import { errorMessage } from '../../api/request';
import { clearOrgCache } from '../../api/orgs';
import { pendingProposalCount } from '../../api/proposals';
import { PROPOSALS_CHANGED } from '../../lib/events';
import Logo from '../../components/Logo';
import { OWNER_NAME, SYSTEM_NAME } from '../../lib/format';
import { useSessionUser } from '../../lib/session';

const { Header, Sider, Content } = Layout;

function selectedKey(pathname: string): string {
  if (pathname === '/households/new') return '/households/new';
  if (pathname.startsWith('/households')) return '/households';
  return pathname;
}

/** Pending 剔除建议 in the user's scope: counted on each page change and when a page says so. */
function usePendingProposals(pathname: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const h = () => setTick((t) => t + 1);
    window.addEventListener(PROPOSALS_CHANGED, h);
    return () => window.removeEventListener(PROPOSALS_CHANGED, h);
  }, []);
  useEffect(() => {
    const ctrl = new AbortController();
    pendingProposalCount(ctrl.signal).then(
      (n) => setCount(n),
      () => undefined, // the badge is a convenience: no error for it
    );
    return () => ctrl.abort();
  }, [pathname, tick]);
  return count;
}

export default function AppLayout() {
  const user = useSessionUser();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { message } = App.useApp();
  const [leaving, setLeaving] = useState(false);
  const pending = usePendingProposals(location.pathname);

  async function onLogout() {
    setLeaving(true);
    try {
      await logout();
    } catch (e) {
      // Signed out on the server or not: leave anyway, but say so if the server did not answer.
      message.warning(errorMessage(e));
    } finally {
      clearOrgCache();
      setLeaving(false);
      navigate('/login', { replace: true });
    }
  }

  return (
    <Layout className="app-layout">
      <Header className="app-header no-print">
        <div className="app-brand">
          <Logo />
          <div className="app-brand-text">
            <span className="app-brand-name">{SYSTEM_NAME}</span>
            <span className="app-brand-owner">{OWNER_NAME}</span>
          </div>
        </div>
        <Space size={20} className="app-user">
          <span data-testid="current-user">
            <UserOutlined /> <span className="app-user-name">{user.displayName}</span>
            <Typography.Text className="app-user-org">{user.orgName}</Typography.Text>
          </span>
          <Button id="logout" type="text" icon={<LogoutOutlined />} className="app-logout" loading={leaving} onClick={onLogout}>
            退出登录
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={176} className="app-sider no-print" theme="light">
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname)]}
              defaultOpenKeys={['households', 'identification']}
              onClick={({ key }) => navigate(key)}
              items={[
                {
                  key: 'households',
                  icon: <SolutionOutlined />,
                  label: '困难职工档案',
                  children: [
                    { key: '/households', icon: <UnorderedListOutlined />, label: '档案列表' },
                    { key: '/households/new', icon: <FileAddOutlined />, label: '新建档案' },
                  ],
                },
                {
                  key: 'identification',
                  icon: <AuditOutlined />,
                  label: '精准识别',
                  children: [
                    { key: '/policy', icon: <AccountBookOutlined />, label: '低保标准' },
                    {
                      key: '/removal-proposals',
                      icon: <UserDeleteOutlined />,
                      label: (
                        <span className="menu-label-badge">
                          剔除建议
                          {pending ? <Badge count={pending} overflowCount={99} size="small" data-testid="menu-proposal-count" title={`待处理 ${pending} 条`} /> : null}
                        </span>
                      ),
                    },
                  ],
                },
              ]}
            />
          </nav>
        </Sider>
        <Content className="app-content">
          <Spin spinning={navigation.state === 'loading'} delay={300}>
            <main>
              <Outlet />
            </main>
          </Spin>
        </Content>
      </Layout>
    </Layout>
  );
}
