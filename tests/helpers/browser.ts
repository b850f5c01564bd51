/**
 * Headless Chromium for the browser tests, with nothing to download: the binary ships inside
 * the @sparticuz/chromium npm package. Set CHROMIUM_PATH (e.g. /usr/bin/chromium) to use another.
 */
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

// The machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  const executablePath = override ?? (await sparticuz.executablePath());
  // The package's flags suit AWS Lambda; --single-process there makes the whole browser exit
  // when its first page closes, so it is dropped here.
  const packageArgs = sparticuz.args.filter((arg) => arg !== '--single-process');
  const args = override ? ['--no-sandbox', '--disable-gpu', ...QUIET_FLAGS] : [...packageArgs, ...QUIET_FLAGS];
  return chromium.launch({ executablePath, args, headless: true });
}
