/** Runs once when the server starts: migrate, seed, load the demo on first start, print demo logins. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startupOrExit } = await import('./lib/setup/startup');
  await startupOrExit();
}
