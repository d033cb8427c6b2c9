import type { ExportFormat } from '../app/persistence.ts';

/**
 * Why a session's file could not be made, named by its kind, wherever its button is (the summary,
 * History, the storage notice): the writer's own words ("its writer could not be loaded…") say what
 * went wrong, not which file.
 */
export function fileNotMadeWords(format: ExportFormat, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `The ${format.toUpperCase()} file could not be made: ${why}`;
}
