/**
 * The base of every class that owns VS Code resources (listeners, emitters, panels, timers): it registers them as it
 * creates them and releases them all, once, on dispose. Disposing twice is harmless; something registered after
 * dispose is released at once, so a late callback cannot leak a listener.
 */
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private disposed = false;
  private readonly owned: vscode.Disposable[] = [];

  protected register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.owned);
  }
}

/** Dispose in reverse order of creation (what was made last may use what was made first), emptying the list. */
export function disposeAll(list: vscode.Disposable[]): void {
  while (list.length) list.pop()!.dispose();
}

/** A timer as a disposable. */
export function timeout(fn: () => void, ms: number): vscode.Disposable {
  const t = setTimeout(fn, ms);
  return { dispose: () => clearTimeout(t) };
}
