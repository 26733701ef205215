/**
 * The slice of better-sqlite3 12's API that store/ uses. The package ships no
 * types and @types/better-sqlite3 is not a dependency; delete this file if it
 * becomes one.
 */
declare module 'better-sqlite3' {
  export interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }

  export interface Statement {
    run(...params: unknown[]): RunResult;
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }

  export interface Transaction<F extends (...args: never[]) => unknown> {
    (...args: Parameters<F>): ReturnType<F>;
    immediate(...args: Parameters<F>): ReturnType<F>;
  }

  export interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    /** Milliseconds to wait on a locked database before SQLITE_BUSY. */
    timeout?: number;
  }

  export interface Database {
    readonly open: boolean;
    readonly inTransaction: boolean;
    readonly name: string;
    prepare(sql: string): Statement;
    exec(sql: string): Database;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
    close(): Database;
  }

  const Database: new (filename: string, options?: Options) => Database;
  export default Database;
}
