#!/usr/bin/env node
// Entry point of the `vigil` command: registers tsx (with the project's tsconfig, so `@/` paths
// resolve from any working directory) and hands over to the TypeScript CLI.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import(path.join(root, "cli", "main.ts"));
process.exitCode = await main(process.argv.slice(2));
