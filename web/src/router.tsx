// The whole route tree in one file. Every page's selection is in its URL (validated search params), and every page
// is its own chunk, so the public portal does not download the charts or the staff layout.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import {
  validateChangesSearch,
  validateIndicatorSearch,
  validateOverviewSearch,
  validateWorklistSearch,
} from './search-params.ts';
import { planPageRoutes } from './routes-plan-pages.tsx';

const rootRoute = createRootRoute({ component: Outlet });

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: lazyRouteComponent(() => import('./layouts/app-layout.tsx'), 'AppLayout'),
});

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/home-page.tsx'), 'HomePage'),
});

const overviewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans/$plan',
  validateSearch: validateOverviewSearch,
  component: lazyRouteComponent(() => import('./pages/overview-page.tsx'), 'OverviewPage'),
});

const indicatorRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans/$plan/indicators/$code',
  validateSearch: validateIndicatorSearch,
  component: lazyRouteComponent(() => import('./pages/indicator-page.tsx'), 'IndicatorPage'),
});

const explanationRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans/$plan/targets/$targetId/explanation',
  component: lazyRouteComponent(() => import('./pages/explanation-page.tsx'), 'ExplanationPage'),
});

const changesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans/$plan/changes',
  validateSearch: validateChangesSearch,
  component: lazyRouteComponent(() => import('./pages/changes-page.tsx'), 'ChangesPage'),
});

const planPages = planPageRoutes(appLayout);

const draftRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/drafts',
  component: lazyRouteComponent(() => import('./pages/draft-page.tsx'), 'DraftPage'),
});
// Staff pages of issue 17 (part 2): login, account, the agency inbox, the approver's worklist.
const page = <P extends string>(
  path: P,
  load: () => Promise<Record<string, () => React.JSX.Element | null>>,
  name: string,
) => createRoute({ getParentRoute: () => appLayout, path, component: lazyRouteComponent(load, name) });
const loginRoute = page('/login', () => import('./pages/login-page.tsx'), 'LoginPage');
const accountRoute = page('/account', () => import('./pages/account-page.tsx'), 'AccountPage');
const inboxRoute = page('/plans/$plan/inbox', () => import('./pages/inbox-page.tsx'), 'InboxPage');
const worklistRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/plans/$plan/worklist',
  validateSearch: validateWorklistSearch,
  component: lazyRouteComponent(() => import('./pages/worklist-page.tsx'), 'WorklistPage'),
});
// Staff pages: administration, requests for explanation, progress reports, saved views (admin-page.tsx etc.).
const staff = <const P extends string>(path: P, file: () => Promise<Record<string, () => unknown>>, name: string) =>
  createRoute({ getParentRoute: () => appLayout, path, component: lazyRouteComponent(file as never, name as never) });
const staffRoutes = [
  staff('/admin', () => import('./pages/admin-page.tsx'), 'AdminPage'),
  staff('/requests', () => import('./pages/requests-page.tsx'), 'RequestsPage'),
  staff('/progress/$kind/$id', () => import('./pages/progress-page.tsx'), 'ProgressPage'),
  staff('/views', () => import('./pages/views-page.tsx'), 'ViewsPage'),
  staff('/views/$id', () => import('./pages/views-page.tsx'), 'SharedViewPage'),
];

const portalLayout = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal',
  component: lazyRouteComponent(() => import('./layouts/portal-layout.tsx'), 'PortalLayout'),
});

const portalHomeRoute = createRoute({
  getParentRoute: () => portalLayout,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/home-page.tsx'), 'PortalHomePage'),
});

const portalOverviewRoute = createRoute({
  getParentRoute: () => portalLayout,
  path: '$plan',
  validateSearch: validateOverviewSearch,
  component: lazyRouteComponent(() => import('./pages/overview-page.tsx'), 'PortalOverviewPage'),
});

const portalIndicatorRoute = createRoute({
  getParentRoute: () => portalLayout,
  path: '$plan/indicators/$code',
  validateSearch: validateIndicatorSearch,
  component: lazyRouteComponent(() => import('./pages/indicator-page.tsx'), 'PortalIndicatorPage'),
});

const portalExplanationRoute = createRoute({
  getParentRoute: () => portalLayout,
  path: '$plan/targets/$targetId/explanation',
  component: lazyRouteComponent(() => import('./pages/explanation-page.tsx'), 'PortalExplanationPage'),
});

const routeTree = rootRoute.addChildren([
  appLayout.addChildren([
    homeRoute,
    draftRoute,
    overviewRoute,
    indicatorRoute,
    explanationRoute,
    changesRoute,
    ...planPages,
    ...[loginRoute, accountRoute, inboxRoute, worklistRoute],
    ...staffRoutes,
  ]),
  portalLayout.addChildren([portalHomeRoute, portalOverviewRoute, portalIndicatorRoute, portalExplanationRoute]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
