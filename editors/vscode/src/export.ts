// Export commands: "Copy as Sheet Rows" puts the scrap on the clipboard in the
// group's sheet layout; "Export Digest…" saves the printable HTML digest of
// the scrap's folder (or of the scrap alone).

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

/** Server-side `workspace/executeCommand` ids of the export commands. */
export const ExportCommand = {
  copySheetRows: 'scrapls.copySheetRows',
  exportDigest: 'scrapls.exportDigest',
} as const;

type ClientFor = () => LanguageClient | undefined;
type ScrapFor = () => vscode.TextDocument | undefined;

function reportError(err: unknown): void {
  const msg = err instanceof Error ? err.message : String(err);
  void vscode.window.showErrorMessage(`scrapls: ${msg}`);
}

async function copySheetRows(requireClient: ClientFor, activeScrap: ScrapFor): Promise<void> {
  const c = requireClient();
  const doc = activeScrap();
  if (!c || !doc) {
    return;
  }
  try {
    const rows = await c.sendRequest(ExecuteCommandRequest.type, {
      command: ExportCommand.copySheetRows,
      arguments: [c.code2ProtocolConverter.asUri(doc.uri)],
    });
    if (typeof rows !== 'string') {
      throw new Error(vscode.l10n.t('the server returned no rows.'));
    }
    await vscode.env.clipboard.writeText(rows);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Sheet rows copied: paste them into the group\'s sheet.'),
    );
  } catch (err) {
    reportError(err);
  }
}

async function exportDigest(requireClient: ClientFor, activeScrap: ScrapFor): Promise<void> {
  const c = requireClient();
  const doc = activeScrap();
  if (!c || !doc) {
    return;
  }
  const folder = vscode.Uri.joinPath(doc.uri, '..');
  const scope = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Scraps in this folder'), target: folder },
      { label: vscode.l10n.t('This scrap only'), target: doc.uri },
    ],
    { title: vscode.l10n.t('Export Digest') },
  );
  if (!scope) {
    return;
  }
  const withBody = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Without the article bodies'), value: false },
      { label: vscode.l10n.t('With the article bodies (folded)'), value: true },
    ],
    { title: vscode.l10n.t('Export Digest') },
  );
  if (!withBody) {
    return;
  }
  // The save dialog asks before replacing an existing file.
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, 'digest.html'),
    filters: { HTML: ['html'] },
    title: vscode.l10n.t('Export Digest'),
  });
  if (!target) {
    return;
  }
  try {
    const html = await c.sendRequest(ExecuteCommandRequest.type, {
      command: ExportCommand.exportDigest,
      arguments: [c.code2ProtocolConverter.asUri(scope.target), { withBody: withBody.value }],
    });
    if (typeof html !== 'string') {
      throw new Error(vscode.l10n.t('the server returned no digest.'));
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
    const open = vscode.l10n.t('Open in Browser');
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('Digest saved.'), open)) === open) {
      await vscode.env.openExternal(target);
    }
  } catch (err) {
    reportError(err);
  }
}

/** Registers "Copy as Sheet Rows" and "Export Digest…". */
export function registerExportCommands(
  context: vscode.ExtensionContext,
  requireClient: ClientFor,
  activeScrap: ScrapFor,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('scrap.copySheetRows', () => copySheetRows(requireClient, activeScrap)),
    vscode.commands.registerCommand('scrap.exportDigest', () => exportDigest(requireClient, activeScrap)),
  );
}
