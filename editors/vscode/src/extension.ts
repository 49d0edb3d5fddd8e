// VS Code client for the scrapls language server.

import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerExportCommands } from './export';
import { registerListCommand } from './listScraps';
import { findServer, isFound, type FoundServer } from './server';

const LANGUAGE_ID = 'scrap';

/** Server-side `workspace/executeCommand` ids (see the server contract). */
export const ServerCommand = {
  fetchArticle: 'scrapls.fetchArticle',
  newFromUrl: 'scrapls.newFromUrl',
  convertToMarkdown: 'scrapls.convertToMarkdown',
  insertMissingSections: 'scrapls.insertMissingSections',
} as const;

/** The settings the server understands, in the contract's shape. */
export interface ServerSettings {
  templateFile: string | null;
  locale: 'ko' | 'en' | null;
  fetch: { timeoutMs: number; userAgent: string | null };
  severity: Record<string, string>;
}

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.LanguageStatusItem;
let current: FoundServer | undefined;

function emptyToNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.trim() === '' ? null : v;
}

export function serverSettings(): ServerSettings {
  const cfg = vscode.workspace.getConfiguration('scrapls');
  const locale = emptyToNull(cfg.get<string | null>('locale'));
  return {
    templateFile: emptyToNull(cfg.get<string | null>('templateFile')),
    locale: locale === 'ko' || locale === 'en' ? locale : null,
    fetch: {
      timeoutMs: cfg.get<number>('fetch.timeoutMs', 10000),
      userAgent: emptyToNull(cfg.get<string | null>('fetch.userAgent')),
    },
    severity: { ...(cfg.get<Record<string, string>>('severity') ?? {}) },
  };
}

function workspaceRoot(): string | undefined {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? folders[0].uri.fsPath : undefined;
}

