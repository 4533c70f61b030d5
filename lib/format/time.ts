/** Times shown to users: Beijing time unless TZ says otherwise, `2024-03-05 14:07`. */
const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: process.env.APP_TIMEZONE ?? 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function formatTime(ms: number): string {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
