// What the shopper socket is doing, for the header indicator.
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

class ConnectionStore {
  state = $state<ConnectionState>('connecting');
  /** Times the socket came back after a drop (not counting the first connect). */
  reconnects = $state(0);
}
export const connection = new ConnectionStore();
