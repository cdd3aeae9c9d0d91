// Stride's own pages in headless Chromium, as a person on a phone and on a desktop meets them:
// sign-in (wrong password first), an app's consent (cancel, then allow), connecting a device
// with its confirmation (cancel, then connect), an error page, signing out, registration and
// asking for a password reset link. On every page
// axe-core must find no serious or critical violation, and the page must load nothing that our
// Content-Security-Policy blocks. PlatformSystemTests runs this against the test stack's gateway.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BASE = required('STRIDE_BASE_URL').replace(/\/$/, '');
const CHROMIUM = process.env.STRIDE_CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'correct horse battery staple';
const PARTNER_CALLBACK = 'http://127.0.0.1:47999/partner-demo/callback';

const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 } },
};

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => browser?.close());

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** A fresh browser profile at one size that fails on any CSP violation or page error. */
async function person(size) {
  const context = await browser.newContext({ ...SIZES[size], locale: 'en-GB' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // an error page's own status is logged too: statuses are checked below, per resource
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'document' && response.status() >= 400 && !request.url().endsWith('/favicon.ico')) {
      problems.push(`${response.status()} for ${request.resourceType()} ${request.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith(PARTNER_CALLBACK.slice(0, 22))) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });
  // the partner's callback is not ours: answer it here, as the partner's server would
  await page.route(`${PARTNER_CALLBACK}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html',
      body: '<!doctype html><html lang="en"><title>Partner</title><h1>Partner callback</h1></html>' }));
  return { context, page, problems };
}

/** axe-core over the page as it is now; serious and critical violations fail, with their nodes. */
async function accessible(page, problems, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [], `axe on ${name} (${page.url()})`);
  assert.ok(await page.locator('html[lang]').count() === 1, `${name} has a lang`);
  assert.ok((await page.title()).endsWith('– Stride'), `${name} has a title: ${await page.title()}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, `${name} fits the screen width`);
  assert.deepEqual(problems.splice(0), [], `${name} loads without errors or CSP violations`);
}

async function registered() {
  const email = `browser-${randomUUID()}@example.com`;
  const answer = await fetch(`${BASE}/api/v1/accounts`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, displayName: 'Browser Tester' }),
  });
  assert.equal(answer.status, 202, 'registration accepted');
  return email;
}

async function signIn(page, problems, email, size) {
  await page.goto(`${BASE}/login`);
  await accessible(page, problems, `sign-in (${size})`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login\?error/);
  assert.equal(await page.getByRole('alert').innerText(), 'Wrong email or password. Check both and try again.');
  assert.equal(await page.getByLabel('Email').inputValue(), email, 'the email is kept');
  assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
  await accessible(page, problems, `sign-in failed (${size})`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function partnerAuthorizeUrl(state) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const query = new URLSearchParams({
    response_type: 'code', client_id: 'partner-demo', redirect_uri: PARTNER_CALLBACK,
    scope: 'openid profile profile:read', state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  return `${BASE}/oauth2/authorize?${query}`;
}

async function deviceCode() {
  const answer = await fetch(`${BASE}/oauth2/device_authorization`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'stride-device', scope: 'readings:write' }),
  });
  assert.equal(answer.status, 200, 'device authorization');
  return answer.json();
}

async function enterCode(page, problems, userCode, size) {
  await page.goto(`${BASE}/activate`);
  await accessible(page, problems, `device code form (${size})`);
  await page.getByLabel('Device code').fill(userCode);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Connect this Fitness tracker?' }).waitFor();
  assert.ok((await page.locator('.code').innerText()).includes(userCode), 'the code is shown to compare');
  await accessible(page, problems, `device confirmation (${size})`);
}

for (const size of Object.keys(SIZES)) {
  test(`a person signs in, approves an app, connects a device and signs out (${size})`, async () => {
    const email = await registered();
    const { context, page, problems } = await person(size);
    try {
      await signIn(page, problems, email, size);
      await page.waitForURL(/\/account$/);
      assert.ok((await page.locator('main').innerText()).includes(email));
      await accessible(page, problems, `account (${size})`);

      // an app asks: Cancel sends access_denied back, Allow sends a code
      await page.goto(partnerAuthorizeUrl('cancel-me'));
      await page.getByRole('heading', { name: 'Allow Demo partner app to use your Stride account?' }).waitFor();
      const words = await page.locator('main').innerText();
      for (const expected of [email, 'See your name', 'See your profile', 'Sign you in with your Stride account']) {
        assert.ok(words.includes(expected), `consent page says "${expected}"`);
      }
      assert.ok(!words.includes('partner-demo'), 'the app is named in words, not by its id');
      await accessible(page, problems, `consent (${size})`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.waitForURL(`${PARTNER_CALLBACK}**`);
      let answer = new URL(page.url()).searchParams;
      assert.equal(answer.get('error'), 'access_denied');
      assert.equal(answer.get('state'), 'cancel-me');

      await page.goto(partnerAuthorizeUrl('allow-me'));
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForURL(`${PARTNER_CALLBACK}**`);
      answer = new URL(page.url()).searchParams;
      assert.ok(answer.get('code'), 'a code for the app');
      assert.equal(answer.get('state'), 'allow-me');

      // a device: Cancel leaves it unconnected; the next one asks again, and Connect connects it
      const refused = await deviceCode();
      await enterCode(page, problems, refused.user_code, size);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: 'Device not connected' }).waitFor();
      await accessible(page, problems, `device not connected (${size})`);

      const device = await deviceCode();
      await enterCode(page, problems, device.user_code, size);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('heading', { name: 'Device connected' }).waitFor();
      await accessible(page, problems, `device connected (${size})`);

      // an app with an address it never registered gets no redirect, and the person a page
      await page.goto(partnerAuthorizeUrl('x').replace(encodeURIComponent(PARTNER_CALLBACK),
        encodeURIComponent('https://evil.example/callback')));
      await page.getByRole('heading', { name: 'Something in this link is not right' }).waitFor();
      assert.ok(page.url().startsWith(BASE), 'not sent anywhere');
      await accessible(page, problems, `error page (${size})`);

      // signing out asks first
      await page.goto(`${BASE}/logout`);
      await accessible(page, problems, `sign out (${size})`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login\?logout/);
      assert.equal(await page.getByRole('status').innerText(), 'You have been signed out.');
      await accessible(page, problems, `signed out (${size})`);
      await page.goto(`${BASE}/account`);
      assert.equal(new URL(page.url()).pathname, '/login', 'signed out: the account asks to sign in');
    } finally {
      await context.close();
    }
  });
}

test('forgot password: the link is asked for, and an old link says what to do (phone)', async () => {
  const email = await registered();
  const { context, page, problems } = await person('phone');
  try {
    await page.goto(`${BASE}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await accessible(page, problems, 'forgot password');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.locator('#email-error').waitFor();
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
    await accessible(page, problems, 'forgot password with an error');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    assert.ok((await page.getByRole('status').innerText()).includes(email));
    await accessible(page, problems, 'reset link sent');
    await page.goto(`${BASE}/reset-password?token=not-a-token-we-sent`);
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'the token left the address');
    await accessible(page, problems, 'reset link not working');
  } finally {
    await context.close();
  }
});

