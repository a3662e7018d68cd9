/** The database refuses the write: the error names the constraint that did it (either driver). */
export async function rejected(write: () => Promise<unknown>): Promise<string> {
  try {
    await write();
  } catch (err) {
    const cause = (err as { cause?: { constraint_name?: string; constraint?: string; message?: string } })
      .cause;
    return cause?.constraint_name ?? cause?.constraint ?? cause?.message ?? String(err);
  }
  throw new Error('the write was accepted');
}
