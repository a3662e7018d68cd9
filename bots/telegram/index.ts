export { createTelegramBot, type TelegramBot, type TelegramBotOptions } from './bot.js';
export { startPolling } from './polling.js';
export { COMMAND_MENUS, registerCommands } from './set-commands.js';
export { secretMatches, type TelegramWebhookOptions, telegramWebhookRoute } from './webhook-route.js';
