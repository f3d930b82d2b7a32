import { useState } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { App, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { FileAddOutlined, LogoutOutlined, SolutionOutlined, UnorderedListOutlined, UserOutlined } from '@ant-design/icons';
import { logout } from '../../api/session';
import { errorMessage } from '../../api/request';
import { clearOrgCache } from '../../api/orgs';
import Logo from '../../components/Logo';
import { OWNER_NAME, SYSTEM_NAME } from '../../lib/format';
import { useSessionUser } from '../../lib/session';

const { Header, Sider, Content } = Layout;

function selectedKey(pathname: string): string {
  if (pathname === '/households/new') return '/households/new';
  if (pathname.startsWith('/households')) return '/households';
  return pathname;
}

export default function AppLayout() {
  const user = useSessionUser();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { message } = App.useApp();
  const [leaving, setLeaving] = useState(false);

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
              defaultOpenKeys={['households']}
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
