/**
 * The "quote prefix" cell style (`<xf quotePrefix="1">`): Excel and WPS then keep a cell's text as text
 * even when someone edits it, so exported text starting with `=`, `+`, `-` or `@` never becomes a live
 * formula (lib/domain/formula-text.ts). exceljs 4.4.0 (pinned) neither writes nor keeps the attribute;
 * this teaches its style writer both, for the in-memory and the streaming workbook alike.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

type XmlStream = { openNode(name: string, attributes: Record<string, string | number>): void; addAttribute(name: string, value: string | number): void };
type StyleModel = Record<string, unknown> & { quotePrefix?: boolean };
type StyleXform = { render(xml: XmlStream, model: StyleModel): void };
type StylesXform = {
  addStyleModel(model: StyleModel | undefined, cellType?: unknown): number;
  _addStyle(style: StyleModel): number;
  isQuotePending?: boolean;
};

let isInstalled = false;

/** Installs the attribute into exceljs's style writer (once per process). */
export function installQuotePrefix(): void {
  if (isInstalled) return;
  isInstalled = true;
  // The module instances exceljs itself loads, resolved from exceljs as xlsx-writer.ts does.
  const fromApp = createRequire(path.join(process.cwd(), 'package.json'));
  const fromExcel = createRequire(fromApp.resolve('exceljs'));
  const style = fromExcel('exceljs/lib/xlsx/xform/style/style-xform') as { prototype: StyleXform };
  const styles = fromExcel('exceljs/lib/xlsx/xform/style/styles-xform') as { prototype: StylesXform };

  const render = style.prototype.render;
  style.prototype.render = function (xml, model) {
    if (!model.quotePrefix) return render.call(this, xml, model);
    // Attributes must be added right after the node opens, before its children are written.
    const openNode = xml.openNode;
    xml.openNode = (name, attributes) => {
      openNode.call(xml, name, attributes);
      if (name === 'xf') xml.addAttribute('quotePrefix', '1');
    };
    try {
      render.call(this, xml, model);
    } finally {
      // Back to the stream's own (prototype) method.
      Reflect.deleteProperty(xml, 'openNode');
    }
  };

  const addStyleModel = styles.prototype.addStyleModel;
  styles.prototype.addStyleModel = function (model, cellType) {
    this.isQuotePending = Boolean(model?.quotePrefix);
    try {
      return addStyleModel.call(this, model, cellType);
    } finally {
      this.isQuotePending = false;
    }
  };
  const addStyle = styles.prototype._addStyle;
  styles.prototype._addStyle = function (s) {
    return addStyle.call(this, this.isQuotePending ? { ...s, quotePrefix: true } : s);
  };
}
