#!/bin/sh
# Prints an XLSX the way a spreadsheet program would, to look at it: LibreOffice (headless) converts
# it to PDF with the sheets' own page set-up (A4, print titles, breaks, centring), then pdftoppm turns
# the pages into PNGs. Needs Debian's libreoffice-calc, poppler-utils and a CJK font (fonts-noto-cjk).
#
#   scripts/export-check/xlsx-to-png.sh FILE.xlsx OUT_DIR [DPI]
#
# Writes OUT_DIR/<name>.pdf and OUT_DIR/<name>-<page>.png; keep OUT_DIR outside the repository.
set -eu

if [ $# -lt 2 ]; then
  echo "用法：$0 文件.xlsx 输出目录 [分辨率，默认 70]" >&2
  exit 2
fi
xlsx=$1
out=$2
dpi=${3:-70}
[ -f "$xlsx" ] || { echo "找不到文件：$xlsx" >&2; exit 1; }
command -v soffice >/dev/null || { echo "缺少 soffice：apt-get install -y --no-install-recommends libreoffice-calc" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "缺少 pdftoppm：apt-get install -y poppler-utils" >&2; exit 1; }

mkdir -p "$out"
name=$(basename "$xlsx" .xlsx)
# A profile of its own, so runs beside each other (or beside a desktop LibreOffice) do not collide.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --norestore --convert-to pdf --outdir "$out" "$xlsx" >/dev/null
[ -f "$out/$name.pdf" ] || { echo "LibreOffice 没有生成 $out/$name.pdf" >&2; exit 1; }
pdftoppm -r "$dpi" -png "$out/$name.pdf" "$out/$name"
pages=$(pdfinfo "$out/$name.pdf" | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$out/$name.pdf" | sed -n 's/^Page size: *//p')
echo "$out/$name.pdf: $pages 页，$size"
