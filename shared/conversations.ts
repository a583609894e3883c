/**
 * The city's questions for neighbour conversations: configuration, not code. Each
 * key is what the phone writes into `conversations/<id>/answers` and what the observatory
 * aggregates; its text is the i18n message `conversation.q.<key>`. A city adds a question by
 * adding a key here and its two messages. The write policy allows at most 20 answers.
 */
export const CONVERSATION_QUESTIONS = [
  'feels_safe_night',
  'trash_pickup',
  'street_lighting',
  'suspicious_activity',
  'knows_alert_app',
] as const;

export type ConversationQuestion = (typeof CONVERSATION_QUESTIONS)[number];

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The note an officer may add to a conversation (the policy allows up to 1000). */
export const CONVERSATION_NOTE_MAX = 500;

export interface Conversation {
  id: string;
  at: string;
  location: { lat: number; lng: number; accuracy: number } | null;
  answers: Partial<Record<string, Answer>>;
  note: string;
  by: string;
}
