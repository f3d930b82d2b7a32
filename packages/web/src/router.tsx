import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import { getSession } from './api/session';
import { isApiError, loginUrlFor, setUnauthorizedHandler } from './api/request';
import { APP_ROUTE_ID, type AppLoaderData } from './lib/session';
import AppLayout from './pages/layout/AppLayout';
import RouteError from './pages/errors/RouteError';
import NotFound from './pages/errors/NotFound';
import PageLoading from './components/PageLoading';

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

const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

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
      { index: true, loader: () => redirect('/households') },
      { path: 'households', lazy: page(() => import('./pages/households/HouseholdListPage')) },
      { path: 'households/new', lazy: page(() => import('./pages/households/HouseholdFormPage')) },
      { path: 'households/:id', lazy: page(() => import('./pages/households/HouseholdDetailPage')) },
      { path: 'households/:id/edit', lazy: page(() => import('./pages/households/HouseholdFormPage')) },
      { path: 'policy', lazy: page(() => import('./pages/policy/PolicyPage')) },
      { path: 'removal-proposals', lazy: page(() => import('./pages/proposals/RemovalProposalsPage')) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

setUnauthorizedHandler((loginUrl) => {
  if (!window.location.pathname.startsWith('/login')) void router.navigate(loginUrl, { replace: true });
});
