import { chromium, type FullConfig } from '@playwright/test';
import { DEMO_ROLES, storageStatePath } from './fixtures/accounts';

/** Signs in once per role and keeps the cookies for the tests. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const use = config.projects[0]!.use;
  const browser = await chromium.launch(use.launchOptions);
  for (const role of DEMO_ROLES) {
    const page = await browser.newPage({ baseURL: use.baseURL, locale: 'zh-CN' });
    await page.goto('/login');
    await page.getByLabel('用户名').fill(role.username);
    await page.getByLabel('密码').fill(role.password);
    await page.getByRole('button', { name: '登录' }).click();
    // Home: a reviewer lands on 我的待办, the others on the project list.
    await page.waitForURL(role.role === 'reviewer' ? '**/tasks' : '**/projects**');
    await page.context().storageState({ path: storageStatePath(role.username) });
    await page.close();
  }
  await browser.close();
}
