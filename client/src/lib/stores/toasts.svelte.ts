// Short status messages announced to screen readers (a polite live region in the layout).
export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error' | 'success';
}

class ToastStore {
  items = $state<Toast[]>([]);
}
export const toasts = new ToastStore();
let next = 1;

export function toast(text: string, kind: Toast['kind'] = 'info', ms = 4000): void {
  const id = next++;
  toasts.items.push({ id, text, kind });
  setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number): void {
  toasts.items = toasts.items.filter((t) => t.id !== id);
}
