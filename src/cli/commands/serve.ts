// `chitieu serve`: the API and the web app on PORT, with graceful shutdown on SIGTERM/SIGINT.
import type { Command } from 'commander';
import { buildServer } from '../../api/server.ts';
import { loadConfig } from '../../config/config.ts';
import { openRuntime } from '../../runtime.ts';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the API (/api) and the web app (/) on PORT (default 3000)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
      const runtime = await openRuntime(config, {
        info: (m) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: m })}\n`),
      });
      const app = await buildServer(runtime);
      let closing = false;
      const shutdown = async (signal: string): Promise<void> => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down: finishing requests, closing the database');
        await app.close();
        await runtime.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      process.on('SIGINT', () => void shutdown('SIGINT'));
      await app.listen({ port: config.port, host: config.host });
    });
}
