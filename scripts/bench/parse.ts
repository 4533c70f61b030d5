/** Parse speed: the reference warm (target < 20 ms) and throughput on it repeated 100 times (≥ 5 MB/s). */
import { parseBench } from './parse-core';
import { ms, printTable } from './stats';

async function main(): Promise<void> {
  const r = await parseBench(false);
  printTable([
    { 测量: '解析参考文档（热）', 中位数: ms(r.warm.p50), p95: ms(r.warm.p95), 目标: '< 20 ms' },
    { 测量: `解析参考文档 ×100（${(r.bytes / 1024 / 1024).toFixed(1)} MB）`, 中位数: `${r.mbPerSecond.toFixed(1)} MB/s`, p95: '', 目标: '≥ 5 MB/s' },
  ]);
}

void main();
