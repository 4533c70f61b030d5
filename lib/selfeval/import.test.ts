/**
 * 从公开文本导入 with the published 棠溪镇 sample (lib/format/selfeval/samples): a table with the same
 * rows gets its 实际完成值, 分值, 得分 (a band for text targets), 偏差原因 and 全年执行数, saved as a new
 * version through the save command; a file for another project is refused in Chinese and saves nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSelfEval } from '@/db/queries/selfeval';
import type { Actor } from '@/lib/auth/permissions';
import type { TableData } from '@/lib/domain/schemas';
import { parseTarget } from '@/lib/domain/target-value-parse';
import tangxi from '@/lib/domain/testing/selfeval-tangxi-2022.json';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { selfEvalFor } from './access';
import { importSelfEval } from './commands/import-selfeval';
import { openSelfEvalRounds } from './commands/open-rounds';
import { loadSelfEvalView } from './read';

const sample = fs.readFileSync(path.join(__dirname, '..', 'format', 'selfeval', 'samples', 'tangxi-2022-tabs.txt'));
const asFile = (text: Buffer | string, fileName = 'tangxi.txt') => ({ bytes: typeof text === 'string' ? Buffer.from(text) : text, fileName });

let owner: Actor;
let reviewer: Actor;
let tangxiEval: number;
let otherEval: number;
const me = () => ({ actor: owner, ip: null });

/**
 * The 委托业务项目 table as its targets were approved: the sample's rows, the 经济效益 placeholder and the
 * 满意度 row the copy lacks; 单项业务成本 (renamed in the file below) with a value a 成本指标 may have.
 */
function tangxiTable(): TableData {
  const base = sampleTable('13080024P00009810003A', '90.00');
  const row = (level1: string, level2: string, name: string, value: string) => ({ level1, level2, name, description: name, value, target: parseTarget(value), basis: '工作计划', isPlaceholder: false });
  return {
    ...base,
    name: tangxi.source.project,
    indicators: [
      ...tangxi.indicators.slice(0, 6).map((r) => row(r.level1, r.level2, r.name, r.name === '单项业务成本' ? '≤1万元' : r.target)),
      { ...row('效益指标', '经济效益指标', '无经济效益指标', '无经济效益指标'), target: { kind: 'text' as const }, basis: '无经济效益指标', isPlaceholder: true },
      ...tangxi.indicators.slice(6).map((r) => row(r.level1, r.level2, r.name, r.target)),
      row('满意度指标', '服务对象满意度指标', '公众满意度', '≥90%'),
    ],
  };
}

async function approved(unitYearId: number, table: TableData): Promise<number> {
  const t = await createTable(me(), unitYearId, table);
  const s = await transitionTable(me(), 'submit', { projectId: t.projectId, version: t.version });
  await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId: t.projectId, version: s.version });
  return t.projectId;
}

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('100001', 2022, '100.00');
  owner = await makeActor('i-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor('i-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  const admin = await makeActor('i-admin', [], true);
  await approved(a.unitYear.id, tangxiTable());
  await approved(a.unitYear.id, sampleTable('13080024P00009810004A'));
  const ids = (await openSelfEvalRounds({ actor: admin, ip: null }, { unitYearIds: [a.unitYear.id] }))[0]!.selfEvalIds;
  [tangxiEval, otherEval] = ids as [number, number];
}, 60_000);

const view = async (id: number) => loadSelfEvalView(await selfEvalFor(owner, id, 'project.view'));

describe('importing a published 自评表', () => {
  it('refuses a file of another project in Chinese and saves nothing', async () => {
    const r = await refusal(() => importSelfEval(me(), otherEval, 1, asFile(sample)));
    expect(r.code).toBe('invalid');
    expect(r.message).toBe('文件中没有本项目（13080024P00009810004A 2024 调解仲裁和信访慰问业务经费）的自评表：读到的是 （无编码） 委托业务项目。请核对项目编码或名称。');
    expect(r.fieldErrors.file).toEqual([r.message]);
    expect((await getSelfEval(otherEval))!.version).toBe(1);
  });

  it('refuses a file with no 自评表 in it', async () => {
    const r = await refusal(() => importSelfEval(me(), tangxiEval, 1, asFile('无关文本')));
    expect(r.code).toBe('invalid');
    expect(r.message).toMatch(/^无法导入：/);
    expect((await getSelfEval(tangxiEval))!.version).toBe(1);
  });

  it('fills every matching row by its names, rates the text targets from their published scores, and saves', async () => {
    // One row renamed in the file: it is reported, and the stored row keeps what it had.
    const text = sample.toString('utf8').replace('\t单项业务成本\t', '\t单项业务成本（含税）\t');
    const r = await importSelfEval(me(), tangxiEval, 1, asFile(text));
    expect(r.version).toBe(2);
    expect(r.report.filled).toHaveLength(8);
    expect(r.report.unmatched).toEqual(['产出指标 / 成本指标 / 单项业务成本（含税）']);
    expect(r.report.untouched).toEqual(['单项业务成本', '公众满意度']);
    expect(r.report.funds).toBe(true);
    const v = await view(tangxiEval);
    const byName = new Map(v.rows.map((row) => [row.name, v.data.entries.find((e) => e.rowKey === row.key)!]));
    expect(byName.get('基建工程委托业务项目数量')).toMatchObject({ actual: '50', weight: '8', rating: null });
    expect(byName.get('经费支出合规性')).toMatchObject({ actual: '达成预期指标', weight: '8', score: '8', rating: 'achieved' });
    expect(byName.get('单项业务成本')).toMatchObject({ actual: '' });
    expect(v.data.funds.executed).toBe('0');
    // Scored by the one implementation: each imported row at its published score.
    const scores = v.rows.filter((row) => byName.get(row.name)?.actual).map((row) => v.evaluation.rows[row.key]?.score);
    expect(scores).toEqual(['8.00', '8.00', '8.00', '8.00', '8.00', '10.00', '10.00', '10.00']);
    expect((await getSelfEval(tangxiEval))!.version).toBe(2);
  });

  it('refuses a stale version and a 自评表 no longer editable, as saving does', async () => {
    expect((await refusal(() => importSelfEval(me(), tangxiEval, 1, asFile(sample)))).code).toBe('conflict');
    expect((await refusal(() => importSelfEval({ actor: reviewer, ip: null }, tangxiEval, 2, asFile(sample)))).code).toBe('denied');
  });
});