test('the emailed reset link sets a new password (desktop)', async () => {
  const email = required('STRIDE_RESET_EMAIL');
  const { context, page, problems } = await person('desktop');
  try {
    await page.goto(required('STRIDE_RESET_LINK'));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'the token left the address');
    assert.ok((await page.locator('main').innerText()).includes(email));
    await accessible(page, problems, 'new password');
    await page.getByLabel('New password').fill('password1');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.locator('#password-error').waitFor();
    assert.equal(await page.getByLabel('New password').getAttribute('aria-invalid'), 'true');
    await accessible(page, problems, 'new password with an error');
    await page.getByLabel('New password').fill('a brand new passphrase 42');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.waitForURL(/\/login\?reset/);
    assert.equal(await page.getByLabel('Email').inputValue(), email);
    await page.getByLabel('Password').fill('a brand new passphrase 42');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account$/);
  } finally {
    await context.close();
  }
});

test('the registration page names what to fix (phone)', async () => {
  const { context, page, problems } = await person('phone');
  try {
    await page.goto(`${BASE}/login`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await accessible(page, problems, 'registration');
    const email = `browser-${randomUUID()}@example.com`;
    await page.getByLabel('Your name').fill('Browser Tester');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('#password-error').waitFor();
    assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Email').inputValue(), email, 'what was typed is kept');
    await accessible(page, problems, 'registration with an error');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/login\?registered/);
    assert.equal(await page.getByLabel('Email').inputValue(), email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account$/);
  } finally {
    await context.close();
  }
});
