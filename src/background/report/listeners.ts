/** Top-level listeners of the report flow (outbox alarms); registered synchronously from src/background/index.ts. */
export function registerReportListeners(): void {}
