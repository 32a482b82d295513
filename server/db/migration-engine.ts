// Offline Prisma migrations. Prisma 7's CLI downloads a native schema engine before every migrate
// command (not possible offline), so we drive the WASM schema engine shipped on npm directly,
// through the better-sqlite3 driver adapter. Internal API: pinned to the version prisma's CLI uses.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
  databaseUrl: string;
}

/** The wasm-bindgen glue exposes these two hooks; its .d.ts types them loosely. */
interface WasmBindgenExports {
  __wbindgen_start(): void;
}
interface WasmBindgenGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

let wasmReady = false;
function initWasm(): void {
  if (wasmReady) return;
  // Node 20 cannot `import` a .wasm file: load it next to the JS glue and link it by hand.
  const wasmUrl = new URL(
    import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm"),
  );
  // The module namespace is the import object the wasm expects; WebAssembly.Imports wants a
  // record of functions, which a namespace object is at runtime. One cast, here only.
  const imports = { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmUrl)), imports);
  (bg as unknown as WasmBindgenGlue).__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as WasmBindgenExports).__wbindgen_start();
  wasmReady = true;
}

/** better-sqlite3 refuses multi-statement `executeRaw`, which the engine's shadow-DB replay uses. */
function allowScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const raw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = (q: SqlQuery) =>
    q.args.length ? raw(q) : adapter.executeScript(q.sql).then(() => 0);
  return adapter;
}

/** The file a `file:` SQLite URL names (relative to the working directory), or null (in memory). */
export function sqliteFilePath(url: string): string | null {
  const p = url.replace(/^file:/, "");
  return p === ":memory:" || p === "" ? null : p;
}

const filters: SchemaFilter = { externalTables: [], externalEnums: [] };

export class MigrationEngine {
  private constructor(
    private readonly engine: bg.SchemaEngine,
    private readonly paths: MigrationPaths,
    private readonly schemaContent: string,
    private readonly connections: SqlDriverAdapter[],
  ) {}

  static async open(paths: MigrationPaths): Promise<MigrationEngine> {
    initWasm();
    const file = sqliteFilePath(paths.databaseUrl);
    if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const lock = path.join(paths.migrationsDir, "migration_lock.toml");
    if (!existsSync(lock)) {
      mkdirSync(paths.migrationsDir, { recursive: true });
      writeFileSync(lock, 'provider = "sqlite"\n');
    }
    const schemaContent = readFileSync(paths.schemaPath, "utf8");
    const base = new PrismaBetterSqlite3({ url: paths.databaseUrl, timeout: 5000 });
    // The engine never closes what it opens; left open, the file stays locked for the next user
    // (PRAGMA journal_mode=WAL needs it alone), so we keep them to dispose in close().
    const connections: SqlDriverAdapter[] = [];
    const track = (a: SqlDriverAdapter): SqlDriverAdapter => {
      connections.push(a);
      return allowScripts(a);
    };
    const factory: SqlMigrationAwareDriverAdapterFactory = {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => track(await base.connect()),
      connectToShadowDb: async () => track(await base.connectToShadowDb()),
    };
    const engine = await bg.SchemaEngine.new(
      { datamodels: [[paths.schemaPath, schemaContent]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return new MigrationEngine(engine, paths, schemaContent, connections);
  }

  private list(): MigrationList {
    const dir = this.paths.migrationsDir;
    return {
      baseDir: dir,
      shadowDbInitScript: "",
      lockfile: {
        path: "migration_lock.toml",
        content: readFileSync(path.join(dir, "migration_lock.toml"), "utf8"),
      },
      migrationDirectories: readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
        .map((name) => ({
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok" as const, value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
          },
        })),
    };
  }

  /** Writes a new migration directory when the schema moved on; returns its name or null. */
  async createMigration(name: string): Promise<string | null> {
    const result = await this.engine.diff({
      from: { tag: "migrations", ...this.list() },
      to: { tag: "schemaDatamodel", files: [{ path: this.paths.schemaPath, content: this.schemaContent }] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = result.stdout ?? "";
    if (!sql.trim() || /^-- This is an empty migration\.\s*$/.test(sql.trim())) return null;
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dirName = `${stamp}_${name}`;
    const dir = path.join(this.paths.migrationsDir, dirName);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    return dirName;
  }

  /** Applies pending migrations; returns the names applied now. */
  async deploy(): Promise<string[]> {
    const out = await this.engine.applyMigrations({ migrationsList: this.list(), filters });
    return out.appliedMigrationNames;
  }

  async close(): Promise<void> {
    this.engine.free();
    await Promise.all(this.connections.map((c) => c.dispose().catch(() => {})));
  }
}

export function defaultMigrationPaths(databaseUrl: string, root = process.cwd()): MigrationPaths {
  return {
    schemaPath: path.join(root, "prisma/schema.prisma"),
    migrationsDir: path.join(root, "prisma/migrations"),
    databaseUrl,
  };
}

function migrationNames(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * Migrations not yet applied, read with a plain connection. The schema engine locks the database
 * file exclusively, which fails while the console holds it open; asking first lets `vigil user add`
 * run beside a running console whenever there is nothing to apply (the usual case).
 */
export function pendingMigrations(databaseUrl: string, root = process.cwd()): string[] {
  const all = migrationNames(defaultMigrationPaths(databaseUrl, root).migrationsDir);
  const file = sqliteFilePath(databaseUrl);
  if (!file || !existsSync(file)) return all;
  const conn = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const rows = conn
      .prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { name: string }[]; // the row shape our SELECT names; better-sqlite3 types rows as unknown
    const applied = new Set(rows.map((r) => r.name));
    return all.filter((n) => !applied.has(n));
  } finally {
    conn.close();
  }
}

/** Apply pending migrations to a database (used at console start and by tests). */
export async function deployMigrations(databaseUrl: string, root = process.cwd()): Promise<string[]> {
  if (pendingMigrations(databaseUrl, root).length === 0) return [];
  const engine = await MigrationEngine.open(defaultMigrationPaths(databaseUrl, root));
  try {
    return await engine.deploy();
  } finally {
    await engine.close();
  }
}
