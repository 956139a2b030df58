import type { OrderItem } from './orders.js';

export interface InventoryItem {
  gpuId: string;
  name: string;
  stock: number;
  price: number;
  isActive: boolean;
}
export interface InventorySnapshotEvent {
  items: InventoryItem[];
}
export interface OrderCreatedEvent {
  orderId: string;
  userId: string;
  items: OrderItem[];
  total: number;
  createdAt?: string;
}
export interface StatsEvent {
  connectedClients: number;
  activeChats: number;
  instances: number;
}
