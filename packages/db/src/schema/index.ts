export * from "./enums";
export * from "./clinics";
export * from "./practice";
export * from "./patients";
export * from "./appointments";
export * from "./audit";
export * from "./auth";
export { TENANT_ISOLATION_POLICY } from "./policies";
export * from "./integrations";
