import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL into migrations/ (committed, reviewed); the app applies them.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema/*.ts',
  out: './migrations',
  casing: 'snake_case',
});
