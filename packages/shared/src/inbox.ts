export const MESSAGE_KINDS = ['system', 'customer', 'admin'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/** Plain text; longer messages are refused. */
export const MESSAGE_MAX_LENGTH = 5000;

export interface MessageView {
  id: number;
  kind: MessageKind;
  body: string;
  createdAt: string;
  authorId: number | null;
  /** Admin-only note; customers never receive these. */
  internal: boolean;
}

export interface ThreadSummary {
  id: number;
  orderNumber: string;
  unread: number;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
}

export interface ThreadView {
  id: number;
  orderNumber: string;
  unread: number;
  messages: MessageView[];
}

export interface PostMessageRequest {
  body: string;
  /** Admins only: an internal note the customer never sees. */
  internal?: boolean;
}

export interface UnreadCount {
  unread: number;
  threads: number;
}
