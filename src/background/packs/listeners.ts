/** Top-level listeners of the rule store (subscription alarms); registered synchronously from src/background/index.ts. */
export function registerPackListeners(): void {}
