// Opens the runtime for one CLI command from the environment's configuration, and always closes it.
import { loadConfig, type Config } from '../config/config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';

export async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>, overrides: Partial<Config> = {}): Promise<T> {
  const config = loadConfig(process.env, overrides);
  const rt = await openRuntime(config, { info: (m) => process.stderr.write(`${m}\n`) });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
