export * from "./messages";
export * from "./actions";
export * from "./values";
export * from "./commands";
export * from "./config";
