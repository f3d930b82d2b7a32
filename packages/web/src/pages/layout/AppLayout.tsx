import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { App, Badge, Button, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DiffOutlined,
  FlagOutlined,
  HeartOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UsergroupAddOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  ImportOutlined,
  RetweetOutlined,
  SwapOutlined,
  TableOutlined,
  KeyOutlined,
  LogoutOutlined,
  NotificationOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  FundOutlined,
  UnorderedListOutlined,
  UserDeleteOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { logout } from '../../api/session';
import { errorMessage } from '../../api/request';
import { clearOrgCache } from '../../api/orgs';
import { pendingProposalCount } from '../../api/proposals';
import { listBulletins } from '../../api/bulletins';
import { listHouseholds } from '../../api/households';
import { listTransfers } from '../../api/transfers';
import { listDuplicates } from '../../api/duplicates';
import { listDibaoFindings } from '../../api/dibao';
import { BULLETINS_CHANGED, DIBAO_CHANGED, DUPLICATES_CHANGED, PROPOSALS_CHANGED, REVIEWS_CHANGED, TRANSFERS_CHANGED } from '../../lib/events';
import type { Access, ReviewQueue } from '../../lib/access';
import Logo from '../../components/Logo';
import { TodoBell } from './TodoBell';
import ChangePasswordModal from '../../components/ChangePasswordModal';
import { OWNER_NAME, SYSTEM_NAME } from '../../lib/format';
import { useAccess, useSessionUser } from '../../lib/session';

const { Header, Sider, Content } = Layout;

function selectedKey(pathname: string): string {
  if (pathname === '/households/new') return '/households/new';
  if (pathname.startsWith('/households')) return '/households';
  if (pathname.startsWith('/admin/')) return pathname.split('/').slice(0, 3).join('/');
  if (pathname.startsWith('/exchange/import')) return '/exchange/import';
  if (pathname.startsWith('/campaigns')) return '/campaigns';
  if (pathname.startsWith('/bulletins')) return '/bulletins';
  if (pathname.startsWith('/working-groups')) return '/working-groups';
  return pathname;
}

/**
 * A count for a menu badge: taken on each page change and when a page signals `event`; null when
 * the user has no such menu. The badge is a convenience: a failure shows nothing.
 */
function useMenuCount(pathname: string, event: string, count: ((signal: AbortSignal) => Promise<number>) | null): number | null {
  const [n, setN] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const h = () => setTick((t) => t + 1);
    window.addEventListener(event, h);
    return () => window.removeEventListener(event, h);
  }, [event]);
  const enabled = count !== null;
  const countRef = useRef(count);
  countRef.current = count;
  useEffect(() => {
    const fn = countRef.current;
    if (!fn) return;
    const ctrl = new AbortController();
    fn(ctrl.signal).then(
      (v) => setN(v),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [pathname, tick, enabled]);
  return enabled ? n : null;
}

/** 未读通报: the published bulletins the user has not opened (the issuers' readings are not recorded). */
const unreadBulletinCount = (signal: AbortSignal) => listBulletins(signal).then((r) => r.items.filter((b) => b.status === 'published' && !b.readByMe).length);

/** 待我方同意: the transfers waiting for the user's side to agree. */
const incomingTransferCount = (signal: AbortSignal) => listTransfers({ box: 'incoming', page: 1, pageSize: 1 }, signal).then((r) => r.total);

/** 重复档案 待处理: the open pairs of the user's scope. */
const openDuplicateCount = (signal: AbortSignal) => listDuplicates({ status: 'open', page: 1, pageSize: 1 }, signal).then((r) => r.total);

/** 民政低保核对 待核实: the open findings of the user's scope. */
const openDibaoCount = (signal: AbortSignal) => listDibaoFindings({ status: 'open', page: 1, pageSize: 1 }, signal).then((r) => r.total);

const reviewCount = (q: ReviewQueue) => (signal: AbortSignal) => listHouseholds({ status: q.status, page: 1, pageSize: 1 }, signal).then((r) => r.total);

function badgeLabel(text: string, count: number | null, testId: string, title = (n: number) => `待处理 ${n} 条`) {
  return (
    <span className="menu-label-badge">
      {text}
      {count ? <Badge count={count} overflowCount={99} size="small" data-testid={testId} title={title(count)} /> : null}
    </span>
  );
}

/** The menu this role sees (lib/access.ts decides). */
function menuItems(
  access: Access,
  pendingProposals: number | null,
  pendingReviews: number | null,
  unreadBulletins: number | null,
  incomingTransfers: number | null,
  openDuplicates: number | null,
  openDibao: number | null,
): MenuProps['items'] {
  const households = [
    { key: '/households', icon: <UnorderedListOutlined />, label: '档案列表' },
    ...(access.canCreateHousehold ? [{ key: '/households/new', icon: <FileAddOutlined />, label: '新建档案' }] : []),
    ...(access.canViewTransfers
      ? [{ key: '/transfers', icon: <RetweetOutlined />, label: badgeLabel('档案转移', incomingTransfers, 'menu-transfer-count', (n) => `待我方同意 ${n} 条`) }]
      : []),
    ...(access.canViewDuplicates ? [{ key: '/duplicates', icon: <DiffOutlined />, label: badgeLabel('重复档案', openDuplicates, 'menu-duplicate-count') }] : []),
    ...(access.canViewDibao
      ? // 民政低保核对, shortened: the sider's 176 px hold four characters and a two-digit count
        [{ key: '/dibao', icon: <FileProtectOutlined />, title: '民政低保核对', label: badgeLabel('低保核对', openDibao, 'menu-dibao-count', (n) => `待核实 ${n} 条`) }]
      : []),
  ];
  const identification = [
    ...(access.canViewPolicy ? [{ key: '/policy', icon: <AccountBookOutlined />, label: '低保标准' }] : []),
    ...(access.canViewProposals
      ? [{ key: '/removal-proposals', icon: <UserDeleteOutlined />, label: badgeLabel('剔除建议', pendingProposals, 'menu-proposal-count') }]
      : []),
  ];
  const assistance = [
    ...(access.canViewMyHouseholds ? [{ key: '/my', icon: <HeartOutlined />, label: '我的帮扶对象' }] : []),
    ...(access.canViewFollowUps ? [{ key: '/follow-ups', icon: <ScheduleOutlined />, label: '脱困回访' }] : []),
    ...(access.canViewAssistanceSummary ? [{ key: '/assistance', icon: <BarChartOutlined />, label: '帮扶统计' }] : []),
    ...(access.canViewBatches ? [{ key: '/batches', icon: <OrderedListOutlined />, label: '分期分批' }] : []),
  ];
  const organizing = [
    ...(access.canViewLinks ? [{ key: '/links', icon: <LinkOutlined />, label: '定点联系' }] : []),
    ...(access.canViewGroups ? [{ key: '/working-groups', icon: <UsergroupAddOutlined />, label: '工作组' }] : []),
    ...(access.canViewMeasures ? [{ key: '/measures', icon: <BookOutlined />, label: '帮扶措施目录' }] : []),
  ];
  const exchange = [
    ...(access.canImport ? [{ key: '/exchange/import', icon: <ImportOutlined />, label: '数据导入' }] : []),
    ...(access.canViewRegionSummary ? [{ key: '/reports/region-summary', icon: <TableOutlined />, label: '地区汇总' }] : []),
  ];
  const admin = [
    ...(access.canManageOrgs ? [{ key: '/admin/orgs', icon: <ApartmentOutlined />, label: '组织机构' }] : []),
    ...(access.canManageUsers ? [{ key: '/admin/users', icon: <TeamOutlined />, label: '用户管理' }] : []),
    ...(access.canApproveUsers ? [{ key: '/admin/approvals', icon: <TeamOutlined />, label: '账号审批' }] : []),
    ...(access.canViewAudit ? [{ key: '/admin/audit', icon: <SafetyCertificateOutlined />, label: '审计日志' }] : []),
  ];
  return [
    { key: '/', icon: <DashboardOutlined />, label: '工作台' },
    ...(access.canViewCampaigns ? [{ key: '/campaigns', icon: <FlagOutlined />, label: '专项行动' }] : []),
    ...(access.canViewBulletins ? [{ key: '/bulletins', icon: <NotificationOutlined />, label: badgeLabel('通报', unreadBulletins, 'menu-bulletin-count', (n) => `未读 ${n} 份`) }] : []),
    ...(access.canViewAssessment ? [{ key: '/assessment', icon: <FundOutlined />, label: '考核' }] : []),
    ...(access.canViewCommendations ? [{ key: '/commendations', icon: <TrophyOutlined />, label: '表彰' }] : []),
    { key: 'households', icon: <SolutionOutlined />, label: '困难职工档案', children: households },
    ...(access.reviewQueue
      ? [
          {
            key: 'reviews',
            icon: <FileDoneOutlined />,
            label: '审核管理',
            children: [{ key: '/reviews', icon: <FileSearchOutlined />, label: badgeLabel('待我审核', pendingReviews, 'menu-review-count') }],
          },
        ]
      : []),
    ...(identification.length ? [{ key: 'identification', icon: <AuditOutlined />, label: '精准识别', children: identification }] : []),
    ...(assistance.length ? [{ key: 'assistance', icon: <HeartOutlined />, label: '常态帮扶', children: assistance }] : []),
    ...(organizing.length ? [{ key: 'organizing', icon: <ClusterOutlined />, label: '帮扶组织', children: organizing }] : []),
    ...(exchange.length ? [{ key: 'exchange', icon: <SwapOutlined />, label: '数据交换', children: exchange }] : []),
    ...(admin.length ? [{ key: 'admin', icon: <SettingOutlined />, label: '系统管理', children: admin }] : []),
  ];
}

export default function AppLayout() {
  const user = useSessionUser();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { message } = App.useApp();
  const access = useAccess();
  const [leaving, setLeaving] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  // below lg the menu folds away (a phone at 390 px) and opens over the page from the trigger
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => setCollapsed(narrow), [narrow]);
  const pending = useMenuCount(location.pathname, PROPOSALS_CHANGED, access.canDecideProposals ? pendingProposalCount : null);
  const queue = access.reviewQueue;
  const reviews = useMenuCount(location.pathname, REVIEWS_CHANGED, queue ? reviewCount(queue) : null);
  const unreadBulletins = useMenuCount(location.pathname, BULLETINS_CHANGED, access.canViewBulletins && !access.canIssueBulletins ? unreadBulletinCount : null);
  const incomingTransfers = useMenuCount(location.pathname, TRANSFERS_CHANGED, access.canHandleTransfers ? incomingTransferCount : null);
  const openDuplicates = useMenuCount(location.pathname, DUPLICATES_CHANGED, access.canHandleDuplicates ? openDuplicateCount : null);
  const openDibao = useMenuCount(location.pathname, DIBAO_CHANGED, access.canResolveDibao ? openDibaoCount : null);

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
          {narrow && (
            <Button
              type="text"
              id="menu-toggle"
              className="app-menu-toggle"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? '打开菜单' : '收起菜单'}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          <Logo />
          <div className="app-brand-text">
            <span className="app-brand-name">{SYSTEM_NAME}</span>
            <span className="app-brand-owner">{OWNER_NAME}</span>
          </div>
        </div>
        <Space size={20} className="app-user">
          <TodoBell />
          <span data-testid="current-user">
            <UserOutlined /> <span className="app-user-name">{user.displayName}</span>
            <Tag className="app-user-role" data-testid="current-role" data-role={user.role}>
              {access.roleLabel}
            </Tag>
            <Typography.Text className="app-user-org">{user.orgName}</Typography.Text>
          </span>
          <Button id="change-password" aria-label="修改密码" type="text" icon={<KeyOutlined />} className="app-logout" onClick={() => setPasswordOpen(true)}>
            修改密码
          </Button>
          <ChangePasswordModal open={passwordOpen} username={user.username} onClose={() => setPasswordOpen(false)} />
          <Button id="logout" type="text" icon={<LogoutOutlined />} className="app-logout" loading={leaving} onClick={onLogout}>
            退出登录
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider
          width={176}
          className={`app-sider no-print${narrow ? ' app-sider-narrow' : ''}`}
          theme="light"
          collapsible={narrow}
          collapsed={narrow && collapsed}
          collapsedWidth={0}
          trigger={null}
        >
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname)]}
              defaultOpenKeys={['households', 'reviews', 'identification', 'assistance', 'organizing', 'exchange', 'admin']}
              onClick={({ key }) => {
                navigate(key);
                if (narrow) setCollapsed(true);
              }}
              items={menuItems(access, pending, reviews, unreadBulletins, incomingTransfers, openDuplicates, openDibao)}
            />
          </nav>
        </Sider>
        {narrow && !collapsed && <div className="app-sider-mask no-print" onClick={() => setCollapsed(true)} aria-hidden />}
        <Content className="app-content">
          <Spin spinning={navigation.state === 'loading'} delay={300}>
            {/* Content is the page's one <main> landmark already */}
            <Outlet />
          </Spin>
        </Content>
      </Layout>
    </Layout>
  );
}
