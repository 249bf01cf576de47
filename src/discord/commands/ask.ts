import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { admitQuestion, answerInQueue } from '../answering.js';
import { NO_PINGS } from '../mentions.js';

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
      const payload = await answerInQueue(ctx, question, (progress) => interaction.editReply({ ...progress, allowedMentions: NO_PINGS }));
      await interaction.editReply({ ...payload, allowedMentions: NO_PINGS });
    },
  } satisfies Command;
}
