/** 导出 XLSX / PDF / JSON of a 自评表 or a unit-year's: plain links, the route sends the file. */
export function ExportButtons({ href }: { href: string }) {
  return (
    <span className="row" style={{ gap: 6 }}>
      {(['xlsx', 'pdf', 'json'] as const).map((f) => (
        <a key={f} className="btn btn-small" href={`${href}?format=${f}`}>
          导出 {f.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
