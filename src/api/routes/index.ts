// Every route of the API, registered in one place.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime.ts';
import { healthRoutes } from './health.ts';
import { planRoutes } from './plans.ts';

export async function registerRoutes(api: FastifyInstance, runtime: Runtime): Promise<void> {
  await healthRoutes(api, runtime);
  await planRoutes(api, runtime);
}
