import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import { getSession } from './api/session';
import { isApiError, loginUrlFor, setUnauthorizedHandler } from './api/request';
import { APP_ROUTE_ID, type AppLoaderData } from './lib/session';
import AppLayout from './pages/layout/AppLayout';
import RouteError from './pages/errors/RouteError';
import NotFound from './pages/errors/NotFound';
import PageLoading from './components/PageLoading';
import RequireAccess from './components/RequireAccess';
import type { Permission } from './lib/access';

/** Every protected page first learns who is signed in; not signed in → /login?redirect=… */
async function sessionLoader({ request }: LoaderFunctionArgs): Promise<AppLoaderData> {
  try {
    const { user } = await getSession(request.signal);
    return { user };
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      const url = new URL(request.url);
      throw redirect(loginUrlFor(url.pathname + url.search));
    }
    throw e;
  }
}

/** A lazily loaded page; with a permission, the roles without it see 403 (lib/access.ts). */
const page = (load: () => Promise<{ default: ComponentType }>, permission?: Permission) => async () => {
  const Page = (await load()).default;
  if (!permission) return { Component: Page };
  return {
    Component: () => (
      <RequireAccess permission={permission}>
        <Page />
      </RequireAccess>
    ),
  };
};

export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: page(() => import('./pages/login/LoginPage')),
    hydrateFallbackElement: <PageLoading />,
    errorElement: <RouteError />,
  },
  {
    id: APP_ROUTE_ID,
    path: '/',
    loader: sessionLoader,
    // The user does not change while browsing; a later 401 is caught by the request wrapper.
    shouldRevalidate: () => false,
    element: <AppLayout />,
    hydrateFallbackElement: <PageLoading />,
    errorElement: <RouteError />,
    children: [
      // 工作台: the first page after login, for every role
      { index: true, lazy: page(() => import('./pages/dashboard/DashboardPage')) },
      { path: 'campaigns', lazy: page(() => import('./pages/campaigns/CampaignListPage'), 'campaigns.view') },
      { path: 'campaigns/new', lazy: page(() => import('./pages/campaigns/CampaignFormPage'), 'campaigns.edit') },
      { path: 'campaigns/:id', lazy: page(() => import('./pages/campaigns/CampaignDetailPage'), 'campaigns.view') },
      { path: 'campaigns/:id/edit', lazy: page(() => import('./pages/campaigns/CampaignFormPage'), 'campaigns.edit') },
      { path: 'bulletins', lazy: page(() => import('./pages/bulletins/BulletinListPage'), 'bulletins.view') },
      { path: 'bulletins/:id', lazy: page(() => import('./pages/bulletins/BulletinPage'), 'bulletins.view') },
      { path: 'assessment', lazy: page(() => import('./pages/assessment/AssessmentPage'), 'assessment.view') },
      { path: 'commendations', lazy: page(() => import('./pages/commendations/CommendationsPage'), 'commendations.view') },
      { path: 'households', lazy: page(() => import('./pages/households/HouseholdListPage')) },
      { path: 'households/new', lazy: page(() => import('./pages/households/HouseholdFormPage'), 'household.create') },
      { path: 'households/:id', lazy: page(() => import('./pages/households/HouseholdDetailPage')) },
      { path: 'households/:id/edit', lazy: page(() => import('./pages/households/HouseholdFormPage'), 'household.edit') },
      { path: 'policy', lazy: page(() => import('./pages/policy/PolicyPage'), 'policy.view') },
      { path: 'removal-proposals', lazy: page(() => import('./pages/proposals/RemovalProposalsPage'), 'proposals.view') },
      { path: 'reviews', lazy: page(() => import('./pages/reviews/ReviewQueuePage'), 'reviews.queue') },
      { path: 'my', lazy: page(() => import('./pages/assistance/MyHouseholdsPage'), 'assistance.my') },
      { path: 'follow-ups', lazy: page(() => import('./pages/followUps/FollowUpsPage'), 'followUps.view') },
      { path: 'transfers', lazy: page(() => import('./pages/transfers/TransfersPage'), 'transfers.view') },
      { path: 'duplicates', lazy: page(() => import('./pages/duplicates/DuplicatesPage'), 'duplicates.view') },
      { path: 'dibao', lazy: page(() => import('./pages/dibao/DibaoPage'), 'dibao.view') },
      { path: 'assistance', lazy: page(() => import('./pages/assistance/SummaryPage'), 'assistance.summary') },
      { path: 'batches', lazy: page(() => import('./pages/assistance/BatchesPage'), 'batches.view') },
      { path: 'links', lazy: page(() => import('./pages/assistance/LinksPage'), 'links.view') },
      { path: 'working-groups', lazy: page(() => import('./pages/assistance/WorkingGroupsPage'), 'groups.view') },
      { path: 'working-groups/:regionCode', lazy: page(() => import('./pages/assistance/WorkingGroupPage'), 'groups.view') },
      { path: 'measures', lazy: page(() => import('./pages/assistance/MeasuresPage'), 'measures.view') },
      // one route with an optional id: choosing a file and landing on its import keeps the page mounted
      { path: 'exchange/import/:id?', lazy: page(() => import('./pages/exchange/ImportPage'), 'exchange.import') },
      { path: 'reports/region-summary', lazy: page(() => import('./pages/reports/RegionSummaryPage'), 'report.regionSummary') },
      { path: 'admin/orgs', lazy: page(() => import('./pages/admin/OrgsPage'), 'orgs.manage') },
      { path: 'admin/users', lazy: page(() => import('./pages/admin/UsersPage'), 'users.manage') },
      { path: 'admin/approvals', lazy: page(() => import('./pages/admin/ApprovalsPage'), 'users.approve') },
      { path: 'admin/audit', lazy: page(() => import('./pages/admin/AuditPage'), 'audit.view') },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

setUnauthorizedHandler((loginUrl) => {
  if (!window.location.pathname.startsWith('/login')) void router.navigate(loginUrl, { replace: true });
});
