import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { admitQuestion, answerInQueue } from '../answering.js';
import type { MessagePayload } from '../format.js';
import { NO_PINGS } from '../mentions.js';
import { langOf } from '../strings.js';

export function askCommand(maxQuestionChars: number): Command {
  return {
    data: new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a question about the articles; the answer quotes them with sources.')
      .addStringOption((o) => o.setName('question').setDescription('In English or French').setRequired(true).setMaxLength(maxQuestionChars))
      .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'))
      .toJSON(),
    async execute(interaction, ctx) {
      const question = admitQuestion(ctx, interaction.user.id, interaction.options.getString('question', true));
      const ephemeral = interaction.options.getBoolean('private') ?? false;
      // Discord wants an acknowledgement within 3 s; a deferred reply may take 15 minutes.
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      const showProgress = (progress: MessagePayload) => interaction.editReply({ ...progress, allowedMentions: NO_PINGS });
      const { payload, key } = await answerInQueue(ctx, question, { userId: interaction.user.id, lang: langOf(interaction.locale) }, { showProgress });
      const message = await interaction.editReply({ ...payload, allowedMentions: NO_PINGS });
      ctx.memory.attach(key, message.id);
    },
  } satisfies Command;
}
