export * from "./format";
export * from "./local-date";
export * from "./zone";
