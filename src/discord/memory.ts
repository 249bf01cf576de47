import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AskResult } from '../engine.js';
import type { Lang } from './strings.js';

export interface RememberedAnswer {
  /** The question as answered (a follow-up carries its previous question's subject). */
  result: AskResult;
  askerId: string;
  lang: Lang;
  messageId?: string;
}

/**
 * The bot's short memory of recent answers, in process: what "Show quotes" reveals, whose answer
 * a vote is on, which question a reply follows up. Bounded (oldest forgotten first); after a
 * restart an old answer's buttons say it expired and a reply to it reads its embed's title.
 * Votes are remembered per message and user, and read back from the feedback log at start, so
 * one vote per user per answer holds across restarts.
 */
export class AnswerMemory {
  private readonly answers = new Map<string, RememberedAnswer>();
  private readonly byMessage = new Map<string, string>();
  private readonly votes = new Set<string>();

  constructor(private readonly capacity = 2000) {}

  /** Keeps an answer; returns the short key its buttons carry. */
  remember(answer: RememberedAnswer): string {
    const key = randomBytes(6).toString('hex');
    this.answers.set(key, answer);
    if (this.answers.size > this.capacity) {
      const [oldest, old] = this.answers.entries().next().value!;
      this.answers.delete(oldest);
      if (old.messageId) this.byMessage.delete(old.messageId);
    }
    return key;
  }

  /** Links an answer to the message that shows it, once Discord has given the message its id. */
  attach(key: string, messageId: string): void {
    const answer = this.answers.get(key);
    if (!answer) return;
    answer.messageId = messageId;
    this.byMessage.set(messageId, key);
  }

  get(key: string): RememberedAnswer | undefined {
    return this.answers.get(key);
  }

  forMessage(messageId: string): RememberedAnswer | undefined {
    const key = this.byMessage.get(messageId);
    return key === undefined ? undefined : this.answers.get(key);
  }

  /** Records a vote; false when this user already voted on this message. */
  vote(messageId: string, userId: string): boolean {
    const id = `${messageId}:${userId}`;
    if (this.votes.has(id)) return false;
    this.votes.add(id);
    return true;
  }

  /** Reads past votes from the feedback log (JSON lines with messageId and userId); a missing log is no vote. */
  async loadVotes(feedbackLog: string): Promise<void> {
    let text: string;
    try {
      text = await readFile(feedbackLog, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      try {
        const entry = JSON.parse(line) as { messageId?: string; userId?: string };
        if (entry.messageId && entry.userId) this.votes.add(`${entry.messageId}:${entry.userId}`);
      } catch {
        // a torn last line (a crash mid-write) is skipped
      }
    }
  }
}
