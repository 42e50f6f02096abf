// The routes of the plan's tasks, key projects, breakthroughs and agency pages, under the staff layout; kept apart
// from router.tsx so that the route tree there stays one line per group.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import {
  validateBreakthroughsSearch,
  validateCommunesSearch,
  validateProjectsSearch,
  validateTasksSearch,
} from './search-params.ts';

export function planPageRoutes<P extends AnyRoute>(layout: P) {
  return [
    createRoute({
      getParentRoute: () => layout,
      path: '/plans/$plan/tasks',
      validateSearch: validateTasksSearch,
      component: lazyRouteComponent(() => import('./pages/tasks-page.tsx'), 'TasksPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/plans/$plan/projects',
      validateSearch: validateProjectsSearch,
      component: lazyRouteComponent(() => import('./pages/projects-page.tsx'), 'ProjectsPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/plans/$plan/breakthroughs',
      validateSearch: validateBreakthroughsSearch,
      component: lazyRouteComponent(() => import('./pages/breakthroughs-page.tsx'), 'BreakthroughsPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/plans/$plan/indicators/$code/communes',
      validateSearch: validateCommunesSearch,
      component: lazyRouteComponent(() => import('./pages/communes-page.tsx'), 'CommunesPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/plans/$plan/agencies',
      component: lazyRouteComponent(() => import('./pages/agency-page.tsx'), 'AgenciesPage'),
    }),
    createRoute({
      getParentRoute: () => layout,
      path: '/plans/$plan/agencies/$agency',
      component: lazyRouteComponent(() => import('./pages/agency-page.tsx'), 'AgencyPage'),
    }),
  ] as const;
}
