// Filled in by the foundation work: prepares the template database for integration tests.
export async function setup(): Promise<void> {}
