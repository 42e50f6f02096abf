// Every route of the API, registered in one place. Each names its policy action (route-table.ts); the session hook
// resolves the caller and checks that action before anything else runs.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime.ts';
import { registerSessionHook } from '../auth/session-hook.ts';
import { authRoutes } from './auth.ts';
import { collaborationRoutes } from './collaboration.ts';
import { draftRoutes } from './drafts.ts';
import { entryRoutes } from './entry.ts';
import { evaluationPartRoutes } from './evaluation-parts.ts';
import { evaluationRoutes } from './evaluations.ts';
import { healthRoutes } from './health.ts';
import { interchangeRoutes } from './interchange.ts';
import { issuedReportRoutes } from './issued-reports.ts';
import { observationRoutes } from './observations.ts';
import { planAdditionRoutes } from './plan-additions.ts';
import { planDocumentRoutes } from './plan-documents.ts';
import { planEditRoutes } from './plan-edits.ts';
import { planRoutes } from './plans.ts';
import { progressRoutes } from './progress.ts';
import { referenceRoutes } from './reference.ts';
import { referenceWriteRoutes } from './reference-writes.ts';
import { reportRoutes } from './reports.ts';
import { enforceRouteTable, registerReadSourceHeaders } from './route-table.ts';
import { targetSplitRoutes } from './target-splits.ts';
import { unitRoutes } from './units.ts';
import { userRoutes } from './users.ts';
import { vintageRoutes } from './vintages.ts';

export async function registerRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  // Liveness needs no caller and no policy: registered before the route table is enforced.
  await healthRoutes(api, runtime);
  enforceRouteTable(api);
  registerSessionHook(api, runtime);
  registerReadSourceHeaders(api, runtime);
  await authRoutes(api, runtime);
  await planRoutes(api, runtime);
  await referenceRoutes(api, runtime);
  await referenceWriteRoutes(api, runtime);
  await planEditRoutes(api, runtime);
  await planAdditionRoutes(api, runtime);
  await targetSplitRoutes(api, runtime);
  await entryRoutes(api, runtime);
  await observationRoutes(api, runtime);
  await progressRoutes(api, runtime);
  await evaluationRoutes(api, runtime);
  await evaluationPartRoutes(api, runtime);
  await reportRoutes(api, runtime);
  await issuedReportRoutes(api, runtime);
  await interchangeRoutes(api, runtime);
  await planDocumentRoutes(api, runtime);
  await vintageRoutes(api, runtime);
  await draftRoutes(api, runtime);
  await userRoutes(api, runtime);
  await unitRoutes(api, runtime);
  await collaborationRoutes(api, runtime);
}
