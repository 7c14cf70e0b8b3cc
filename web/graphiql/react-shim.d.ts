// @types/react is not among the dependencies: this declares the little of React that main.tsx
// uses, so that `npm run typecheck:web` checks the playground too (GraphiQL's own props are untyped).
declare module "react" {
  export const StrictMode: unknown;
  export function createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}
declare module "react-dom/client" {
  export function createRoot(container: Element): { render(node: unknown): void };
}