async function reportMissingServer(
  context: vscode.ExtensionContext,
  tried: string[],
  badSetting: string | undefined,
): Promise<void> {
  const openSettings = vscode.l10n.t('Open Settings');
  const guide = vscode.l10n.t('Installation Guide');
  const message = badSetting
    ? vscode.l10n.t(
        'scrapls: the "scrapls.path" setting points to {0}, which is not an executable file. Fix the setting or clear it to use the bundled binary or the one on PATH.',
        badSetting,
      )
    : vscode.l10n.t(
        'scrapls: the language server binary was not found. Install it with "cargo install --path ." in the scrapls repository (or put scrapls on PATH), or set "scrapls.path".',
      );
  output.error(`${message} Looked at: ${tried.join('; ')}`);
  const choice = await vscode.window.showErrorMessage(message, openSettings, guide);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'scrapls.path');
  } else if (choice === guide) {
    // The extension's README carries the install and troubleshooting steps.
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(context.asAbsolutePath('README.md')));
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const lookup = findServer({
    setting: vscode.workspace.getConfiguration('scrapls').get<string | null>('path'),
    extensionPath: context.extensionPath,
    workspaceFolder: workspaceRoot(),
    envPath: process.env.PATH,
  });
  if (!isFound(lookup)) {
    current = undefined;
    status.text = vscode.l10n.t('scrapls: not found');
    status.severity = vscode.LanguageStatusSeverity.Error;
    await reportMissingServer(context, lookup.tried, lookup.badSetting);
    return;
  }
  current = lookup;
  output.info(`Starting ${lookup.command} serve (found via ${lookup.source})`);

  const serverOptions: ServerOptions = {
    run: { command: lookup.command, args: ['serve'] },
    debug: { command: lookup.command, args: ['serve'], options: { env: { ...process.env, RUST_BACKTRACE: '1' } } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    outputChannel: output,
    initializationOptions: serverSettings(),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/scrapls.toml'),
    },
  };
  client = new LanguageClient('scrapls', 'Scrap (scrapls)', serverOptions, clientOptions);
  try {
    await client.start();
    status.text = 'scrapls';
    status.severity = vscode.LanguageStatusSeverity.Information;
    status.detail = lookup.command;
  } catch (err) {
    status.text = vscode.l10n.t('scrapls: failed to start');
    status.severity = vscode.LanguageStatusSeverity.Error;
    const msg = err instanceof Error ? err.message : String(err);
    output.error(`Failed to start ${lookup.command}: ${msg}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('scrapls: the language server failed to start: {0}', msg));
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop(2000);
    } catch (err) {
      output.warn(`Stopping the server: ${String(err)}`);
    }
  }
}

function requireClient(): LanguageClient | undefined {
  if (!client || client.state !== State.Running) {
    void vscode.window.showWarningMessage(vscode.l10n.t('scrapls: the language server is not running.'));
    return undefined;
  }
  return client;
}

function activeScrap(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showWarningMessage(vscode.l10n.t('scrapls: open a scrap (*.scrap.md) first.'));
    return undefined;
  }
  return doc;
}

async function runOnDocument(command: string, progressTitle: string | undefined): Promise<void> {
  const c = requireClient();
  const doc = activeScrap();
  if (!c || !doc) {
    return;
  }
  const uri = c.code2ProtocolConverter.asUri(doc.uri);
  const run = () => c.sendRequest(ExecuteCommandRequest.type, { command, arguments: [uri] });
  try {
    if (progressTitle) {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: progressTitle, cancellable: false },
        run,
      );
    } else {
      await run();
    }
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(`scrapls: ${msg}`);
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

async function newFromUrl(arg?: unknown): Promise<void> {
  const c = requireClient();
  if (!c) {
    return;
  }
  const url =
    typeof arg === 'string'
      ? arg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('New Scrap from URL'),
          prompt: vscode.l10n.t('Address of the news article'),
          placeHolder: 'https://',
          ignoreFocusOut: true,
          validateInput: (v) => (isHttpUrl(v) ? undefined : vscode.l10n.t('Enter an http(s) address.')),
        });
  if (!url) {
    return;
  }
  try {
    const result = (await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fetching the article…') },
      () => c.sendRequest(ExecuteCommandRequest.type, { command: ServerCommand.newFromUrl, arguments: [url.trim()] }),
    )) as { text?: unknown } | null;
    if (!result || typeof result.text !== 'string') {
      throw new Error(vscode.l10n.t('the server returned no scrap.'));
    }
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
    await vscode.window.showTextDocument(doc);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(`scrapls: ${msg}`);
  }
}

function onConfigurationChanged(context: vscode.ExtensionContext, e: vscode.ConfigurationChangeEvent): void {
  if (e.affectsConfiguration('scrapls.path')) {
    void restart(context);
    return;
  }
  if (e.affectsConfiguration('scrapls') && client && client.state === State.Running) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { scrapls: serverSettings() },
    });
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  output.info('Restarting the language server');
  await stopClient();
  await startClient(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ serverPath(): string | undefined }> {
  output = vscode.window.createOutputChannel('Scrap (scrapls)', { log: true });
  status = vscode.languages.createLanguageStatusItem('scrapls.status', { language: LANGUAGE_ID });
  status.name = 'scrapls';
  status.text = 'scrapls';
  status.command = { command: 'scrap.showOutput', title: vscode.l10n.t('Show Output') };
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('scrap.newFromUrl', newFromUrl),
    vscode.commands.registerCommand('scrap.fetchArticle', () =>
      runOnDocument(ServerCommand.fetchArticle, vscode.l10n.t('Fetching the article…')),
    ),
    vscode.commands.registerCommand('scrap.convertToMarkdown', () =>
      runOnDocument(ServerCommand.convertToMarkdown, undefined),
    ),
    vscode.commands.registerCommand('scrap.insertMissingSections', () =>
      runOnDocument(ServerCommand.insertMissingSections, undefined),
    ),
    vscode.commands.registerCommand('scrap.restartServer', () => restart(context)),
    vscode.commands.registerCommand('scrap.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => onConfigurationChanged(context, e)),
  );
  registerExportCommands(context, requireClient, activeScrap);
  registerListCommand(context, () => current?.command, () => serverSettings().templateFile);
  await startClient(context);
  // A small API for tests and other extensions.
  return { serverPath: () => current?.command };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
