// Small helpers to drive the VS Code workbench in Chromium like a person:
// the palette, Quick Open, finding text in the editor, reading the inline
// verdicts that decorations draw after a line.

/** Waits for the workbench to be interactive. */
export async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.part.statusbar', { timeout: 60_000 });
}

/** F1, type, Enter: runs a command by its title. */
export async function runFromPalette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Ctrl+P, type the file name, Enter. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
}

/**
 * The screen point of `needle` in the visible editor (Monaco renders spaces
 * as no-break spaces), plus `offset` characters; null when not visible.
 */
export async function pointOf(page, needle, offset = 0) {
  return page.evaluate(({ needle, offset }) => {
    for (const line of document.querySelectorAll('.editor-instance .view-line')) {
      const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      const at = text.indexOf(needle);
      if (at < 0) continue;
      let remaining = at + offset;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (remaining < length) {
          const range = document.createRange();
          range.setStart(node, remaining);
          range.setEnd(node, remaining + 1);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        remaining -= length;
      }
    }
    return null;
  }, { needle, offset });
}

/** The verdict marks drawn after the editor line that contains `needle` (decorations render as ::after content). */
export async function marksOnLine(page, needle) {
  return page.evaluate((needle) => {
    const lines = [...document.querySelectorAll('.editor-instance .view-line')];
    const line = lines.find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle));
    if (!line) return null;
    const marks = [];
    for (const el of [line, ...line.querySelectorAll('*')]) {
      for (const pseudo of ['::before', '::after']) {
        const content = getComputedStyle(el, pseudo).content;
        if (content && content !== 'none' && content !== 'normal') marks.push(content.replace(/^"|"$/g, ''));
      }
      // Newer workbenches render attached text as real spans.
      if (el !== line && el.children.length === 0 && /^[✓✗?≔]( |$)/.test(el.textContent ?? '')) marks.push(el.textContent);
    }
    return marks;
  }, needle);
}

export async function waitUntil(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
