import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface FeedbackEntry {
  vote: 'up' | 'down';
  question: string;
  /** How the answer was found: 'hybrid' or 'keyword'. */
  mode: string;
  /** The cited sources ("[1] Title <url>"), so a vote can be traced to what was answered. */
  sources: string[];
  userId: string;
  messageId: string;
}

/** Appends 👍/👎 votes to a JSON-lines file: the question and sources, never other message content. */
export async function recordFeedback(file: string, entry: FeedbackEntry): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}
