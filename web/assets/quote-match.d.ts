/** Types of quote-match.js (browser code, also unit-tested under Node). */
export function locate(key: string, quote: string): [number, number] | null;
export function highlightQuote(root: Element | null, quote: string): HTMLElement[];
export function showQuote(marks: HTMLElement[], statusElement: Element | null): void;
