// jszip's option defaults (plain JS, no types of its own); only the field we set.
declare module 'jszip/lib/defaults' {
  const defaults: { date: Date | null };
  export default defaults;
}
