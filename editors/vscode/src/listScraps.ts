// "Scrap: List Scraps": a quick pick of every scrap in the workspace folders
// (headline; date, press, tags; path, missing sections, duplicates), narrowed
// by typing, opening the chosen file. The rows come from the same server
// binary's `scrapls list --format json`, with the filters of Neovim's
// `:ScrapList` (press, tag, missing section, since, until) as a second step.

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  describeFilter,
  filterValues,
  FILTER_KEYS,
  listArgs,
  newestFirst,
  parseRows,
  rowItem,
  type ScrapFilter,
  type ScrapRow,
} from './scrapRows';

/** The binary the language client runs, when one was found. */
type BinaryFor = () => string | undefined;
/** The `scrapls.templateFile` setting (the CLI's `--config`). */
type ConfigFor = () => string | null;

interface RowPick extends vscode.QuickPickItem {
  row: ScrapRow;
}

interface FilterPick extends vscode.QuickPickItem {
  key?: (typeof FILTER_KEYS)[number];
  value?: string;
}

function filterName(key: (typeof FILTER_KEYS)[number]): string {
  switch (key) {
    case 'since':
      return vscode.l10n.t('since');
    case 'until':
      return vscode.l10n.t('until');
    case 'press':
      return vscode.l10n.t('press');
    case 'tag':
      return vscode.l10n.t('tag');
    case 'missing':
      return vscode.l10n.t('missing');
  }
}

/** Runs `scrapls list` on one folder; rejects with the command's own message. */
function listFolder(binary: string, folder: string, filter: ScrapFilter, config: string | null): Promise<ScrapRow[]> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      listArgs(folder, filter, config),
      { cwd: folder, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(stderr.trim() || err.message));
        } else {
          resolve(parseRows(stdout).map((r) => ({ ...r, path: path.resolve(folder, r.path) })));
        }
      },
    );
  });
}

/** A filter passed as the command's argument (keybindings, other extensions). */
function filterFrom(arg: unknown): ScrapFilter {
  const filter: ScrapFilter = {};
  if (typeof arg === 'object' && arg !== null) {
    for (const key of FILTER_KEYS) {
      const v = (arg as Record<string, unknown>)[key];
      if (typeof v === 'string' && v.trim() !== '') {
        filter[key] = v.trim();
      }
    }
  }
  return filter;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter step: a press, tag or missing section found in the rows, or a date bound. */
async function chooseFilter(rows: readonly ScrapRow[], filter: ScrapFilter): Promise<ScrapFilter | undefined> {
  const values = filterValues(rows);
  const items: FilterPick[] = [];
  const group = (key: 'press' | 'tag' | 'missing', label: string) => {
    if (values[key].length > 0) {
      items.push({ label, kind: vscode.QuickPickItemKind.Separator });
      items.push(...values[key].map((value) => ({ label: value, description: filterName(key), key, value })));
    }
  };
  group('press', vscode.l10n.t('Press'));
  group('tag', vscode.l10n.t('Tag'));
  group('missing', vscode.l10n.t('Missing section'));
  items.push({ label: vscode.l10n.t('Dates'), kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: vscode.l10n.t('Since a date…'), key: 'since' }, { label: vscode.l10n.t('Until a date…'), key: 'until' });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Filter the scraps'),
    placeHolder: vscode.l10n.t('A press, a tag, a missing section or a date'),
    matchOnDescription: true,
  });
  if (!picked?.key) {
    return undefined;
  }
  let value = picked.value;
  if (value === undefined) {
    value = await vscode.window.showInputBox({
      title: filterName(picked.key),
      prompt: vscode.l10n.t('A date as YYYY-MM-DD'),
      placeHolder: '2026-11-01',
      value: filter[picked.key] ?? '',
      validateInput: (v) => (DATE.test(v.trim()) ? undefined : vscode.l10n.t('Enter a date as YYYY-MM-DD.')),
    });
    if (value === undefined) {
      return undefined;
    }
    value = value.trim();
  }
  return { ...filter, [picked.key]: value };
}

type Outcome = { open: ScrapRow } | { filter: ScrapFilter } | undefined;

/** One showing of the list with `filter`: what the user did with it. */
function showList(binary: string, folders: readonly string[], filter: ScrapFilter, config: string | null): Promise<Outcome> {
  const pick = vscode.window.createQuickPick<RowPick>();
  const active = describeFilter(filter, filterName);
  pick.title = active ? `${vscode.l10n.t('Scraps')} · ${active}` : vscode.l10n.t('Scraps');
  pick.placeholder = vscode.l10n.t('Type a headline, date, press, #tag or file name');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  const filterButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('filter'),
    tooltip: vscode.l10n.t('Filter by press, tag, missing section or date'),
  };
  const clearButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('clear-all'),
    tooltip: vscode.l10n.t('Clear the filters'),
  };
  pick.buttons = active ? [filterButton, clearButton] : [filterButton];
  const shown = (p: string) => vscode.workspace.asRelativePath(p, folders.length > 1);
  const words = {
    missing: (ids: string) => vscode.l10n.t('missing: {0}', ids),
    duplicate: (paths: string) => vscode.l10n.t('same article as {0}', paths),
  };
  let rows: ScrapRow[] = [];
  let settled = false;
  // The filter step hides the list; its choice, not the hiding, decides.
  let choosingFilter = false;
  return new Promise<Outcome>((resolve) => {
    const done = (outcome: Outcome) => {
      if (!settled) {
        settled = true;
        resolve(outcome);
        pick.dispose();
      }
    };
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      if (chosen) {
        done({ open: chosen.row });
      }
    });
    pick.onDidTriggerButton(async (button) => {
      if (button === clearButton) {
        done({ filter: {} });
        return;
      }
      choosingFilter = true;
      const next = await chooseFilter(rows, filter);
      done(next ? { filter: next } : { filter });
    });
    pick.onDidHide(() => {
      if (!choosingFilter) {
        done(undefined);
      }
    });
    pick.show();
    Promise.all(folders.map((f) => listFolder(binary, f, filter, config)))
      .then((found) => {
        rows = newestFirst(found.flat());
        pick.items = rows.map((row) => ({ ...rowItem(row, shown, words), row }));
        if (rows.length === 0) {
          pick.placeholder = active
            ? vscode.l10n.t('No scrap matches these filters.')
            : vscode.l10n.t('No scrap (*.scrap.md, *.scrap) in this workspace.');
        }
      })
      .catch((err: unknown) => {
        done(undefined);
        void vscode.window.showErrorMessage(`scrapls: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        pick.busy = false;
      });
  });
}

async function listScraps(binaryFor: BinaryFor, configFor: ConfigFor, arg: unknown): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('scrapls: open a folder of scraps first.'));
    return;
  }
  const binary = binaryFor();
  if (!binary) {
    void vscode.window.showWarningMessage(vscode.l10n.t('scrapls: the language server is not running.'));
    return;
  }
  let filter = filterFrom(arg);
  for (;;) {
    const outcome = await showList(binary, folders, filter, configFor());
    if (!outcome) {
      return;
    }
    if ('open' in outcome) {
      await vscode.window.showTextDocument(vscode.Uri.file(outcome.open.path));
      return;
    }
    filter = outcome.filter;
  }
}

/** Registers "Scrap: List Scraps". */
export function registerListCommand(context: vscode.ExtensionContext, binaryFor: BinaryFor, configFor: ConfigFor): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('scrap.listScraps', (arg?: unknown) => listScraps(binaryFor, configFor, arg)),
  );
}
