/** The log sender: one line per notification (stdout by default), for sites without a webhook. */
import { describeMessage, type NotificationMessage, type Sender } from './sender.js';

export class LogSender implements Sender {
  readonly name = 'log';
  constructor(
    private readonly write: (line: string, message: NotificationMessage) => void = (line) => {
      process.stdout.write(`${line}\n`);
    },
  ) {}

  async send(message: NotificationMessage): Promise<void> {
    this.write(`notification ${describeMessage(message)}`, message);
  }
}
