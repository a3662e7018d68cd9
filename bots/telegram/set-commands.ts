// The command menu in both languages: English is the default, Russian for clients set to Russian.
// Telegram menus only take Latin names, so the Russian aliases (/остаток) stay typed-only.

import type { Telegram } from 'telegraf';

type Menu = { command: string; description: string }[];

export const COMMAND_MENUS: Readonly<Record<'en' | 'ru', Menu>> = {
  en: [
    { command: 'stock', description: 'Stock and runway of one SKU: /stock SKU-42' },
    { command: 'runway', description: 'The SKUs that run out first: /runway 10' },
    { command: 'digest', description: "Today's digest with actions" },
    { command: 'orders', description: 'Open purchase orders' },
    { command: 'help', description: 'What I can do' },
    { command: 'link', description: 'Link this chat to your company: /link CODE' },
  ],
  ru: [
    { command: 'stock', description: 'Остаток и запас по товару: /stock SKU-42' },
    { command: 'runway', description: 'Товары, которые закончатся первыми: /runway 10' },
    { command: 'digest', description: 'Сводка на сегодня с действиями' },
    { command: 'orders', description: 'Открытые заказы поставщикам' },
    { command: 'help', description: 'Что я умею' },
    { command: 'link', description: 'Привязать чат к компании: /link КОД' },
  ],
};

export async function registerCommands(telegram: Telegram): Promise<void> {
  await telegram.setMyCommands(COMMAND_MENUS.en);
  await telegram.setMyCommands(COMMAND_MENUS.ru, { language_code: 'ru' });
}
