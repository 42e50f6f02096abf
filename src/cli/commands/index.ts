// Every CLI command, registered in one place.
import type { Command } from 'commander';
import { addVintageCommand } from './add-vintage.ts';
import { backupCommands } from './backup.ts';
import { baselinesCommand } from './baselines.ts';
import { changesCommand } from './changes.ts';
import { draftPlanCommand } from './draft-plan.ts';
import { discrepanciesCommand } from './discrepancies.ts';
import { evaluateCommand } from './evaluate.ts';
import { importDatasetCommand } from './import-dataset.ts';
import { interchangeCommands } from './interchange.ts';
import { issuedCommands } from './issued.ts';
import { migrateCommand } from './migrate.ts';
import { overrideCommand } from './override.ts';
import { plansCommand } from './plans.ts';
import { reportCommand } from './report.ts';
import { serveCommand } from './serve.ts';
import { unitsCommand } from './units.ts';

export function registerCommands(program: Command): void {
  serveCommand(program);
  migrateCommand(program);
  plansCommand(program);
  importDatasetCommand(program);
  evaluateCommand(program);
  addVintageCommand(program);
  changesCommand(program);
  overrideCommand(program);
  draftPlanCommand(program);
  reportCommand(program);
  discrepanciesCommand(program);
  issuedCommands(program);
  interchangeCommands(program);
  backupCommands(program);
  baselinesCommand(program);
  unitsCommand(program);
}
